import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { fieldIssueMessage, type FieldIssue } from './field-messages';

/** The issues of a failed parse, as fastify-type-provider-zod passes them on (code, message, the rest). */
function issuesOf(schema: z.ZodType, value: unknown): FieldIssue[] {
  const result = schema.safeParse(value);
  if (result.success) throw new Error('expected the value to fail');
  return result.error.issues.map(({ path: _path, input: _input, ...issue }) => issue as FieldIssue);
}
const messages = (schema: z.ZodType, value: unknown, locale: 'en' | 'ko') => issuesOf(schema, value).map((issue) => fieldIssueMessage(issue, locale));

describe('fieldIssueMessage', () => {
  it('says how long text may be, in the reader’s language', () => {
    expect(messages(z.string().max(200), 'x'.repeat(201), 'ko')).toEqual(['200자 이하로 입력하세요.']);
    expect(messages(z.string().max(200), 'x'.repeat(201), 'en')).toEqual(['Use at most 200 characters.']);
    expect(messages(z.string().min(6), 'abc', 'ko')).toEqual(['6자 이상 입력하세요.']);
    expect(messages(z.string().trim().min(1), '  ', 'ko')).toEqual(['필수 항목입니다.']);
    expect(messages(z.array(z.string()).max(2), ['a', 'b', 'c'], 'ko')).toEqual(['2개 이하로 선택하세요.']);
    expect(messages(z.number().int().min(1).max(10_000), 20_000, 'en')).toEqual(['Must be at most 10,000.']);
  });

  it('names formats, choices, missing fields and unknown keys in Korean', () => {
    expect(messages(z.email(), 'nope', 'ko')).toEqual(['올바른 이메일 주소를 입력하세요.']);
    expect(messages(z.uuid(), 'not-a-uuid', 'ko')).toEqual(['올바른 식별자가 아닙니다.']);
    expect(messages(z.enum(['training', 'other']), 'x', 'ko')).toEqual(['다음 중 하나여야 합니다: training, other']);
    expect(messages(z.object({ subject: z.string() }), {}, 'ko')).toEqual(['필수 항목입니다.']);
    expect(messages(z.object({ n: z.number() }), { n: 'x' }, 'ko')).toEqual(['숫자 값이어야 합니다.']);
    expect(messages(z.strictObject({}), { extra: 1 }, 'ko')).toEqual(['알 수 없는 항목입니다: extra']);
  });

  it('keeps the messages schemas set: codes as they are, the known plain ones translated', () => {
    expect(messages(z.string().regex(/^a$/, 'validation.display_name'), 'b', 'ko')).toEqual(['validation.display_name']);
    expect(messages(z.string().max(3, 'Keep it short, please'), 'abcd', 'ko')).toEqual(['Keep it short, please']);
    expect(messages(z.string().refine((s) => s.length > 0, { message: 'required' }), '', 'ko')).toEqual(['필수 항목입니다.']);
  });
});
