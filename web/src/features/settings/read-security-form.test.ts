import { SecuritySettingsBody } from '@common/schemas/settings';
import { describe, expect, it } from 'vitest';
import { readSecurityForm, type SecurityFormValues } from './read-security-form';

const values: SecurityFormValues = {
  numbers: { lockoutAttempts: 5, lockoutSeconds: 30, idleTimeoutMinutes: 30, minLength: 7 },
  ips: { consoleAllowedIps: '127.0.0.1\n10.0.0.0/8', agentAllowedIps: '' },
  flags: { requireLower: true, requireUpper: true, requireDigit: true, requireSpecial: false, blockCommon: true },
};
const withNumbers = (numbers: Partial<SecurityFormValues['numbers']>): SecurityFormValues => ({ ...values, numbers: { ...values.numbers, ...numbers } });

describe('readSecurityForm', () => {
  it('builds a body with every setting, which the server accepts as a whole', () => {
    const result = readSecurityForm(withNumbers({ idleTimeoutMinutes: 1.5 }));
    expect(result).toEqual({
      body: {
        lockoutAttempts: 5,
        lockoutSeconds: 30,
        idleTimeoutSeconds: 90,
        consoleAllowedIps: ['127.0.0.1', '10.0.0.0/8'],
        agentAllowedIps: [],
        passwordPolicy: { minLength: 7, requireLower: true, requireUpper: true, requireDigit: true, requireSpecial: false, blockCommon: true },
      },
    });
    expect(SecuritySettingsBody.strict().safeParse('body' in result ? result.body : null).success).toBe(true);
  });

  it('refuses the numbers QA typed instead of bringing them into range', () => {
    const result = readSecurityForm(withNumbers({ lockoutAttempts: 0, lockoutSeconds: 999_999, idleTimeoutMinutes: 0.5 }));
    expect(result).toEqual({
      issues: {
        lockoutAttempts: [{ kind: 'range', min: 1, max: 100, whole: true }],
        lockoutSeconds: [{ kind: 'range', min: 1, max: 86_400, whole: true }],
        idleTimeoutMinutes: [{ kind: 'range', min: 1, max: 1440, whole: false }],
      },
    });
  });

  it.each<[string, Partial<SecurityFormValues['numbers']>]>([
    ['an empty field', { lockoutAttempts: '' }],
    ['a number still being typed', { lockoutSeconds: '1.' }],
    ['a fraction where a whole number is needed', { minLength: 8.5 }],
    ['a length over the limit', { minLength: 65 }],
    ['an idle time over a day', { idleTimeoutMinutes: 1440.5 }],
  ])('refuses %s', (_label, numbers) => {
    const result = readSecurityForm(withNumbers(numbers));
    expect('issues' in result && Object.keys(result.issues)).toEqual(Object.keys(numbers));
  });

  it('accepts the limits themselves', () => {
    expect('body' in readSecurityForm(withNumbers({ lockoutAttempts: 1, lockoutSeconds: 86_400, idleTimeoutMinutes: 1440, minLength: 64 }))).toBe(true);
    expect('body' in readSecurityForm(withNumbers({ lockoutAttempts: 100, lockoutSeconds: 1, idleTimeoutMinutes: 1, minLength: 6 }))).toBe(true);
  });

  it('points at malformed and repeated allowed IPs by line, in line order', () => {
    const result = readSecurityForm({ ...values, ips: { consoleAllowedIps: '127.0.0.1\nnot-an-ip\n127.0.0.1', agentAllowedIps: '10.0.0.1\n10.0.0.2' } });
    expect(result).toEqual({
      issues: {
        consoleAllowedIps: [
          { kind: 'invalidIp', line: 2, value: 'not-an-ip' },
          { kind: 'duplicateIp', line: 3, value: '127.0.0.1', firstLine: 1 },
        ],
      },
    });
  });
});
