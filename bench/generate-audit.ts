import { sql } from 'drizzle-orm';
import type { Db } from '../server/platform/db';

export interface AuditScale {
  /** Events to add to the activity log. */
  events: number;
  /** Spread evenly over this many days up to now, oldest first (ids follow time, as in real use). */
  days: number;
}

const CHUNK = 250_000;

/** Rows returned by db.execute, whichever driver (node-postgres gives a result, PGlite too, both with rows). */
function rowsOf<T>(result: unknown): T[] {
  return (result as { rows: T[] }).rows;
}

/**
 * Fills the activity log with `insert … select … from generate_series`, a quarter of a million
 * events a statement: two million in a few minutes on a small machine. Categories come in
 * realistic shares (sign-ins are two in five), actors are the customer users and, for organization,
 * site, member and settings events, the organization is one of the existing ones. Everything is
 * derived from hashes of the row number, so a run is reproducible. For large counts the secondary
 * indexes are dropped first and rebuilt after (the definitions are read from the catalog), which is
 * several times faster than maintaining five indexes row by row.
 */
export async function generateAuditEvents(db: Db, scale: AuditScale, progress: (done: number) => void = () => undefined): Promise<number> {
  if (scale.events <= 0) return 0;
  const [counts] = rowsOf<{ actors: number; orgs: number; end_at: string }>(
    await db.execute(sql`select (select count(*) from users where staff_role is null)::int as actors, (select count(*) from organizations)::int as orgs, now()::text as end_at`),
  );
  const actors = Math.max(1, counts!.actors);
  const orgs = Math.max(1, counts!.orgs);
  const endAt = counts!.end_at;
  const spanSeconds = scale.days * 86_400;

  const rebuild = scale.events >= 100_000;
  const indexes = rebuild
    ? rowsOf<{ indexname: string; indexdef: string }>(await db.execute(sql`select indexname, indexdef from pg_indexes where tablename = 'audit_events' and indexname <> 'audit_events_pkey'`))
    : [];
  for (const index of indexes) await db.execute(sql.raw(`drop index ${index.indexname}`));

  for (let start = 1; start <= scale.events; start += CHUNK) {
    const end = Math.min(scale.events, start + CHUNK - 1);
    await db.execute(sql`
      with actors as (select (row_number() over (order by id) - 1)::int as n, id, email from users where staff_role is null),
           orgs as (select (row_number() over (order by id) - 1)::int as n, id from organizations),
           numbered as (
             select g, hashint4(g)::bigint + 2147483648 as h1, hashint4(g # 1431655765)::bigint + 2147483648 as h2
             from generate_series(${start}::int, ${end}::int) g
           ),
           events as (
             select g, h1, h2,
                    ${endAt}::timestamptz - (${spanSeconds}::float8 * (1 - g::float8 / ${scale.events}::float8)) * interval '1 second' as occurred_at,
                    case when h1 % 100 < 40 then 'sign_in' when h1 % 100 < 48 then 'account' when h1 % 100 < 56 then 'organization'
                         when h1 % 100 < 66 then 'site' when h1 % 100 < 82 then 'member' when h1 % 100 < 86 then 'settings'
                         when h1 % 100 < 94 then 'token' else 'system' end as category
             from numbered
           )
      insert into audit_events (occurred_at, actor_user_id, actor_label, organization_id, category, action, target_type, target_id, ip, client, details)
      select e.occurred_at,
             case when e.category = 'system' then null else a.id end,
             case when e.category = 'system' then 'atrium CLI' else a.email end,
             case when e.category in ('organization', 'site', 'member', 'settings') then o.id end,
             e.category,
             case e.category
               when 'sign_in' then (array['sign_in.succeeded', 'sign_in.succeeded', 'sign_in.succeeded', 'sign_in.failed', 'sign_out'])[1 + (e.h1 / 100) % 5]
               when 'account' then (array['password.changed', 'email.verified', 'password_reset.requested'])[1 + (e.h1 / 100) % 3]
               when 'organization' then (array['organization.updated', 'organization.created', 'organization.account_team.updated'])[1 + (e.h1 / 100) % 3]
               when 'site' then (array['site.created', 'site.renamed', 'site.moved', 'site.deleted'])[1 + (e.h1 / 100) % 4]
               when 'member' then (array['member.invited', 'member.role_changed', 'invitation.accepted', 'member.deactivated'])[1 + (e.h1 / 100) % 4]
               when 'settings' then (array['organization.require_mfa.updated', 'settings.security.updated'])[1 + (e.h1 / 100) % 2]
               when 'token' then (array['token.created', 'token.revoked'])[1 + (e.h1 / 100) % 2]
               else (array['backup.created', 'server.started'])[1 + (e.h1 / 100) % 2]
             end,
             case e.category when 'member' then 'member' when 'site' then 'site' when 'organization' then 'organization' when 'token' then 'token' when 'sign_in' then 'session' end,
             case when e.category in ('member', 'site', 'token', 'sign_in') then md5(e.g::text)::uuid::text end,
             case when e.category = 'system' then null else '10.' || (e.h2 >> 16) % 256 || '.' || (e.h2 >> 8) % 256 || '.' || e.h2 % 256 end,
             (array['Chrome on Windows', 'Edge on Windows', 'Safari on macOS', 'Firefox on Linux', 'Chrome on Android', 'Safari on iOS', 'Whale on Windows', 'API token'])[1 + (e.h1 / 7) % 8],
             case e.category
               when 'member' then jsonb_build_object('role', (array['viewer', 'operator', 'support', 'admin'])[1 + (e.h2 / 3) % 4], 'email', 'person-' || e.h2 % 100000 || '@example.com')
               when 'settings' then jsonb_build_object('before', jsonb_build_object('requireMfa', false), 'after', jsonb_build_object('requireMfa', true))
               when 'site' then jsonb_build_object('name', '사이트 ' || e.h2 % 1000)
               when 'sign_in' then case when (e.h1 / 100) % 5 = 3 then jsonb_build_object('reason', 'invalid_password') end
             end
      from events e
      join actors a on a.n = e.h2 % ${actors}::int
      join orgs o on o.n = (e.h2 / 13) % ${orgs}::int`);
    progress(end);
  }

  for (const index of indexes) await db.execute(sql.raw(index.indexdef));
  await db.execute(sql`analyze audit_events`);
  return scale.events;
}
