import { describe, expect, it } from 'vitest';
import { findMentionQuery, insertMention, pruneMentionIds, refusedMentionNames, withoutComposition } from './mention-query';

describe('findMentionQuery', () => {
  it('finds the query right after typing @', () => {
    expect(findMentionQuery('Hello @', 7)).toEqual({ start: 6, query: '' });
  });

  it('finds a Hangul query at the caret, composed or half-composed', () => {
    expect(findMentionQuery('안녕하세요 @김민', 9)).toEqual({ start: 6, query: '김민' });
    // While the IME composes 민, the value holds ㅁ or 미: still a query, from the value itself.
    expect(findMentionQuery('@김ㅁ', 3)).toEqual({ start: 0, query: '김ㅁ' });
  });

  it('takes only the text before the caret', () => {
    const text = '@Kim and more';
    expect(findMentionQuery(text, 4)).toEqual({ start: 0, query: 'Kim' });
  });

  it('allows one space, for names like "Kim Minsu", but not two', () => {
    expect(findMentionQuery('@Kim Min', 8)).toEqual({ start: 0, query: 'Kim Min' });
    expect(findMentionQuery('@Kim Minsu is', 13)).toBeNull();
  });

  it('ignores an @ inside a word, such as an email address', () => {
    expect(findMentionQuery('mail a@example', 14)).toBeNull();
  });

  it('accepts an @ after opening punctuation', () => {
    expect(findMentionQuery('(@Lee', 5)).toEqual({ start: 1, query: 'Lee' });
  });

  it('stops at a line break and at a space right after @', () => {
    expect(findMentionQuery('@Kim\nthanks', 11)).toBeNull();
    expect(findMentionQuery('@ Kim', 5)).toBeNull();
  });

  it('is null without @ or when the run after it is too long', () => {
    expect(findMentionQuery('no mention here', 15)).toBeNull();
    expect(findMentionQuery(`@${'a'.repeat(41)}`, 42)).toBeNull();
  });

  it('counts positions in UTF-16 like selectionStart, with emoji before the @', () => {
    const text = '😀 @Park';
    expect(findMentionQuery(text, text.length)).toEqual({ start: 3, query: 'Park' });
  });
});

describe('withoutComposition', () => {
  it('leaves out the Hangul syllable still being composed', () => {
    expect(withoutComposition({ start: 0, query: '김미' }, '미')).toEqual({ start: 0, query: '김' });
    expect(withoutComposition({ start: 3, query: '김' }, '김')).toEqual({ start: 3, query: '' });
  });

  it('keeps the query when nothing is being composed or the composed text is elsewhere', () => {
    expect(withoutComposition({ start: 0, query: '김민' }, '')).toEqual({ start: 0, query: '김민' });
    expect(withoutComposition({ start: 0, query: '김민' }, '수')).toEqual({ start: 0, query: '김민' });
    expect(withoutComposition(null, '미')).toBeNull();
  });
});

describe('insertMention', () => {
  it('completes a Hangul name: @김민 becomes @김민수 followed by a space', () => {
    const text = '안녕하세요 @김민';
    const mention = findMentionQuery(text, text.length)!;
    expect(insertMention(text, mention, text.length, '김민수')).toEqual({ value: '안녕하세요 @김민수 ', caret: 11 });
  });

  it('inserts in the middle of the text and keeps what follows', () => {
    const text = 'Hi @ki, see above';
    const mention = findMentionQuery(text, 6)!;
    expect(insertMention(text, mention, 6, 'Kim Minsu')).toEqual({ value: 'Hi @Kim Minsu , see above', caret: 14 });
  });

  it('does not double a space that already follows', () => {
    const text = '@Le thanks';
    const mention = findMentionQuery(text, 3)!;
    expect(insertMention(text, mention, 3, 'Lee')).toEqual({ value: '@Lee thanks', caret: 5 });
  });

  it('keeps emoji and 4-byte characters in names and text', () => {
    const text = '𠜎 @Ro';
    const mention = findMentionQuery(text, text.length)!;
    expect(insertMention(text, mention, text.length, 'Rosé 🌹').value).toBe('𠜎 @Rosé 🌹 ');
  });
});

describe('pruneMentionIds', () => {
  const kim = { id: '11111111-1111-4111-8111-111111111111', name: '김민수' };
  const lee = { id: '22222222-2222-4222-8222-222222222222', name: 'Lee Jiwoo' };

  it('keeps the ids whose @Name is still in the text', () => {
    expect(pruneMentionIds('@김민수 님, @Lee Jiwoo 확인 부탁드립니다', [kim, lee])).toEqual([kim.id, lee.id]);
  });

  it('drops the ids of names removed from the text', () => {
    expect(pruneMentionIds('@김민수 님 확인 부탁드립니다', [kim, lee])).toEqual([kim.id]);
    expect(pruneMentionIds('nobody mentioned', [kim, lee])).toEqual([]);
  });

  it('drops a name whose @ was removed', () => {
    expect(pruneMentionIds('김민수 님', [kim])).toEqual([]);
  });

  it('lists each id once, even when picked twice', () => {
    expect(pruneMentionIds('@김민수 and @김민수', [kim, kim])).toEqual([kim.id]);
  });
});

describe('refusedMentionNames', () => {
  const mentioned = [
    { id: 'a', name: '김민수' },
    { id: 'b', name: 'Ann Lee' },
    { id: 'a', name: '김민수' },
  ];

  it('names the refused people as they were picked, each once', () => {
    expect(refusedMentionNames({ userId: 'a', userIds: ['a', 'b'] }, mentioned)).toEqual(['김민수', 'Ann Lee']);
    expect(refusedMentionNames({ userId: 'b', userIds: ['b'] }, mentioned)).toEqual(['Ann Lee']);
  });

  it('names nobody it does not know, nor for other errors', () => {
    expect(refusedMentionNames({ userIds: ['someone-else'] }, mentioned)).toEqual([]);
    expect(refusedMentionNames({ fieldErrors: {} }, mentioned)).toEqual([]);
    expect(refusedMentionNames(undefined, mentioned)).toEqual([]);
    expect(refusedMentionNames({ userIds: 'a' }, mentioned)).toEqual([]);
  });
});
