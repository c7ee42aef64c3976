import type { SecuritySettingsBody } from '@common/schemas/settings';
import { parseIpList } from './parse-ip-list';

export type NumberField = 'lockoutAttempts' | 'lockoutSeconds' | 'idleTimeoutMinutes' | 'minLength';
export type IpField = 'consoleAllowedIps' | 'agentAllowedIps';
export type PolicyFlag = 'requireLower' | 'requireUpper' | 'requireDigit' | 'requireSpecial' | 'blockCommon';
export type SecurityFormField = NumberField | IpField;

/**
 * What each number field allows, as the server does (common/schemas/settings.ts `SecuritySettings`).
 * The idle sign-out is entered in minutes, to two decimals, and sent as whole seconds.
 */
export const numberLimits: Record<NumberField, { min: number; max: number; whole: boolean }> = {
  lockoutAttempts: { min: 1, max: 100, whole: true },
  lockoutSeconds: { min: 1, max: 86_400, whole: true },
  idleTimeoutMinutes: { min: 1, max: 1440, whole: false },
  minLength: { min: 6, max: 64, whole: true },
};

export const ipFields: IpField[] = ['consoleAllowedIps', 'agentAllowedIps'];

/** The form's values as typed: a NumberInput gives a string while its text is not a number (empty, `1.`). */
export interface SecurityFormValues {
  numbers: Record<NumberField, number | string>;
  ips: Record<IpField, string>;
  flags: Record<PolicyFlag, boolean>;
}

/** Why a field cannot be saved, for the form to put in the user's language. */
export type SecurityFormIssue =
  | { kind: 'range'; min: number; max: number; whole: boolean }
  | { kind: 'invalidIp'; line: number; value: string }
  | { kind: 'duplicateIp'; line: number; value: string; firstLine: number };

export type SecurityFormResult = { body: SecuritySettingsBody } | { issues: Partial<Record<SecurityFormField, SecurityFormIssue[]>> };

/**
 * Checks the security settings form and builds the whole PUT body (every setting, as the server
 * requires), or says what is wrong with each field. Numbers out of range or not whole where they
 * must be are refused, never brought into range, so nothing is saved that the user did not type.
 */
export function readSecurityForm({ numbers, ips, flags }: SecurityFormValues): SecurityFormResult {
  const issues: Partial<Record<SecurityFormField, SecurityFormIssue[]>> = {};
  for (const [field, { min, max, whole }] of Object.entries(numberLimits) as [NumberField, (typeof numberLimits)[NumberField]][]) {
    const value = numbers[field];
    const fits = typeof value === 'number' && Number.isFinite(value) && value >= min && value <= max && (!whole || Number.isInteger(value));
    if (!fits) issues[field] = [{ kind: 'range', min, max, whole }];
  }
  const lists = {} as Record<IpField, string[]>;
  for (const field of ipFields) {
    const { entries, invalid, duplicates } = parseIpList(ips[field]);
    lists[field] = entries;
    const found: SecurityFormIssue[] = [
      ...invalid.map(({ line, value }) => ({ kind: 'invalidIp' as const, line, value })),
      ...duplicates.map(({ line, value, firstLine }) => ({ kind: 'duplicateIp' as const, line, value, firstLine })),
    ].sort((a, b) => a.line - b.line);
    if (found.length > 0) issues[field] = found;
  }
  if (Object.keys(issues).length > 0) return { issues };
  return {
    body: {
      lockoutAttempts: Number(numbers.lockoutAttempts),
      lockoutSeconds: Number(numbers.lockoutSeconds),
      idleTimeoutSeconds: Math.round(Number(numbers.idleTimeoutMinutes) * 60),
      consoleAllowedIps: lists.consoleAllowedIps,
      agentAllowedIps: lists.agentAllowedIps,
      passwordPolicy: { ...flags, minLength: Number(numbers.minLength) },
    },
  };
}
