import { describe, expect, it } from 'vitest';
import { adjacentSwaps, editDistance, inflectedForms, maxTypoEdits } from './edit-distance';
import { stemEnglish } from './english-stemmer';

describe('editDistance', () => {
  it('counts one edit for an inserted, deleted, replaced or swapped letter', () => {
    expect(editDistance('license', 'license')).toBe(0);
    expect(editDistance('bufer', 'buffer')).toBe(1);
    expect(editDistance('kerberos', 'kerbros')).toBe(1);
    expect(editDistance('licnese', 'license')).toBe(1);
    expect(editDistance('visoin', 'vision')).toBe(1);
  });

  it('counts every edit of words further apart', () => {
    expect(editDistance('download', 'down')).toBe(4);
    expect(editDistance('notice', 'notes')).toBe(3);
    expect(editDistance('manual', 'many')).toBe(3);
    expect(editDistance('lisence', 'license')).toBe(2);
    expect(editDistance('', 'abc')).toBe(3);
    expect(editDistance('abc', '')).toBe(3);
    expect(editDistance('ab', 'ba')).toBe(1);
    expect(editDistance('ca', 'abc')).toBe(3);
  });

  it('allows one edit up to five letters and two from six', () => {
    expect([4, 5, 6, 12].map(maxTypoEdits)).toEqual([1, 1, 2, 2]);
  });
});

describe('adjacentSwaps', () => {
  it('gives each word one swap of neighbouring letters away, the typed word never', () => {
    expect(adjacentSwaps('visoin')).toEqual(['ivsoin', 'vsioin', 'viosin', 'vision', 'visoni']);
    expect(adjacentSwaps('sevrer')).toContain('server');
    // A doubled letter swapped is the word itself.
    expect(adjacentSwaps('llama')).toEqual(['lalma', 'llmaa', 'llaam']);
    expect(adjacentSwaps('a')).toEqual([]);
    for (const swap of adjacentSwaps('license')) expect(editDistance(swap, 'license')).toBe(1);
  });
});

describe('inflectedForms', () => {
  it('lists the endings a vocabulary word may carry, each sharing the word’s stem where English inflects it so', () => {
    expect(inflectedForms('template')).toEqual(expect.arrayContaining(['templates', 'templated', 'templating', 'templater']));
    expect(inflectedForms('gasket')).toEqual(expect.arrayContaining(['gaskets', 'gasketing', 'gasketed']));
    for (const form of ['templates', 'templated', 'templating']) expect(stemEnglish(form)).toBe(stemEnglish('template'));
    expect(inflectedForms('gasket')).not.toContain('gasket');
  });
});
