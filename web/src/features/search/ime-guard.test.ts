import { describe, expect, it } from 'vitest';
import { reduceIme, type ImeEvent, type ImeState } from './ime-guard';

const start: ImeState = { value: '', committed: '', composing: false };
const run = (events: ImeEvent[], from = start) => events.reduce(reduceIme, from);

describe('reduceIme', () => {
  it('commits plain typing at once', () => {
    expect(run([{ type: 'change', value: 'r', isComposing: false }, { type: 'change', value: 'ro', isComposing: false }])).toEqual({ value: 'ro', committed: 'ro', composing: false });
  });

  it('does not commit a Korean syllable while it is composed (Chrome: input events flagged isComposing)', () => {
    const composing = run([
      { type: 'compositionstart' },
      { type: 'change', value: 'ㅅ', isComposing: true },
      { type: 'change', value: '세', isComposing: true },
      { type: 'change', value: '셋', isComposing: true },
    ]);
    expect(composing).toEqual({ value: '셋', committed: '', composing: true });
    expect(reduceIme(composing, { type: 'compositionend', value: '세션' })).toEqual({ value: '세션', committed: '세션', composing: false });
  });

  it('waits for compositionend when the browser sends input events unflagged during a composition (Safari)', () => {
    const state = run([{ type: 'compositionstart' }, { type: 'change', value: '세', isComposing: false }]);
    expect(state.committed).toBe('');
    expect(reduceIme(state, { type: 'compositionend', value: '세' }).committed).toBe('세');
  });

  it('ignores a flagged input event even without a compositionstart seen', () => {
    expect(run([{ type: 'change', value: 'ㄹ', isComposing: true }]).committed).toBe('');
  });

  it('keeps the text committed before the composition while the next syllable is composed', () => {
    const state = run([
      { type: 'change', value: 'PI ', isComposing: false },
      { type: 'compositionstart' },
      { type: 'change', value: 'PI 라', isComposing: true },
      { type: 'compositionend', value: 'PI 라' },
      { type: 'compositionstart' },
      { type: 'change', value: 'PI 라이', isComposing: true },
    ]);
    expect(state).toEqual({ value: 'PI 라이', committed: 'PI 라', composing: true });
  });

  it('takes a value set from outside as shown and committed, ending any composition', () => {
    expect(run([{ type: 'compositionstart' }, { type: 'set', value: 'roadmap' }])).toEqual({ value: 'roadmap', committed: 'roadmap', composing: false });
  });
});
