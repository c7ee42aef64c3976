import { describe, expect, it } from 'vitest';
import { correctedQuery } from './corrected-query';

describe('correctedQuery', () => {
  it('replaces the corrected word wherever it is, whatever its case, and keeps the other words', () => {
    expect(correctedQuery('Visoin 느리게', [{ from: 'visoin', to: 'vision' }])).toBe('vision 느리게');
    expect(correctedQuery('PI licnese, licnese?', [{ from: 'licnese', to: 'license' }])).toBe('PI license, license?');
  });

  it('names each word once with every reading of it, not once per reading', () => {
    expect(correctedQuery('archve logs', [{ from: 'archve', to: 'archive' }, { from: 'archve', to: 'archives' }])).toBe('archive / archives logs');
  });

  it('leaves a word that only contains a corrected one as it is', () => {
    expect(correctedQuery('visoins visoin', [{ from: 'visoin', to: 'vision' }])).toBe('visoins vision');
  });
});
