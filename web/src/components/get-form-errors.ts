import { getErrorMessage } from './get-error-message';
import { getFieldErrors } from './get-field-errors';

/** A failed request as a form shows it: messages under its fields, and the rest in its alert. */
export interface FormErrors<F extends string> {
  /** The translated message of each of the form's fields the server found wrong. */
  fields: Partial<Record<F, string>>;
  /** The alert's message, or null when the messages under the fields say it all. */
  form: string | null;
}

/**
 * The errors of a failed request for a form showing `fields`: each field's own message (codes such
 * as `validation.control_characters` in the user's language), and the generic "some fields are not
 * valid" only when no field of the form can show what is wrong.
 */
export function getFormErrors<F extends string>(error: unknown, fields: readonly F[]): FormErrors<F> {
  if (!error) return { fields: {}, form: null };
  const all = getFieldErrors(error);
  const shown: Partial<Record<F, string>> = {};
  for (const field of fields) if (all[field]) shown[field] = all[field];
  const coversAll = Object.keys(shown).length > 0 && Object.keys(all).every((field) => field in shown);
  return { fields: shown, form: coversAll ? null : getErrorMessage(error) };
}
