import type { Locale } from './locale';

/**
 * Every error code the API can answer with, and its message in each language.
 * Codes are stable: clients and tests match on them, never on the message.
 */
export const ERROR_MESSAGES = {
  'internal': {
    en: 'Something went wrong on our side. Please try again; if it keeps happening, contact your administrator.',
    ko: '서버에서 문제가 발생했습니다. 다시 시도해 주세요. 계속되면 관리자에게 문의하세요.',
  },
  'not_found': {
    en: 'There is nothing at this address.',
    ko: '요청한 주소에 해당하는 항목이 없습니다.',
  },
  'validation.failed': {
    en: 'Some fields are not valid. Check the highlighted fields and try again.',
    ko: '입력값이 올바르지 않습니다. 표시된 항목을 확인한 뒤 다시 시도해 주세요.',
  },
  'request.malformed_json': {
    en: 'The request body is not valid JSON.',
    ko: '요청 본문이 올바른 JSON 형식이 아닙니다.',
  },
  'request.too_large': {
    en: 'The request body is too large.',
    ko: '요청 본문이 너무 큽니다.',
  },
  'request.unsupported_media_type': {
    en: 'This content type is not supported here.',
    ko: '지원하지 않는 콘텐츠 형식입니다.',
  },
  'rate_limited': {
    en: 'Too many attempts. Wait a moment and try again.',
    ko: '시도 횟수가 너무 많습니다. 잠시 후 다시 시도해 주세요.',
  },
  'auth.unauthenticated': {
    en: 'Sign in to continue.',
    ko: '계속하려면 로그인하세요.',
  },
  'auth.invalid_credentials': {
    en: 'The email or password is not correct.',
    ko: '이메일 또는 비밀번호가 올바르지 않습니다.',
  },
  'auth.account_disabled': {
    en: 'This account is disabled. Contact your administrator.',
    ko: '사용이 중지된 계정입니다. 관리자에게 문의하세요.',
  },
  'auth.csrf_failed': {
    en: 'The request could not be verified. Reload the page and try again.',
    ko: '요청을 확인할 수 없습니다. 페이지를 새로 고친 뒤 다시 시도해 주세요.',
  },
  'auth.password_change_required': {
    en: 'Change your one-time password before you continue.',
    ko: '계속하려면 먼저 임시 비밀번호를 변경하세요.',
  },
  'auth.wrong_password': {
    en: 'The current password is not correct.',
    ko: '현재 비밀번호가 올바르지 않습니다.',
  },
  'auth.weak_password': {
    en: 'The password needs at least 7 characters with a lower-case letter, an upper-case letter, a digit and a special character.',
    ko: '비밀번호는 7자 이상이며 영문 소문자, 대문자, 숫자, 특수문자를 각각 하나 이상 포함해야 합니다.',
  },
  'auth.forbidden': {
    en: 'You do not have permission to do this.',
    ko: '이 작업을 수행할 권한이 없습니다.',
  },
  'tokens.not_found': {
    en: 'This API token does not exist.',
    ko: '해당 API 토큰이 없습니다.',
  },
  'users.not_found': {
    en: 'There is no user with this email address.',
    ko: '해당 이메일 주소의 사용자가 없습니다.',
  },
  'users.email_taken': {
    en: 'A user with this email address already exists.',
    ko: '이 이메일 주소를 사용하는 사용자가 이미 있습니다.',
  },
  'service.shutting_down': {
    en: 'The server is restarting. Try again in a moment.',
    ko: '서버가 다시 시작하는 중입니다. 잠시 후 다시 시도해 주세요.',
  },
  'backup.target_not_empty': {
    en: 'The database to restore into already holds data. Restore into an empty data directory or database.',
    ko: '복원할 데이터베이스에 이미 데이터가 있습니다. 비어 있는 데이터 디렉터리나 데이터베이스에 복원하세요.',
  },
  'backup.invalid_file': {
    en: 'This file is not an Atrium backup, or it is damaged.',
    ko: 'Atrium 백업 파일이 아니거나 손상된 파일입니다.',
  },
  'backup.version_mismatch': {
    en: 'This backup was made by a newer version of Atrium. Upgrade Atrium before restoring it.',
    ko: '더 새로운 버전의 Atrium에서 만든 백업입니다. Atrium을 업그레이드한 뒤 복원하세요.',
  },
} as const satisfies Record<string, Record<Locale, string>>;

export type ErrorCode = keyof typeof ERROR_MESSAGES;

/** The message for an error code in the given language. */
export function errorMessage(code: ErrorCode, locale: Locale): string {
  return ERROR_MESSAGES[code][locale];
}

/** The error envelope every API error answers with. */
export interface ErrorEnvelope {
  error: { code: ErrorCode; message: string; details?: unknown };
}
