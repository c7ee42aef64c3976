import i18n from 'i18next';
import { ApiError } from '../../app/api-error';

/**
 * What to tell people when an emailed link (verify email, reset password) failed because of the
 * link itself, or null when something else went wrong. A token cut short or garbled on its way
 * from the email fails the request's schema (`validation.failed` on `token`) before it is looked
 * up; to the person it is the same dead link as an unknown token, so it reads the same.
 */
export function getLinkProblem(error: unknown): string | null {
  if (!(error instanceof ApiError)) return null;
  if (error.code.startsWith('auth.token_')) return error.message || i18n.t('errors.linkInvalid');
  if (error.code === 'validation.failed' && error.fieldErrors.token?.length) return i18n.t('errors.linkInvalid');
  return null;
}
