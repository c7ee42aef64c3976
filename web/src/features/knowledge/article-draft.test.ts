import type { ArticleTranslation } from '@common/schemas/knowledge';
import { describe, expect, it } from 'vitest';
import { changedFields, dropDraft, editDraft, imageMarkdown, insertBlock, isDirty, rebaseDrafts, settleSaved, shownWords, toUpdateBody, validateWords, wordsOf, type EditorDrafts } from './article-draft';

const translation = (language: 'ko' | 'en', overrides: Partial<ArticleTranslation> = {}): ArticleTranslation => ({
  id: language === 'ko' ? '00000000-0000-4000-8000-000000000001' : '00000000-0000-4000-8000-000000000002',
  language,
  title: language === 'ko' ? 'PI Server 라이선스 활성화' : 'Activating a PI Server licence',
  summary: '',
  issue: 'Activation fails',
  environment: 'PI Server 2024',
  resolution: 'Run the activation again.',
  status: 'draft',
  publishedAt: null,
  updatedAt: '2025-01-01T00:00:00.000Z',
  updatedBy: null,
  ...overrides,
});

const LOADED = '2025-01-02T00:00:00.000Z';
const LATER = '2025-01-03T00:00:00.000Z';

describe('the editor drafts', () => {
  it('shows the saved words until the person types, then the draft', () => {
    const ko = translation('ko');
    expect(shownWords({}, ko)).toEqual(wordsOf(ko));
    const drafts = editDraft({}, ko, LOADED, 'resolution', '다시 활성화하세요.');
    expect(shownWords(drafts, ko)).toEqual({ ...wordsOf(ko), resolution: '다시 활성화하세요.' });
  });

  it('remembers the article version of the first keystroke, not of later ones', () => {
    const ko = translation('ko');
    const first = editDraft({}, ko, LOADED, 'title', 'A');
    const second = editDraft(first, ko, LATER, 'title', 'AB');
    expect(second.ko).toEqual({ words: { ...wordsOf(ko), title: 'AB' }, baseUpdatedAt: LOADED });
  });

  it('keeps each language apart', () => {
    const drafts = editDraft(editDraft({}, translation('ko'), LOADED, 'summary', '요약'), translation('en'), LOADED, 'summary', 'Summary');
    expect(drafts.ko?.words.summary).toBe('요약');
    expect(drafts.en?.words.summary).toBe('Summary');
    expect(dropDraft(drafts, 'ko')).toEqual({ en: drafts.en });
  });

  it('is dirty only while the text differs from what is saved', () => {
    const en = translation('en');
    expect(isDirty({}, en)).toBe(false);
    const typed = editDraft({}, en, LOADED, 'issue', 'Changed');
    expect(isDirty(typed, en)).toBe(true);
    const typedBack = editDraft(typed, en, LOADED, 'issue', en.issue);
    expect(isDirty(typedBack, en)).toBe(false);
    // Once the server holds the typed text (after a save), the same draft is not dirty any more.
    expect(isDirty(typed, translation('en', { issue: 'Changed' }))).toBe(false);
  });

  it('saves only the changed fields, with the version they were typed over', () => {
    const en = translation('en');
    const drafts = editDraft(editDraft({}, en, LOADED, 'title', 'New title'), en, LATER, 'resolution', 'New fix');
    expect(changedFields(drafts.en!.words, en)).toEqual(['title', 'resolution']);
    expect(toUpdateBody(drafts.en!, en)).toEqual({ language: 'en', expectedUpdatedAt: LOADED, title: 'New title', resolution: 'New fix' });
  });

  it('moves every draft onto the version of one’s own change', () => {
    const drafts: EditorDrafts = editDraft(editDraft({}, translation('ko'), LOADED, 'title', '가'), translation('en'), LOADED, 'title', 'A');
    const rebased = rebaseDrafts(drafts, LATER);
    expect(rebased.ko?.baseUpdatedAt).toBe(LATER);
    expect(rebased.en?.baseUpdatedAt).toBe(LATER);
    expect(rebased.ko?.words.title).toBe('가');
    expect(rebaseDrafts({}, LATER)).toEqual({});
  });
});

describe('settleSaved', () => {
  it('forgets the saved draft and moves the others onto the saved version', () => {
    const drafts = editDraft(editDraft({}, translation('ko'), LOADED, 'title', '새 제목'), translation('en'), LOADED, 'title', 'New title');
    const settled = settleSaved(drafts, 'ko', drafts.ko!.words, LATER);
    expect(settled.ko).toBeUndefined();
    expect(settled.en).toEqual({ words: drafts.en!.words, baseUpdatedAt: LATER });
  });

  it('keeps what was typed while the save was on its way', () => {
    const ko = translation('ko');
    const sent = editDraft({}, ko, LOADED, 'title', '새 제목');
    const typedOn = editDraft(sent, ko, LOADED, 'summary', '요약');
    const settled = settleSaved(typedOn, 'ko', sent.ko!.words, LATER);
    expect(settled.ko).toEqual({ words: typedOn.ko!.words, baseUpdatedAt: LATER });
  });
});

describe('validateWords', () => {
  const words = wordsOf(translation('ko'));

  it('accepts a title with the rest empty', () => {
    expect(validateWords({ ...words, summary: '', issue: '', environment: '', resolution: '' })).toEqual({});
  });

  it('asks for a title, also when it is only spaces', () => {
    expect(validateWords({ ...words, title: '' })).toEqual({ title: 'required' });
    expect(validateWords({ ...words, title: '   \t' })).toEqual({ title: 'required' });
  });

  it('refuses text over each field’s limit', () => {
    expect(validateWords({ ...words, title: 'x'.repeat(200) })).toEqual({});
    expect(validateWords({ ...words, title: 'x'.repeat(201), summary: 'y'.repeat(1_001), environment: 'z'.repeat(10_001) })).toEqual({
      title: 'tooLong',
      summary: 'tooLong',
      environment: 'tooLong',
    });
  });

  it('refuses control characters but keeps tabs and line breaks, except in the one-line title', () => {
    expect(validateWords({ ...words, resolution: 'a\tb\r\nc' })).toEqual({});
    expect(validateWords({ ...words, title: 'a\nb' })).toEqual({ title: 'controlCharacters' });
    expect(validateWords({ ...words, title: 'a\u202Etxt.exe' })).toEqual({ title: 'controlCharacters' });
    expect(validateWords({ ...words, title: 'a\u0000b', issue: 'x\u001by', resolution: 'del\u007f' })).toEqual({
      title: 'controlCharacters',
      issue: 'controlCharacters',
      resolution: 'controlCharacters',
    });
  });
});

describe('imageMarkdown', () => {
  it('writes an image of the attachment', () => {
    expect(imageMarkdown('trend.png', '/api/v1/console/articles/a/attachments/b')).toBe('![trend.png](/api/v1/console/articles/a/attachments/b)');
  });

  it('escapes what would end the alt text or the address', () => {
    expect(imageMarkdown('a]b[c\\.png', '/x/y (1).png')).toBe('![a\\]b\\[c\\\\.png](/x/y%20%281%29.png)');
    expect(imageMarkdown('two\nlines.png', '/x')).toBe('![two lines.png](/x)');
  });
});

describe('insertBlock', () => {
  it('appends on a line of its own without a selection', () => {
    expect(insertBlock('First line', '![a](/x)')).toEqual({ text: 'First line\n![a](/x)', cursor: 19 });
    expect(insertBlock('', '![a](/x)')).toEqual({ text: '![a](/x)', cursor: 8 });
    expect(insertBlock('Ends with a break\n', '![a](/x)').text).toBe('Ends with a break\n![a](/x)');
  });

  it('goes where the cursor is, on its own line', () => {
    expect(insertBlock('ab', 'IMG', 1)).toEqual({ text: 'a\nIMG\nb', cursor: 5 });
    expect(insertBlock('a\n\nb', 'IMG', 2)).toEqual({ text: 'a\nIMG\nb', cursor: 5 });
  });

  it('replaces the selected text and clamps positions outside the text', () => {
    expect(insertBlock('keep\nREPLACE\nkeep', 'IMG', 5, 12).text).toBe('keep\nIMG\nkeep');
    expect(insertBlock('abc', 'IMG', 99, 120).text).toBe('abc\nIMG');
  });
});
