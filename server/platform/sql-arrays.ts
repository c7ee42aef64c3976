import { sql, type SQL } from 'drizzle-orm';

/**
 * An array of ids as one bound parameter (`$1::uuid[]`), for `= any(…)`: the statement's text stays
 * the same whatever the number of ids, so a prepared statement is planned once. The ids are UUIDs
 * the caller has (validated input or database values), which need no quoting in an array literal.
 */
export const uuidArray = (ids: readonly string[]): SQL => sql`${`{${ids.join(',')}}`}::uuid[]`;
