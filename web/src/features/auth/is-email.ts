const emailPattern = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** A quick check that a typed email address looks like one; the server has the last word. */
export function isEmail(value: string): boolean {
  return emailPattern.test(value.trim());
}
