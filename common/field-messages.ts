import { en as enLocale } from 'zod/v4/locales';
import type { Locale } from './locale';

/**
 * A field's validation error as people read it, in their language. Zod writes its own messages in
 * English for developers ("Too big: expected string to have <=200 characters"); the API answers a
 * Korean request with Korean ones, and an English request with plainer English. Messages a schema
 * sets itself stay as written when they are error codes (`validation.display_name`, which the web
 * app translates) or text this table does not know.
 */

/** A Zod issue as fastify-type-provider-zod hands it on: the code, the message, and the issue's other fields. */
export interface FieldIssue {
  code: string;
  message: string;
  origin?: string;
  maximum?: number | bigint;
  minimum?: number | bigint;
  inclusive?: boolean;
  format?: string;
  values?: readonly unknown[];
  expected?: string;
  keys?: readonly string[];
}

type Texts = Record<Locale, string>;
const text = (en: string, ko: string): Texts => ({ en, ko });

/** Messages schemas set themselves, in plain words. */
const CUSTOM: Record<string, Texts> = {
  'required': text('Required.', '필수 항목입니다.'),
  'control characters are not allowed': text('Control characters (such as a NUL or a tab) are not allowed.', '제어 문자(NUL, 탭 등)는 사용할 수 없습니다.'),
  'nothing to change': text('There is nothing to change.', '변경할 내용이 없습니다.'),
};

const FORMATS: Record<string, Texts> = {
  email: text('Enter a valid email address.', '올바른 이메일 주소를 입력하세요.'),
  url: text('Enter a valid web address (URL).', '올바른 웹 주소(URL)를 입력하세요.'),
  uuid: text('This is not a valid identifier.', '올바른 식별자가 아닙니다.'),
  guid: text('This is not a valid identifier.', '올바른 식별자가 아닙니다.'),
  datetime: text('Enter a valid date and time.', '올바른 날짜와 시간을 입력하세요.'),
  date: text('Enter a valid date (YYYY-MM-DD).', '올바른 날짜(YYYY-MM-DD)를 입력하세요.'),
  time: text('Enter a valid time.', '올바른 시간을 입력하세요.'),
  ipv4: text('Enter a valid IPv4 address.', '올바른 IPv4 주소를 입력하세요.'),
  ipv6: text('Enter a valid IPv6 address.', '올바른 IPv6 주소를 입력하세요.'),
};
const ANY_FORMAT = text('This is not in the expected format.', '형식이 올바르지 않습니다.');

const TYPES: Record<string, Texts> = {
  string: text('text', '텍스트'),
  number: text('a number', '숫자'),
  int: text('a whole number', '정수'),
  boolean: text('true or false', '참 또는 거짓'),
  array: text('a list', '목록'),
  object: text('an object', '객체'),
};

const isCode = (message: string) => /^[a-z_]+(\.[a-z_]+)+$/.test(message);
const renderEnglish = enLocale().localeError as (issue: FieldIssue) => string | { message: string } | undefined;

/** True when the message is Zod's own for this issue, not one a schema set. */
function isZodDefault(issue: FieldIssue): boolean {
  // The type message names what was received, which is not passed on: its start tells it apart.
  if (issue.code === 'invalid_type') return issue.message.startsWith('Invalid input');
  try {
    const rendered = renderEnglish(issue);
    return (typeof rendered === 'string' ? rendered : rendered?.message) === issue.message;
  } catch {
    return false;
  }
}

function sizeMessage(issue: FieldIssue, locale: Locale): string | null {
  const big = issue.code === 'too_big';
  const limit = big ? issue.maximum : issue.minimum;
  if (limit === undefined) return null;
  const inclusive = issue.inclusive !== false;
  const n = Number(limit).toLocaleString(locale === 'ko' ? 'ko-KR' : 'en-US');
  if (issue.origin === 'string') {
    if (!big && Number(limit) === 1 && inclusive) return CUSTOM.required![locale];
    const en = big ? `Use at most ${n} characters.` : `Use at least ${n} characters.`;
    const ko = big ? `${n}자 이하로 입력하세요.` : `${n}자 이상 입력하세요.`;
    return locale === 'ko' ? ko : en;
  }
  if (issue.origin === 'array' || issue.origin === 'set') {
    if (locale === 'ko') return big ? `${n}개 이하로 선택하세요.` : `${n}개 이상 선택하세요.`;
    return big ? `Choose at most ${n}.` : `Choose at least ${n}.`;
  }
  if (issue.origin === 'number' || issue.origin === 'int' || issue.origin === 'bigint') {
    if (locale === 'ko') return `${n} ${big ? (inclusive ? '이하' : '미만') : inclusive ? '이상' : '초과'}여야 합니다.`;
    return `Must be ${big ? (inclusive ? 'at most' : 'less than') : inclusive ? 'at least' : 'more than'} ${n}.`;
  }
  if (issue.origin === 'file') return locale === 'ko' ? `파일이 너무 ${big ? '큽니다' : '작습니다'}.` : `The file is too ${big ? 'large' : 'small'}.`;
  return null;
}

/** The message for one issue in the locale; the issue's own message when there is nothing better. */
export function fieldIssueMessage(issue: FieldIssue, locale: Locale): string {
  const custom = CUSTOM[issue.message];
  if (custom) return custom[locale];
  if (isCode(issue.message) || !isZodDefault(issue)) return issue.message;
  switch (issue.code) {
    case 'too_big':
    case 'too_small':
      return sizeMessage(issue, locale) ?? issue.message;
    case 'invalid_format':
      return (FORMATS[issue.format ?? ''] ?? ANY_FORMAT)[locale];
    case 'invalid_value': {
      const values = (issue.values ?? []).map(String).join(', ');
      return locale === 'ko' ? `다음 중 하나여야 합니다: ${values}` : `Must be one of: ${values}.`;
    }
    case 'invalid_type': {
      if (/received undefined$/.test(issue.message)) return CUSTOM.required![locale];
      const expected = TYPES[issue.expected ?? '']?.[locale] ?? issue.expected ?? '';
      return locale === 'ko' ? `${expected} 값이어야 합니다.` : `Must be ${expected}.`;
    }
    case 'unrecognized_keys': {
      const keys = (issue.keys ?? []).join(', ');
      return locale === 'ko' ? `알 수 없는 항목입니다: ${keys}` : `Unknown field: ${keys}.`;
    }
    default:
      return locale === 'ko' ? '값이 올바르지 않습니다.' : 'This value is not valid.';
  }
}
