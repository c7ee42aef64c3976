import { describe, expect, it } from 'vitest';
import { ERROR_MESSAGES, errorMessage, type ErrorCode } from './errors';

const codes = Object.keys(ERROR_MESSAGES) as ErrorCode[];

describe('errorMessage', () => {
  it('fills plain placeholders with the value as it is', () => {
    expect(errorMessage('cases.reopen_window_passed', 'en', { days: 60 })).toBe('This case was closed more than 60 days ago and cannot be reopened. Open a new case that references it.');
  });

  it('names the statuses of a move by their labels in the message’s language', () => {
    expect(errorMessage('cases.transition_not_allowed', 'en', { from: 'closed', to: 'answered' })).toBe('A case cannot move from Closed to Answered.');
    expect(errorMessage('cases.transition_not_allowed', 'ko', { from: 'closed', to: 'answered' })).toBe("케이스를 '종료' 상태에서 '답변 완료' 상태로 바꿀 수 없습니다.");
    expect(errorMessage('cases.transition_forbidden', 'ko', { to: 'researching' })).toBe("이 케이스를 '조사 중' 상태로 바꿀 수 없습니다. 지원 엔지니어가 변경합니다.");
    expect(errorMessage('cases.transition_forbidden', 'en', { to: 'waiting_on_response' })).toBe('You cannot move this case to Waiting on Response; your support engineer does that.');
  });

  it('leaves a placeholder without its param as it is', () => {
    expect(errorMessage('cases.transition_forbidden', 'en', {})).toContain('{{to:status}}');
  });

  it('never names a status by its code in a case message: every status param is a {{…:status}} placeholder', () => {
    for (const code of codes.filter((c) => c.startsWith('cases.'))) {
      for (const text of Object.values(ERROR_MESSAGES[code])) expect(text, code).not.toMatch(/\{\{(from|to|status)\}\}/);
    }
  });

  it('says 다시 열기 for reopening in Korean, never 재개 or 재오픈', () => {
    for (const code of codes.filter((c) => c.startsWith('cases.'))) expect(ERROR_MESSAGES[code].ko, code).not.toMatch(/재개|재오픈/);
    expect(ERROR_MESSAGES['cases.not_closed'].ko).toContain('다시 열');
  });

  it('names nobody in a refused mention: no name or id placeholder', () => {
    for (const text of Object.values(ERROR_MESSAGES['cases.mention_not_allowed'])) expect(text).not.toMatch(/\{\{/);
  });
});
