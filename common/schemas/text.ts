import { z } from 'zod';

/**
 * C0 and C1 control characters (NUL, BEL, tab, line breaks, DEL…) and the bidirectional embeddings,
 * overrides and isolates (U+202A–U+202E, U+2066–U+2069), which make a text read as something other
 * than it is (`invoice\u202Efdp.exe`). None of them belongs in one line of text, and PostgreSQL text
 * cannot hold a NUL at all.
 */
const CONTROL_CHARACTERS = /[\p{Cc}\u202A-\u202E\u2066-\u2069]/u;

/** True when the text holds a control character or a bidirectional override (see above). */
export function hasControlCharacter(value: string): boolean {
  return CONTROL_CHARACTERS.test(value);
}

/**
 * True when text a person writes over several lines (a case description, an article) holds a control
 * character other than tab, line feed and carriage return: C0 controls and DEL.
 */
export function hasControlCharacterInWrittenText(value: string): boolean {
  for (const ch of value) {
    const code = ch.codePointAt(0)!;
    if ((code < 0x20 && ch !== '\t' && ch !== '\n' && ch !== '\r') || code === 0x7f) return true;
  }
  return false;
}

/**
 * True when the text shows something: a character other than white space and the invisible format
 * characters (zero-width space and joiners, the byte order mark, bidirectional marks), so that a
 * subject of zero-width spaces is as empty as one of spaces.
 */
export function hasVisibleText(value: string): boolean {
  return /[^\s\p{Z}\p{Cf}]/u.test(value);
}

/** One line of text, trimmed, `min`..`max` characters, no control characters (field error `validation.control_characters`). */
export const Line = (min: number, max: number) =>
  z
    .string()
    .trim()
    .min(min)
    .max(max)
    .refine((value) => !hasControlCharacter(value), 'validation.control_characters');
