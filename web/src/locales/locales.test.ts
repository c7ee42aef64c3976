import { describe, expect, it } from 'vitest';
import en from './en/translation.json';
import ko from './ko/translation.json';

type Tree = { [key: string]: string | Tree };

/** Every leaf as `dotted.key` -> text. */
function flatten(tree: Tree, prefix = ''): Map<string, unknown> {
  const leaves = new Map<string, unknown>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'object' && value !== null) {
      for (const [leafPath, leaf] of flatten(value, path)) leaves.set(leafPath, leaf);
    } else {
      leaves.set(path, value);
    }
  }
  return leaves;
}

const locales = { ko: flatten(ko as Tree), en: flatten(en as Tree) };

describe('translations', () => {
  it('have exactly the same keys in Korean and English', () => {
    expect([...locales.en.keys()].sort()).toEqual([...locales.ko.keys()].sort());
  });

  it.each(Object.entries(locales))('has no empty or non-text value in %s', (_language, leaves) => {
    const bad = [...leaves].filter(([, value]) => typeof value !== 'string' || value.trim() === '').map(([key]) => key);
    expect(bad).toEqual([]);
  });

  it('uses the same interpolation placeholders in both languages', () => {
    const placeholders = (text: unknown) => [...String(text).matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((match) => match[1]).sort();
    const mismatched = [...locales.ko].filter(([key, text]) => {
      return JSON.stringify(placeholders(text)) !== JSON.stringify(placeholders(locales.en.get(key)));
    });
    expect(mismatched.map(([key]) => key)).toEqual([]);
  });
});
