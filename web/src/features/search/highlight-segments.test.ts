import { describe, expect, it } from 'vitest';
import { toHighlightSegments } from './highlight-segments';

const marked = (text: string, ranges: [number, number][]) =>
  toHighlightSegments(text, ranges)
    .map((segment) => (segment.marked ? `[${segment.text}]` : segment.text))
    .join('');

describe('toHighlightSegments', () => {
  it('marks the ranges of an English snippet', () => {
    expect(marked('Activate the PI Server licence', [[13, 15], [16, 22]])).toBe('Activate the [PI] [Server] licence');
  });

  it('marks Korean syllables by their offsets, particles left plain', () => {
    const text = '원격지원 세션이 끊어집니다';
    expect(marked(text, [[5, 7]])).toBe('원격지원 [세션]이 끊어집니다');
    expect(marked(text, [[2, 4], [5, 7]])).toBe('원격[지원] [세션]이 끊어집니다');
  });

  it('keeps the text whole when nothing matches', () => {
    expect(toHighlightSegments('no match', [])).toEqual([{ text: 'no match', marked: false }]);
    expect(toHighlightSegments('', [])).toEqual([{ text: '', marked: false }]);
  });

  it('merges overlapping and touching ranges, in any order', () => {
    expect(marked('abcdefgh', [[4, 6], [1, 3], [2, 4]])).toBe('a[bcdef]gh');
  });

  it('clamps ranges past the ends and ignores empty, reversed and non-numeric ones', () => {
    expect(marked('abcdef', [[-5, 2], [4, 99]])).toBe('[ab]cd[ef]');
    expect(marked('abcdef', [[3, 3], [5, 1], [Number.NaN, 2], [1, Number.POSITIVE_INFINITY]])).toBe('abcdef');
  });

  it('never splits a surrogate pair (emoji, rare Hanja)', () => {
    const text = 'ok 😀 세션 𠀀x';
    // 😀 is at 3..5; a range starting or ending between its halves takes the whole emoji.
    expect(marked(text, [[4, 5]])).toBe('ok [😀] 세션 𠀀x');
    expect(marked(text, [[3, 4]])).toBe('ok [😀] 세션 𠀀x');
    const hanja = text.indexOf('𠀀');
    expect(marked(text, [[hanja + 1, hanja + 3]])).toBe('ok 😀 세션 [𠀀x]');
    const joined = toHighlightSegments(text, [[4, 5], [hanja + 1, hanja + 2]]).map((segment) => segment.text).join('');
    expect(joined).toBe(text);
  });

  it('treats the pieces as text, so markup in a snippet stays literal', () => {
    expect(toHighlightSegments('<b>x</b>', [[3, 4]])).toEqual([
      { text: '<b>', marked: false },
      { text: 'x', marked: true },
      { text: '</b>', marked: false },
    ]);
  });
});
