import { z } from 'zod';

/**
 * The text of a search or filter box, in a query string. A NUL reads as a space: PostgreSQL text
 * cannot hold one, and a search answers every odd query rather than refuse it (a field of a form,
 * which is stored, refuses control characters instead). Chain the box's own rules after it.
 */
export function queryText() {
  return z.string().overwrite((value) => value.replaceAll('\u0000', ' '));
}
