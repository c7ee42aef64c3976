import { describe, expect, it } from 'vitest';
import { isIpRule, parseIpList } from './parse-ip-list';

describe('isIpRule', () => {
  it.each(['203.0.113.7', '10.0.0.0/8', '192.168.1.*', '10.*.*.*', '2001:db8::1', '2001:db8::/32', '::1'])('accepts %s', (value) => {
    expect(isIpRule(value)).toBe(true);
  });

  it.each(['', 'localhost', '10.0.0', '256.1.1.1', '10.0.0.0/33', '192.*.1.*', '*.*.*.*', '1.2.3.4/', '2001:db8::/129'])('refuses %s', (value) => {
    expect(isIpRule(value)).toBe(false);
  });
});

describe('parseIpList', () => {
  it('reads one entry per line, trimming and skipping blank lines', () => {
    expect(parseIpList(' 10.0.0.0/8 \n\n192.168.1.*\r\n')).toEqual({
      entries: ['10.0.0.0/8', '192.168.1.*'],
      lines: [1, 3],
      invalid: [],
      duplicates: [],
    });
  });

  it('is empty (allow all) for an empty text', () => {
    expect(parseIpList('  \n ')).toEqual({ entries: [], lines: [], invalid: [], duplicates: [] });
  });

  it('points at the lines that are not valid', () => {
    expect(parseIpList('10.0.0.1\nnot an ip\n\n300.1.1.1').invalid).toEqual([
      { line: 2, value: 'not an ip' },
      { line: 4, value: '300.1.1.1' },
    ]);
  });

  it('points at the entries that repeat an earlier line, compared without case', () => {
    expect(parseIpList('127.0.0.1\n2001:db8::1\n 127.0.0.1 \n\n2001:DB8::1\n127.0.0.1').duplicates).toEqual([
      { line: 3, value: '127.0.0.1', firstLine: 1 },
      { line: 5, value: '2001:DB8::1', firstLine: 2 },
      { line: 6, value: '127.0.0.1', firstLine: 1 },
    ]);
  });
});
