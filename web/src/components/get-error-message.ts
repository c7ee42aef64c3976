import i18n from 'i18next';
import { ApiError } from '../app/api-error';

/** A message a person can act on: the server's localized message when there is one, else ours. */
export function getErrorMessage(error: unknown): string {
  if (error instanceof ApiError) {
    if (error.message) return error.message;
    if (error.code === 'rate_limited') return i18n.t('errors.rateLimited');
    if (error.status === 0) return i18n.t('errors.network');
  }
  return i18n.t('errors.unexpected');
}
