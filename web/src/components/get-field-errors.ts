import i18n from 'i18next';
import { ApiError } from '../app/api-error';

/**
 * What a code's text may use: the server's message for the error the field belongs to (when that is
 * not the generic "some fields are not valid") and the value the field had, when the form knows it.
 */
interface CodeContext {
  fallback?: string;
  value?: string;
}

/** Codes the server may send as a field's error, with their text in the UI's language. */
const codeTexts: Record<string, (context: CodeContext) => string> = {
  'validation.display_name': () => i18n.t('fieldErrors.displayName'),
  'validation.phone': () => i18n.t('fieldErrors.phone'),
  'validation.accept_terms': () => i18n.t('fieldErrors.acceptTerms'),
  'validation.accept_privacy': () => i18n.t('fieldErrors.acceptPrivacy'),
  'validation.terms_version': () => i18n.t('fieldErrors.termsVersion'),
  'validation.privacy_version': () => i18n.t('fieldErrors.privacyVersion'),
  'validation.control_characters': () => i18n.t('fieldErrors.controlCharacters'),
  'validation.header_injection': () => i18n.t('fieldErrors.controlCharacters'),
  'validation.domain': ({ value }) => (value ? i18n.t('fieldErrors.domainNamed', { value }) : i18n.t('fieldErrors.domain')),
  'validation.nothing_to_change': () => i18n.t('fieldErrors.nothingToChange'),
  'auth.weak_password': () => i18n.t('fieldErrors.weakPassword'),
  'auth.common_password': () => i18n.t('fieldErrors.commonPassword'),
  'auth.display_name_taken': () => i18n.t('fieldErrors.displayNameTaken'),
  'settings.invalid_ip_rule': () => i18n.t('fieldErrors.ipRule'),
  'settings.duplicate_ip_rule': () => i18n.t('fieldErrors.duplicateIpRule'),
  'settings.invalid_phone': () => i18n.t('fieldErrors.phone'),
  'auth.same_password': () => i18n.t('fieldErrors.samePassword'),
  'audit.invalid_time_zone': () => i18n.t('fieldErrors.timeZone'),
  'sites.not_found': () => i18n.t('fieldErrors.siteNotFound'),
  // The schema's code for an address that is not https, and the server's for one that does not
  // answer discovery: its message says which.
  'sso.invalid_issuer': ({ fallback }) => fallback || i18n.t('settings.sso.errors.issuerHttps'),
};

/** An error code (`auth.wrong_password`) rather than words: never shown to people as it is. */
const isCode = (text: string) => /^[a-z_]+(\.[a-z_]+)+$/.test(text);

/**
 * A field error as people should read it: known codes translated (naming `value`, the field's value,
 * where that helps), any other code as `fallback` (the server's message, already in the user's
 * language) or a plain "not valid", other text as written.
 */
export function translateFieldError(text: string, fallback?: string, value?: string): string {
  const known = Object.hasOwn(codeTexts, text) ? codeTexts[text] : undefined;
  if (known) return known({ fallback, value });
  if (isCode(text)) return fallback || i18n.t('fieldErrors.invalid');
  return text;
}

/** The envelope's message when it is about this error, not the generic "some fields are not valid". */
const messageOf = (error: ApiError): string | undefined => (error.code === 'validation.failed' ? undefined : error.message);

/**
 * The per-field messages of a failed request, translated, by field name (`password`,
 * `consoleAllowedIps.2`), each message once. `codeFields` maps an error code the server answers with
 * as a whole (such as `auth.common_password`) to the field it is about; `valueOf` gives the value a
 * field was sent with, for the messages that name it. Empty when nothing points at a field.
 */
export function getFieldErrors(error: unknown, codeFields: Record<string, string> = {}, valueOf?: (field: string) => string | undefined): Record<string, string> {
  if (!(error instanceof ApiError)) return {};
  const result: Record<string, string> = {};
  for (const [field, messages] of Object.entries(error.fieldErrors)) {
    const value = valueOf?.(field);
    if (messages?.length) result[field] = [...new Set(messages.map((message) => translateFieldError(message, messageOf(error), value)))].join(' ');
  }
  const codeField = codeFields[error.code];
  if (Object.keys(result).length === 0 && codeField) result[codeField] = error.message || translateFieldError(error.code, messageOf(error));
  return result;
}
