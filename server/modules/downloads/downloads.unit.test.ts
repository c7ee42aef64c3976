import { describe, expect, it } from 'vitest';
import { createCryptoBox } from '../../platform/crypto-box';
import { readDownloadToken, signDownloadToken } from './download-token';
import { attachmentDisposition, ifNoneMatchHits, ifRangeHolds, parseRange } from './http-range';

describe('parseRange', () => {
  it('reads one range in each form', () => {
    expect(parseRange('bytes=0-99', 1000)).toEqual({ kind: 'partial', range: { start: 0, end: 99 } });
    expect(parseRange('bytes=500-', 1000)).toEqual({ kind: 'partial', range: { start: 500, end: 999 } });
    expect(parseRange('bytes=-100', 1000)).toEqual({ kind: 'partial', range: { start: 900, end: 999 } });
    expect(parseRange('bytes=-5000', 1000)).toEqual({ kind: 'partial', range: { start: 0, end: 999 } });
    expect(parseRange('bytes=990-5000', 1000)).toEqual({ kind: 'partial', range: { start: 990, end: 999 } });
  });

  it('finds ranges outside the file unsatisfiable', () => {
    expect(parseRange('bytes=1000-', 1000)).toEqual({ kind: 'unsatisfiable' });
    expect(parseRange('bytes=1000-2000', 1000)).toEqual({ kind: 'unsatisfiable' });
    expect(parseRange('bytes=-0', 1000)).toEqual({ kind: 'unsatisfiable' });
    expect(parseRange('bytes=0-', 0)).toEqual({ kind: 'unsatisfiable' });
  });

  it('gives the whole file for no header, several ranges, other units and malformed values', () => {
    for (const header of [undefined, 'bytes=0-1,4-5', 'items=0-1', 'bytes=5-1', 'bytes=-', 'bytes=a-b', 'bytes 0-1', `bytes=${'9'.repeat(30)}-`]) {
      expect(parseRange(header, 1000), String(header)).toEqual({ kind: 'whole' });
    }
  });
});

describe('conditionals', () => {
  it('matches If-None-Match by entity tag, weakly, in a list, or *', () => {
    expect(ifNoneMatchHits('"abc"', '"abc"')).toBe(true);
    expect(ifNoneMatchHits('W/"abc"', '"abc"')).toBe(true);
    expect(ifNoneMatchHits('"x", "abc"', '"abc"')).toBe(true);
    expect(ifNoneMatchHits('*', '"abc"')).toBe(true);
    expect(ifNoneMatchHits('"abd"', '"abc"')).toBe(false);
    expect(ifNoneMatchHits(undefined, '"abc"')).toBe(false);
  });

  it('lets If-Range apply a range only for the same entity tag or date', () => {
    expect(ifRangeHolds(undefined, '"abc"', 'Mon, 01 Jan 2024 00:00:00 GMT')).toBe(true);
    expect(ifRangeHolds('"abc"', '"abc"', 'Mon, 01 Jan 2024 00:00:00 GMT')).toBe(true);
    expect(ifRangeHolds('Mon, 01 Jan 2024 00:00:00 GMT', '"abc"', 'Mon, 01 Jan 2024 00:00:00 GMT')).toBe(true);
    expect(ifRangeHolds('W/"abc"', '"abc"', 'x')).toBe(false);
    expect(ifRangeHolds('"old"', '"abc"', 'x')).toBe(false);
  });
});

describe('attachmentDisposition', () => {
  it('gives an ASCII fallback and the exact UTF-8 name', () => {
    expect(attachmentDisposition('제품 설치.zip')).toBe(`attachment; filename="__ __.zip"; filename*=UTF-8''%EC%A0%9C%ED%92%88%20%EC%84%A4%EC%B9%98.zip`);
    expect(attachmentDisposition('a"b\\c.txt')).toBe(`attachment; filename="a\\"b\\\\c.txt"; filename*=UTF-8''a%22b%5Cc.txt`);
    expect(attachmentDisposition("it's (v1).exe")).toBe(`attachment; filename="it's (v1).exe"; filename*=UTF-8''it%27s%20%28v1%29.exe`);
  });
});

describe('download tokens', () => {
  const box = createCryptoBox(Buffer.alloc(32, 7));
  const claims = {
    fileId: '11111111-1111-4111-8111-111111111111',
    userId: '22222222-2222-4222-8222-222222222222',
    organizationId: '33333333-3333-4333-8333-333333333333',
    siteId: '44444444-4444-4444-8444-444444444444',
    expiresAt: new Date('2030-01-01T00:15:00.000Z'),
  };

  it('reads back what it signed until it expires', () => {
    const token = signDownloadToken(box, claims);
    expect(readDownloadToken(box, token, new Date('2030-01-01T00:14:59.999Z'))).toEqual(claims);
    expect(() => readDownloadToken(box, token, new Date('2030-01-01T00:15:00.000Z'))).toThrow('downloads.link_expired');
  });

  it('refuses a token signed with another key or for other claims', () => {
    const token = signDownloadToken(box, claims);
    expect(() => readDownloadToken(createCryptoBox(Buffer.alloc(32, 8)), token, new Date('2030-01-01T00:00:00Z'))).toThrow('downloads.link_invalid');
    const [, tag] = token.split('.');
    const forged = Buffer.from(JSON.stringify({ f: claims.fileId, u: claims.userId, o: claims.organizationId, s: claims.siteId, x: 4_000_000_000 })).toString('base64url');
    expect(() => readDownloadToken(box, `${forged}.${tag}`, new Date('2030-01-01T00:00:00Z'))).toThrow('downloads.link_invalid');
    // Signed, but not the payload's shape.
    const odd = Buffer.from(JSON.stringify({ f: 'x' })).toString('base64url');
    expect(() => readDownloadToken(box, `${odd}.${box.mac('download-link', odd)}`, new Date('2030-01-01T00:00:00Z'))).toThrow('downloads.link_invalid');
    // The same key's tag for another purpose.
    const payload = token.split('.')[0]!;
    expect(() => readDownloadToken(box, `${payload}.${box.mac('other', payload)}`, new Date('2030-01-01T00:00:00Z'))).toThrow('downloads.link_invalid');
  });
});
