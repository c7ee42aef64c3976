import { describe, expect, it } from 'vitest';
import { EmailAddress, isEmailAddress } from './email';

describe('EmailAddress', () => {
  it('takes an ordinary address, trimmed and lower-cased', () => {
    expect(EmailAddress.parse('  Minjun.Kim@A-Petrochem.example ')).toBe('minjun.kim@a-petrochem.example');
    expect(isEmailAddress('owner@a-petrochem.example')).toBe(true);
  });

  it('takes a local part of 64 characters and refuses 65 (RFC 5321)', () => {
    expect(isEmailAddress(`${'a'.repeat(64)}@example.com`)).toBe(true);
    expect(isEmailAddress(`${'a'.repeat(65)}@example.com`)).toBe(false);
  });

  it('refuses more than 254 characters, line breaks, spaces and a missing domain', () => {
    expect(isEmailAddress(`a@${'b'.repeat(250)}.com`)).toBe(false);
    expect(isEmailAddress('a@example.com\r\nBcc: victim@example.com')).toBe(false);
    expect(isEmailAddress('a b@example.com')).toBe(false);
    expect(isEmailAddress('someone@')).toBe(false);
    expect(isEmailAddress('')).toBe(false);
  });
});
