/**
 * A random UUID v4 for one case wizard. `crypto.randomUUID` exists only in secure contexts, and a
 * self-hosted portal may be served over plain HTTP on a local network, so it falls back to
 * `crypto.getRandomValues`, which browsers offer everywhere.
 */
export function newWizardId(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6]! & 0x0f) | 0x40;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = [...bytes].map((byte) => byte.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
