/**
 * The password rule the server enforces (`isStrongPassword` in common/schemas/me.ts), mirrored so
 * people see what is missing before they submit. Not imported from there: that file brings Zod.
 */
export const passwordRules = [
  { key: 'length', test: (password: string) => password.length >= 7 },
  { key: 'lower', test: (password: string) => /[a-z]/.test(password) },
  { key: 'upper', test: (password: string) => /[A-Z]/.test(password) },
  { key: 'digit', test: (password: string) => /[0-9]/.test(password) },
  { key: 'special', test: (password: string) => /[^A-Za-z0-9]/.test(password) },
] as const;

export type PasswordRuleKey = (typeof passwordRules)[number]['key'];
