import { describe, expect, it } from 'vitest';
import { formatFileSize } from './format-file-size';

describe('formatFileSize', () => {
  it('picks the largest unit that keeps the number at least 1', () => {
    expect(formatFileSize(0)).toBe('0 B');
    expect(formatFileSize(900)).toBe('900 B');
    expect(formatFileSize(10 * 1024)).toBe('10 KiB');
    expect(formatFileSize(1.5 * 1024 ** 2)).toBe('1.5 MiB');
    expect(formatFileSize(4 * 1024 ** 3)).toBe('4 GiB');
  });

  it('writes sizes in binary units with at most one decimal', () => {
    expect(formatFileSize(1024)).toBe('1 KiB');
    expect(formatFileSize(1536)).toBe('1.5 KiB');
  });

  it('rounds the decimal up, so a size just over a limit never reads as the limit', () => {
    expect(formatFileSize(25 * 1024 ** 2)).toBe('25 MiB');
    expect(formatFileSize(25 * 1024 ** 2 + 1)).toBe('25.1 MiB');
    expect(formatFileSize(1025)).toBe('1.1 KiB');
  });
});
