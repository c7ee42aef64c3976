/**
 * What an upload's bytes are, from their first bytes (magic numbers), and whether that agrees with
 * the content type the uploader declared. A small table rather than a library: the catalog needs
 * only the formats vendors ship (installers, archives, documents, images).
 */

export type SniffedKind = 'pdf' | 'zip' | 'gzip' | 'bzip2' | 'xz' | '7z' | 'rar' | 'tar' | 'png' | 'jpeg' | 'gif' | 'exe' | 'cfb';

interface Magic {
  kind: SniffedKind;
  offset: number;
  bytes: readonly number[];
}

const ascii = (text: string) => [...text].map((c) => c.charCodeAt(0));

const MAGIC: readonly Magic[] = [
  { kind: 'png', offset: 0, bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
  { kind: 'jpeg', offset: 0, bytes: [0xff, 0xd8, 0xff] },
  { kind: 'gif', offset: 0, bytes: ascii('GIF87a') },
  { kind: 'gif', offset: 0, bytes: ascii('GIF89a') },
  { kind: 'zip', offset: 0, bytes: [0x50, 0x4b, 0x03, 0x04] },
  { kind: 'zip', offset: 0, bytes: [0x50, 0x4b, 0x05, 0x06] },
  { kind: 'zip', offset: 0, bytes: [0x50, 0x4b, 0x07, 0x08] },
  { kind: 'gzip', offset: 0, bytes: [0x1f, 0x8b] },
  { kind: 'bzip2', offset: 0, bytes: ascii('BZh') },
  { kind: 'xz', offset: 0, bytes: [0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00] },
  { kind: '7z', offset: 0, bytes: [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c] },
  { kind: 'rar', offset: 0, bytes: [0x52, 0x61, 0x72, 0x21, 0x1a, 0x07] },
  { kind: 'cfb', offset: 0, bytes: [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1] },
  { kind: 'exe', offset: 0, bytes: ascii('MZ') },
  { kind: 'tar', offset: 257, bytes: ascii('ustar') },
];

/** The declared types each kind's bytes are uploaded under (browsers and tools differ). */
const DECLARED_KINDS: Record<SniffedKind, readonly string[]> = {
  pdf: ['application/pdf', 'application/x-pdf'],
  zip: ['application/zip', 'application/x-zip-compressed', 'application/x-zip', 'multipart/x-zip', 'application/java-archive', 'application/vnd.android.package-archive', 'application/epub+zip'],
  gzip: ['application/gzip', 'application/x-gzip', 'application/x-compressed-tar'],
  bzip2: ['application/x-bzip2', 'application/x-bzip'],
  xz: ['application/x-xz'],
  '7z': ['application/x-7z-compressed'],
  rar: ['application/vnd.rar', 'application/x-rar-compressed', 'application/x-rar'],
  tar: ['application/x-tar', 'application/x-ustar'],
  png: ['image/png'],
  jpeg: ['image/jpeg', 'image/pjpeg'],
  gif: ['image/gif'],
  exe: ['application/x-msdownload', 'application/vnd.microsoft.portable-executable', 'application/x-dosexec', 'application/x-ms-dos-executable', 'application/x-msdos-program', 'application/x-ms-installer-exe'],
  cfb: ['application/x-msi', 'application/x-ms-installer', 'application/x-ole-storage', 'application/msword', 'application/vnd.ms-excel', 'application/vnd.ms-powerpoint', 'application/vnd.ms-outlook'],
};

/** Families of declared types that are containers of a known kind (Office Open XML and OpenDocument are zip files). */
const DECLARED_PREFIXES: readonly { prefix: string; kind: SniffedKind }[] = [
  { prefix: 'application/vnd.openxmlformats-officedocument.', kind: 'zip' },
  { prefix: 'application/vnd.oasis.opendocument.', kind: 'zip' },
];

const BY_DECLARED = new Map<string, SniffedKind>(Object.entries(DECLARED_KINDS).flatMap(([kind, types]) => types.map((type) => [type, kind as SniffedKind] as const)));

/** Types that say nothing about the bytes: any content is accepted under them. */
const GENERIC_TYPES = new Set(['application/octet-stream', 'binary/octet-stream', 'application/x-download']);

const TOKEN = "[!#$%&'*+.^_`|~0-9a-z-]+";
const MEDIA_TYPE = new RegExp(`^(${TOKEN})/(${TOKEN})$`);

/** What the bytes are, from their first few kilobytes; null when none of the known formats. */
export function sniffKind(head: Buffer): SniffedKind | null {
  for (const magic of MAGIC) {
    if (head.length < magic.offset + magic.bytes.length) continue;
    if (magic.bytes.every((byte, i) => head[magic.offset + i] === byte)) return magic.kind;
  }
  // A PDF header may follow some leading bytes (the specification allows it within the first 1024).
  if (head.subarray(0, 1024).includes('%PDF-')) return 'pdf';
  return null;
}

/** The kind of bytes a declared type promises, or null when it promises no known format. */
export function kindOfDeclaredType(mediaType: string): SniffedKind | null {
  return BY_DECLARED.get(mediaType) ?? DECLARED_PREFIXES.find((p) => mediaType.startsWith(p.prefix))?.kind ?? null;
}

/**
 * A declared Content-Type as stored: `type/subtype` lower-cased without parameters;
 * `application/octet-stream` when none was given; null when it is not a media type at all.
 */
export function normalizeContentType(declared: string | undefined): string | null {
  if (declared === undefined || declared.trim() === '') return 'application/octet-stream';
  const mediaType = declared.split(';')[0]!.trim().toLowerCase();
  return MEDIA_TYPE.test(mediaType) ? mediaType : null;
}

/**
 * Whether the bytes may be stored under the declared type: a generic type accepts anything; a type
 * of a known format needs that format's magic; any other type is refused when the bytes are a
 * known format (a PDF declared as text/plain).
 */
export function contentMatchesType(mediaType: string, head: Buffer): boolean {
  if (GENERIC_TYPES.has(mediaType)) return true;
  const sniffed = sniffKind(head);
  const promised = kindOfDeclaredType(mediaType);
  if (promised) return sniffed === promised;
  return sniffed === null;
}
