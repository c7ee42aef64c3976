/**
 * Checks the name a release file is downloaded under. It is only a label (the bytes are stored by
 * their hash), but it ends up in `Content-Disposition` and on customers' disks, so it must be one
 * plain name: no folders, no control or direction-changing characters, nothing Windows refuses.
 */

const MAX_FILE_NAME_LENGTH = 255;
/** C0, DEL and C1 control characters. */
const CONTROL = /\p{Cc}/u;
/** Bidirectional overrides and isolates, which can disguise an extension (`setup\u202Efdp.exe`). */
const BIDI_CONTROLS = /[\u200E\u200F\u202A-\u202E\u2066-\u2069]/u;
/** Characters Windows does not allow in a file name, folder separators included. */
const RESERVED = /[/\\<>:"|?*]/;

/**
 * The file name to store (trimmed, Unicode NFC so a Korean name typed on macOS matches one typed
 * on Windows), or null when it is not allowed.
 */
export function cleanFileName(raw: string): string | null {
  // Control characters are refused even at the ends, where trimming would hide them.
  if (CONTROL.test(raw) || BIDI_CONTROLS.test(raw)) return null;
  const name = raw.normalize('NFC').trim();
  if (name.length === 0 || [...name].length > MAX_FILE_NAME_LENGTH || RESERVED.test(name)) return null;
  // No hidden files and no `.`/`..`; with separators refused, a `..` segment can only be the whole name.
  if (name.startsWith('.')) return null;
  return name;
}
