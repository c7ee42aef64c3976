import { ERROR_MESSAGES } from '@common/errors';
import { describe, expect, it } from 'vitest';
import ko from '../../locales/ko/translation.json';

type Tree = { [key: string]: string | Tree };

/** Every Korean text as `dotted.key` -> text. */
function flatten(tree: Tree, prefix = ''): [string, string][] {
  return Object.entries(tree).flatMap(([key, value]): [string, string][] => {
    const path = prefix ? `${prefix}.${key}` : key;
    return typeof value === 'object' ? flatten(value, path) : [[path, value]];
  });
}

describe('the Korean wording for the vendor', () => {
  it('says 공급사, never 벤더, in the UI and in error messages', () => {
    const ui = flatten(ko as Tree).filter(([, text]) => text.includes('벤더'));
    const errors = Object.entries(ERROR_MESSAGES).filter(([, message]) => message.ko.includes('벤더'));
    expect(ui.map(([key]) => key)).toEqual([]);
    expect(errors.map(([code]) => code)).toEqual([]);
  });
});
