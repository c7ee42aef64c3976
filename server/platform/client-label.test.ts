import { describe, expect, it } from 'vitest';
import { describeClient } from './client-label';

describe('describeClient', () => {
  it.each([
    ['Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36', 'Win10/Chrome 120'],
    ['Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.1 Safari/605.1.15', 'MacOSX/Safari 17'],
    ['Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36 Edg/120.0.0.0', 'Win10/Edge 120'],
    ['Mozilla/5.0 (X11; Linux x86_64; rv:121.0) Gecko/20100101 Firefox/121.0', 'Linux/Firefox 121'],
    ['curl/8.5.0', 'curl 8'],
  ])('describes %s as %s', (ua, expected) => {
    expect(describeClient(ua)).toBe(expected);
  });

  it('keeps an unknown agent short and printable', () => {
    expect(describeClient(`weird\u0000agent${'x'.repeat(100)}`)).toMatch(/^[\x20-\x7e]{1,40}$/);
    expect(describeClient(undefined)).toBe('unknown');
  });
});
