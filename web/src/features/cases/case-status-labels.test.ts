import { CASE_STATUS_LABELS } from '@common/cases';
import { describe, expect, it } from 'vitest';
import en from '../../locales/en/translation.json';
import ko from '../../locales/ko/translation.json';

describe('the status labels', () => {
  it('are the same in the web app and in the server’s messages and emails', () => {
    expect(en.cases.status).toEqual(CASE_STATUS_LABELS.en);
    expect(ko.cases.status).toEqual(CASE_STATUS_LABELS.ko);
  });
});
