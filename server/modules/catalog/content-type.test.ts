import { describe, expect, it } from 'vitest';
import { contentMatchesType, kindOfDeclaredType, normalizeContentType, sniffKind } from './content-type';
import { cleanFileName } from './file-name';

const bytes = (...values: number[]) => Buffer.from(values);
const tar = () => {
  const head = Buffer.alloc(512);
  head.write('ustar\u000000', 257, 'latin1');
  return head;
};

describe('sniffKind', () => {
  it('knows the formats vendors ship by their magic numbers', () => {
    expect(sniffKind(Buffer.from('%PDF-1.4\n'))).toBe('pdf');
    expect(sniffKind(Buffer.concat([Buffer.from('junk before '), Buffer.from('%PDF-1.7')]))).toBe('pdf');
    expect(sniffKind(bytes(0x50, 0x4b, 0x03, 0x04, 0))).toBe('zip');
    expect(sniffKind(bytes(0x1f, 0x8b, 8))).toBe('gzip');
    expect(sniffKind(bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a))).toBe('png');
    expect(sniffKind(bytes(0xff, 0xd8, 0xff, 0xe0))).toBe('jpeg');
    expect(sniffKind(Buffer.from('MZ\x90\x00'))).toBe('exe');
    expect(sniffKind(bytes(0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1))).toBe('cfb');
    expect(sniffKind(bytes(0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c, 0, 4))).toBe('7z');
    expect(sniffKind(tar())).toBe('tar');
    expect(sniffKind(Buffer.from('plain text'))).toBeNull();
    expect(sniffKind(Buffer.alloc(0))).toBeNull();
  });
});

describe('contentMatchesType', () => {
  it('accepts anything under a generic type and a format under its own types', () => {
    expect(contentMatchesType('application/octet-stream', Buffer.from('%PDF-1.4'))).toBe(true);
    expect(contentMatchesType('application/pdf', Buffer.from('%PDF-1.4'))).toBe(true);
    expect(contentMatchesType('application/x-zip-compressed', bytes(0x50, 0x4b, 0x03, 0x04))).toBe(true);
    expect(contentMatchesType('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', bytes(0x50, 0x4b, 0x03, 0x04))).toBe(true);
    expect(contentMatchesType('application/x-tar', tar())).toBe(true);
    expect(contentMatchesType('text/plain', Buffer.from('hello'))).toBe(true);
    expect(contentMatchesType('application/x-iso9660-image', Buffer.alloc(64))).toBe(true);
  });

  it('refuses a format type without its magic, and another type over a known format', () => {
    expect(contentMatchesType('application/pdf', Buffer.from('hello'))).toBe(false);
    expect(contentMatchesType('image/png', bytes(0xff, 0xd8, 0xff))).toBe(false);
    expect(contentMatchesType('text/plain', Buffer.from('%PDF-1.4'))).toBe(false);
    expect(contentMatchesType('text/html', bytes(0x50, 0x4b, 0x03, 0x04))).toBe(false);
  });
});

describe('normalizeContentType', () => {
  it('keeps type/subtype in lower case and refuses what is not a media type', () => {
    expect(normalizeContentType(undefined)).toBe('application/octet-stream');
    expect(normalizeContentType('  ')).toBe('application/octet-stream');
    expect(normalizeContentType('Application/PDF; charset=binary')).toBe('application/pdf');
    expect(normalizeContentType('pdf')).toBeNull();
    expect(normalizeContentType('text/plain\r\nX-Evil: 1')).toBeNull();
    expect(kindOfDeclaredType('application/vnd.oasis.opendocument.text')).toBe('zip');
    expect(kindOfDeclaredType('text/plain')).toBeNull();
  });
});

describe('cleanFileName', () => {
  it('keeps plain names, Korean ones in NFC, trimmed', () => {
    expect(cleanFileName(' PI Server 2024.exe ')).toBe('PI Server 2024.exe');
    expect(cleanFileName('제품 설치.zip'.normalize('NFD'))).toBe('제품 설치.zip');
    expect(cleanFileName('a..b.zip')).toBe('a..b.zip');
    expect(cleanFileName('가'.repeat(255))).toBe('가'.repeat(255));
  });

  it('refuses folders, traversal, hidden names, control and direction characters, Windows-reserved characters', () => {
    for (const name of ['', ' ', '../x', 'x/..', 'a/b', 'a\\b', '..', '.', '.env', 'nul\u0000', 'cr\r', 'del\u007f', 'c1\u009b', 'x\u202Eexe.txt', 'x\u2066y', 'a:b', 'a*b', 'a?b', 'a"b', 'a<b', 'a|b', 'n'.repeat(256)]) {
      expect(cleanFileName(name), JSON.stringify(name)).toBeNull();
    }
  });
});
