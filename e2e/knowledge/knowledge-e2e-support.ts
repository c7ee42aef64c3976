import type { CDPSession } from 'playwright-core';
import { indexSearchTarget } from '../../server/modules/search/search-indexer';
import type { ServiceContext } from '../../server/platform/context';
import type { Page } from '../support/browser';

/**
 * Shared by the knowledge and search browser tests (issue 7): typing Korean the way an input method
 * does, and making factory-built rows findable.
 */

/** Initial consonants of a Hangul syllable as the compatibility jamo an input method shows first. */
const INITIALS = 'ㄱㄲㄴㄷㄸㄹㅁㅂㅃㅅㅆㅇㅈㅉㅊㅋㅌㅍㅎ';
const HANGUL_FIRST = 0xac00;
const HANGUL_LAST = 0xd7a3;

/**
 * The steps a Korean input method shows while a syllable is composed: 라 → ㄹ, 라; 를 → ㄹ, 르, 를.
 * Anything that is not a Hangul syllable has no composition.
 */
export function compositionSteps(syllable: string): string[] {
  const code = syllable.codePointAt(0) ?? 0;
  if (syllable.length !== 1 || code < HANGUL_FIRST || code > HANGUL_LAST) return [];
  const offset = code - HANGUL_FIRST;
  const initial = Math.floor(offset / 588);
  const final = offset % 28;
  const steps = [INITIALS[initial]!, String.fromCodePoint(code - final)];
  if (final > 0) steps.push(syllable);
  return steps;
}

/** True when the text holds a lone jamo, the mark of a half-composed syllable. */
export const hasLoneJamo = (text: string) => /[\u3131-\u318e]/.test(text);

/**
 * Types text into the focused field as a person with a Korean input method does: each Hangul
 * syllable is composed (compositionstart, compositionupdate with ㄹ, 라…, compositionend) and then
 * committed; spaces, Latin letters and digits are typed as keys.
 */
export async function typeWithIme(page: Page, text: string): Promise<void> {
  const cdp: CDPSession = await page.context().newCDPSession(page);
  try {
    for (const character of text) {
      const steps = compositionSteps(character);
      if (steps.length === 0) {
        await page.keyboard.type(character);
        continue;
      }
      for (const step of steps) await cdp.send('Input.imeSetComposition', { text: step, selectionStart: step.length, selectionEnd: step.length });
      await cdp.send('Input.insertText', { text: character });
    }
  } finally {
    await cdp.detach();
  }
}

/**
 * Begins composing a Hangul syllable (its first jamo shows in the field, as with an input method)
 * and holds it there; the returned function composes the rest and commits it.
 */
export async function holdComposition(page: Page, syllable: string): Promise<() => Promise<void>> {
  const steps = compositionSteps(syllable);
  if (steps.length === 0) throw new Error(`holdComposition: ${syllable} is not a Hangul syllable`);
  const cdp: CDPSession = await page.context().newCDPSession(page);
  const compose = (text: string) => cdp.send('Input.imeSetComposition', { text, selectionStart: text.length, selectionEnd: text.length });
  await compose(steps[0]!);
  return async () => {
    try {
      for (const step of steps.slice(1)) await compose(step);
      await cdp.send('Input.insertText', { text: syllable });
    } finally {
      await cdp.detach();
    }
  };
}

/** Starts recording the composition events the page's fields receive (read them with `compositionEvents`). */
export async function recordCompositionEvents(page: Page): Promise<void> {
  await page.evaluate(() => {
    const seen: string[] = [];
    (globalThis as unknown as { __composition: string[] }).__composition = seen;
    const doc = (globalThis as unknown as { document: { addEventListener(type: string, listener: () => void, capture: boolean): void } }).document;
    for (const type of ['compositionstart', 'compositionupdate', 'compositionend']) doc.addEventListener(type, () => seen.push(type), true);
  });
}

export function compositionEvents(page: Page): Promise<string[]> {
  return page.evaluate(() => (globalThis as unknown as { __composition?: string[] }).__composition ?? []);
}

/** Writes the search entries of factory-built rows (the factories queue no index job). */
export async function indexAll(ctx: ServiceContext, targets: { kind: 'article' | 'case' | 'release' | 'bulletin'; id: string }[]): Promise<void> {
  for (const target of targets) await indexSearchTarget(ctx, target);
}

/**
 * Watches the requests the page sends to an API path ending in `suffix` and keeps their `q`
 * parameters, to show which searches the typing fired.
 */
export function recordQueries(page: Page, suffix: string): string[] {
  const queries: string[] = [];
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (url.pathname.endsWith(suffix) && url.searchParams.has('q')) queries.push(url.searchParams.get('q') ?? '');
  });
  return queries;
}
