// The issue 4 part of the benchmark: activity log data, the EXPLAIN of the log query, and the
// export measured for server memory while it streams.
import { readFileSync } from 'node:fs';
import { PgDialect } from 'drizzle-orm/pg-core';
import { ActivityListQuery } from '../common/schemas/audit';
import { activityQuery } from '../server/modules/audit/audit.repository';
import { resolveActivityFilter } from '../server/modules/audit/audit.service';
import { createApiTokenForEmail } from '../server/modules/tokens/tokens.service';
import { CLI_ORIGIN, type ServiceContext } from '../server/platform/context';
import type { Database } from '../server/platform/db';
import { buildUser } from '../server/test/factories';
import { generateAuditEvents } from './generate-audit';

export interface ActivityBenchData {
  /** A bearer token of a support engineer (audit.view on the console). */
  staffToken: string;
  /** Where an export of about `exportEvents` of the newest events starts (ISO instant). */
  exportFrom: string;
  /** The events from exportFrom on. */
  exportRows: number;
}

/** Adds the activity log and a support engineer with a token; the users and organizations must exist. */
export async function generateActivityData(ctx: ServiceContext, database: Database, options: { events: number; exportEvents: number; passwordHash: string }): Promise<ActivityBenchData> {
  const started = Date.now();
  await generateAuditEvents(ctx.db, { events: options.events, days: 365 }, (done) => {
    process.stdout.write(`\r  ${done.toLocaleString('en')} activity events in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  });
  process.stdout.write(`\r  ${options.events.toLocaleString('en')} activity events in ${((Date.now() - started) / 1000).toFixed(1)} s (indexes included)\n`);
  const engineer = await buildUser(ctx, { email: 'bench-support@example.com', name: 'Bench support', staffRole: 'support_engineer', passwordHash: options.passwordHash });
  const { token } = await createApiTokenForEmail(ctx, engineer.email, 'bench', CLI_ORIGIN);
  const [edge] = await database.raw<{ from: string }>(
    `select to_char(occurred_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as from from audit_events order by occurred_at desc offset $1 limit 1`,
    [Math.max(0, options.exportEvents - 1)],
  );
  const exportFrom = edge?.from ?? '2000-01-01T00:00:00.000Z';
  const [count] = await database.raw<{ n: number }>('select count(*)::int as n from audit_events where occurred_at >= $1', [exportFrom]);
  return { staffToken: token, exportFrom, exportRows: count?.n ?? 0 };
}

/** The plan PostgreSQL picks for the log query of a scenario, as EXPLAIN ANALYZE prints it. */
export async function explainActivityQuery(ctx: ServiceContext, database: Database, query: Record<string, string>): Promise<string[]> {
  const { filter } = resolveActivityFilter(ctx, { organizationId: null }, ActivityListQuery.parse(query));
  const statement = new PgDialect().sqlToQuery(activityQuery(filter, { after: null, limit: 51 }));
  const rows = await database.raw<{ 'QUERY PLAN': string }>(`explain (analyze, costs off) ${statement.sql}`, statement.params as unknown[]);
  return rows.map((row) => row['QUERY PLAN']);
}

export interface ExportFigures {
  name: string;
  status: number;
  rows: number;
  megabytes: number;
  seconds: number;
  firstByteMs: number;
  rssBeforeMb: number | null;
  rssPeakMb: number | null;
  rssAfterMb: number | null;
  rssGrowthMb: number | null;
  budgetGrowthMb: number;
  withinBudget: boolean | null;
}

/** The resident memory of a process in MB (Linux /proc), or null elsewhere. */
export function rssMb(pid: number): number | null {
  try {
    const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Math.round((Number(match[1]) / 1024) * 10) / 10 : null;
  } catch {
    return null;
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Downloads an export as fast as the client reads, sampling the server process's RSS every 50 ms:
 * the growth is the peak during the export minus the resident memory just before it.
 */
export async function measureExport(baseUrl: string, serverPid: number, options: { name: string; path: string; token: string; rows: number; budgetGrowthMb: number }): Promise<ExportFigures> {
  await sleep(2000);
  const before = [rssMb(serverPid), rssMb(serverPid), rssMb(serverPid)].filter((v): v is number => v !== null);
  const rssBefore = before.length ? Math.max(...before) : null;
  let peak = rssBefore;
  const timer = setInterval(() => {
    const now = rssMb(serverPid);
    if (now !== null) peak = Math.max(peak ?? 0, now);
  }, 50);
  const started = performance.now();
  let firstByteMs = 0;
  let bytes = 0;
  let status = 0;
  try {
    const response = await fetch(`${baseUrl}${options.path}`, { headers: { authorization: `Bearer ${options.token}` } });
    status = response.status;
    for await (const chunk of response.body ?? []) {
      if (bytes === 0) firstByteMs = performance.now() - started;
      bytes += (chunk as Uint8Array).length;
    }
  } finally {
    clearInterval(timer);
  }
  const seconds = (performance.now() - started) / 1000;
  const growth = rssBefore !== null && peak !== null ? Math.round((peak - rssBefore) * 10) / 10 : null;
  return {
    name: options.name,
    status,
    rows: options.rows,
    megabytes: Math.round((bytes / 1024 / 1024) * 10) / 10,
    seconds: Math.round(seconds * 10) / 10,
    firstByteMs: Math.round(firstByteMs),
    rssBeforeMb: rssBefore,
    rssPeakMb: peak,
    rssAfterMb: rssMb(serverPid),
    rssGrowthMb: growth,
    budgetGrowthMb: options.budgetGrowthMb,
    withinBudget: growth === null ? null : status === 200 && growth < options.budgetGrowthMb,
  };
}
