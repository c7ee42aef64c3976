import { describe, expect, it } from 'vitest';
import { markdownToMailText } from './case-mail-text';

describe('markdownToMailText', () => {
  it('keeps the blank lines between paragraphs and the numbers of a list', () => {
    const post = '안녕하세요 @김민준 님, **로그 파일**을 확인했습니다.\n\n1. `piarchss` 재시작\n2. 디스크 정리\n\n> 인용문';
    expect(markdownToMailText(post)).toBe('안녕하세요 @김민준 님, 로그 파일을 확인했습니다.\n\n1. piarchss 재시작\n2. 디스크 정리\n\n인용문');
  });

  it('writes a link as its words and its address, so that it still works from the mail', () => {
    expect(markdownToMailText('See [this article](https://kb.example/how_to_restart) or <https://kb.example/a_b>.')).toBe('See this article (https://kb.example/how_to_restart) or https://kb.example/a_b.');
    expect(markdownToMailText('[https://kb.example/1](https://kb.example/1)')).toBe('https://kb.example/1');
  });

  it('keeps bullets, task boxes and nested items, and code lines as typed', () => {
    expect(markdownToMailText('* one\n+ two\n  - nested\n- [ ] todo\n- [x] done')).toBe('- one\n- two\n  - nested\n- [ ] todo\n- [x] done');
    expect(markdownToMailText('Log:\n\n```text\nERROR 42 **not bold**\n  at piarchss\n```\nafter')).toBe('Log:\n\n    ERROR 42 **not bold**\n      at piarchss\nafter');
  });

  it('drops the marks of headings, emphasis, rules, tables and HTML, and keeps what was escaped or inside words', () => {
    const post = '## Symptom\n\n*em* _em_ ~~gone~~ __strong__ snake_case_name 2*3*4 \\*typed\\* <b>bold</b>\n\n---\n\n| a | b |\n|---|---|\n| 1 | **2** |\n\n![screen](https://x.example/s.png) 😀';
    expect(markdownToMailText(post)).toBe('Symptom\n\nem em gone strong snake_case_name 2*3*4 *typed* bold\n\na   b\n1   2\n\nscreen 😀');
  });
});
