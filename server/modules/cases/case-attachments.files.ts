import { cleanFileName } from '../catalog/file-name';
import { sniffKind, type SniffedKind } from '../catalog/content-type';

/**
 * The name and type of a case attachment. The type comes from the bytes alone (the catalog's
 * magic-number table), never from what the client declared, and anything a browser could run is
 * served as opaque bytes.
 */

/** Characters Windows refuses in a name but that are harmless in a label (browsers replace them on save). */
const WINDOWS_ONLY_RESERVED = /[<>:"|?*]/g;

/**
 * The attachment name to store, or null when it is not allowed. The catalog's rules (no folders,
 * no control or direction characters, no leading dot, NFC, at most 255 characters) except that
 * `<>:"|?*` are kept: a name is a label shown as text and sent in Content-Disposition, so HTML in it
 * stays text (`<img src=x onerror=alert(1)>.png` is stored as typed).
 */
export function cleanAttachmentName(raw: string): string | null {
  if (cleanFileName(raw.replace(WINDOWS_ONLY_RESERVED, '_')) === null) return null;
  return raw.normalize('NFC').trim();
}

const KIND_TYPES: Record<SniffedKind, string> = {
  pdf: 'application/pdf',
  zip: 'application/zip',
  gzip: 'application/gzip',
  bzip2: 'application/x-bzip2',
  xz: 'application/x-xz',
  '7z': 'application/x-7z-compressed',
  rar: 'application/vnd.rar',
  tar: 'application/x-tar',
  png: 'image/png',
  jpeg: 'image/jpeg',
  gif: 'image/gif',
  exe: 'application/vnd.microsoft.portable-executable',
  cfb: 'application/x-ole-storage',
};

/** Extensions of text a browser would run or render as a page (HTML, SVG, XML, scripts). */
const ACTIVE_EXTENSIONS = new Set(['html', 'htm', 'xhtml', 'shtml', 'svg', 'svgz', 'xml', 'xsl', 'xslt', 'js', 'mjs', 'cjs', 'jsx', 'ts', 'vbs', 'hta', 'swf', 'mht', 'mhtml', 'php']);

/** True when the leading bytes are UTF-8 text without NUL (a character cut at the end of the head is allowed). */
function isUtf8Text(head: Buffer, complete: boolean): boolean {
  if (head.includes(0)) return false;
  const decoder = new TextDecoder('utf-8', { fatal: true });
  // The head may end inside a multi-byte character: drop up to three trailing bytes and retry.
  for (let cut = 0; cut <= (complete ? 0 : 3); cut += 1) {
    try {
      decoder.decode(head.subarray(0, head.length - cut));
      return true;
    } catch {
      // try a shorter head
    }
  }
  return false;
}

/**
 * The stored content type of an attachment, from its leading bytes: a known format's type; plain
 * text (`text/plain`) for UTF-8 text that is neither markup nor named like something a browser
 * runs; `application/octet-stream` for everything else.
 */
export function detectAttachmentType(head: Buffer, size: number, name: string): string {
  const kind = sniffKind(head);
  if (kind) return KIND_TYPES[kind];
  const extension = name.includes('.') ? name.slice(name.lastIndexOf('.') + 1).toLowerCase() : '';
  if (ACTIVE_EXTENSIONS.has(extension)) return 'application/octet-stream';
  if (!isUtf8Text(head, head.length >= size)) return 'application/octet-stream';
  // Markup sniffed by a browser despite any type: an HTML or SVG document starts with `<`.
  const text = head.toString('utf8').replace(/^\uFEFF/, '').trimStart();
  if (text.startsWith('<')) return 'application/octet-stream';
  return 'text/plain';
}

const SERVED_AS_IS = new Set([...Object.values(KIND_TYPES), 'text/plain']);

/** The Content-Type an attachment is served with: its stored type when inert, else opaque bytes. */
export function servedContentType(stored: string): string {
  if (stored === 'text/plain') return 'text/plain; charset=utf-8';
  return SERVED_AS_IS.has(stored) ? stored : 'application/octet-stream';
}
