import { describe, expect, it } from 'vitest';
import { isIpRule, SecuritySettings } from '../../../common/schemas/settings';
import { allowlistFor, isIpAllowed } from './ip-allowlist';

describe('isIpAllowed', () => {
  it('allows every address when the list is empty', () => {
    expect(isIpAllowed([], '203.0.113.9')).toBe(true);
  });

  it.each([
    [['203.0.113.7'], '203.0.113.7', true],
    [['203.0.113.7'], '203.0.113.8', false],
    [['10.0.0.0/8'], '10.200.1.1', true],
    [['10.0.0.0/8'], '11.0.0.1', false],
    [['192.168.1.*'], '192.168.1.254', true],
    [['192.168.1.*'], '192.168.2.1', false],
    [['10.*.*.*'], '10.9.8.7', true],
    [['2001:db8::/32'], '2001:db8:1::5', true],
    [['2001:db8::/32'], '2001:db9::5', false],
    [['127.0.0.1'], '::ffff:127.0.0.1', true],
    [['127.0.0.1'], null, false],
  ])('%j allows %s: %s', (rules, ip, expected) => {
    expect(isIpAllowed(rules, ip)).toBe(expected);
  });
});

describe('allowlistFor', () => {
  const settings = SecuritySettings.parse({ consoleAllowedIps: ['10.0.0.0/8'], agentAllowedIps: ['192.168.0.0/16'] });
  it('uses the agents list for agents, the console list for other staff, nothing for customers', () => {
    expect(allowlistFor(settings, 'agent')).toEqual(['192.168.0.0/16']);
    expect(allowlistFor(settings, 'vendor_admin')).toEqual(['10.0.0.0/8']);
    expect(allowlistFor(settings, 'support_engineer')).toEqual(['10.0.0.0/8']);
    expect(allowlistFor(settings, null)).toEqual([]);
  });
});

describe('isIpRule (the shape the settings accept)', () => {
  it.each([
    ['203.0.113.7', true],
    ['10.0.0.0/8', true],
    ['192.168.1.*', true],
    ['10.*.*.*', true],
    ['2001:db8::/32', true],
    ['::1', true],
    ['10.*.1.1', false],
    ['*.*.*.*', false],
    ['256.1.1.1', false],
    ['10.0.0.0/33', false],
    ['10.0.0', false],
    ['not-an-ip', false],
    ['192.168.1.*/24', false],
  ])('%s: %s', (rule, expected) => {
    expect(isIpRule(rule)).toBe(expected);
  });
});
