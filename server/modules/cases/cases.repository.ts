import { randomUUID } from 'node:crypto';
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { STAFF_ROLE_PERMISSIONS, STAFF_ROLES, type StaffRole } from '../../../common/permissions';
import { auditEvents, caseEvents, casePosts, cases, caseSubscriptions, organizations, productFamilies, products, releases, sites, users } from '../../db/schema/index';
import type { Db } from '../../platform/db';
import { prepared } from '../../platform/prepared';
import type { CaseRow } from './case-access';

/** The kinds of rows in a case's history. */
export type CaseEventKind = 'created' | 'status' | 'assignee' | 'description' | 'resolution' | 'reopen_requested' | 'link_added' | 'link_removed' | 'attachment_added' | 'attachment_removed';

/** Staff roles that answer cases: the only people a case may be assigned to. */
export const ENGINEER_ROLES: readonly StaffRole[] = STAFF_ROLES.filter((role) => STAFF_ROLE_PERMISSIONS[role].includes('case.answer'));

/**
 * Inserts a new case with its first history row (`created`), the requester's subscription and the
 * `case.created` activity log event, in one statement: the case's insert is a CTE whose returned
 * row the log event reads (for the case's number, from the sequence); the history row and the
 * subscription name the case by an id chosen here (foreign keys are checked at the statement's end).
 * The log event is the one `recordCaseAudit` writes.
 */
export async function insertNewCase(
  db: Db,
  values: typeof cases.$inferInsert & { requesterId: string; status: CaseRow['status']; createdAt: Date },
  created: { details: Record<string, unknown> | null },
  audit: { actorLabel: string; ip: string | null; client: string | null; details: Record<string, unknown> },
): Promise<CaseRow> {
  const id = randomUUID();
  const newCase = db.$with('new_case').as(db.insert(cases).values({ ...values, id }).returning());
  const event = db.insert(caseEvents).values({ caseId: id, kind: 'created', actorId: values.requesterId, toValue: values.status, details: created.details, createdAt: values.createdAt });
  const createdEvent = db.$with('created_event', {}).as(event.getSQL());
  const subscription = db.insert(caseSubscriptions).values({ caseId: id, userId: values.requesterId, reason: 'requester' }).onConflictDoNothing();
  const subscribed = db.$with('requester_subscribed', {}).as(subscription.getSQL());
  const logged = db.$with('logged', {}).as(sql`
    insert into ${auditEvents} (category, action, actor_user_id, actor_label, organization_id, target_type, target_id, ip, client, details, occurred_at)
    select 'case', 'case.created', ${values.requesterId}::uuid, ${audit.actorLabel}, n.organization_id, 'case', n.id::text, ${audit.ip}, ${audit.client},
           jsonb_build_object('number', lpad(n.number::text, 8, '0')) || ${JSON.stringify(audit.details)}::jsonb, ${values.createdAt.toISOString()}::timestamptz
      from new_case n`);
  const [row] = await db.with(newCase, createdEvent, subscribed, logged).select().from(newCase);
  return row as CaseRow;
}

/** Changes a case's columns and returns the row. */
export async function updateCase(
  db: Db,
  caseId: string,
  values: Partial<Pick<CaseRow, 'status' | 'description' | 'resolution' | 'assigneeId' | 'updatedAt' | 'firstResponseAt' | 'closedAt' | 'resolvedAt' | 'reopenCount'>>,
): Promise<CaseRow> {
  const [row] = await db.update(cases).set(values).where(eq(cases.id, caseId)).returning();
  return row!;
}

/** Appends a row to a case's history. */
export async function insertCaseEvent(
  db: Db,
  values: { caseId: string; kind: CaseEventKind; actorId: string | null; fromValue?: string | null; toValue?: string | null; details?: Record<string, unknown> | null; createdAt: Date },
): Promise<void> {
  await db.insert(caseEvents).values({
    caseId: values.caseId,
    kind: values.kind,
    actorId: values.actorId,
    fromValue: values.fromValue ?? null,
    toValue: values.toValue ?? null,
    details: values.details ?? null,
    createdAt: values.createdAt,
  });
}

/** A public post in the case's feed (a reopen request carries its reason there for the engineers). */
export async function insertCustomerPost(db: Db, values: { caseId: string; organizationId: string; authorId: string; body: string; createdAt: Date }): Promise<string> {
  const [row] = await db
    .insert(casePosts)
    .values({ caseId: values.caseId, organizationId: values.organizationId, authorId: values.authorId, authorSide: 'customer', visibility: 'public', body: values.body, createdAt: values.createdAt })
    .returning({ id: casePosts.id });
  return row!.id;
}

/** A case's history, oldest first, with each actor's name and whether they are vendor staff. */
export function listCaseEvents(db: Db, caseId: string) {
  return db
    .select({
      id: caseEvents.id,
      kind: caseEvents.kind,
      fromValue: caseEvents.fromValue,
      toValue: caseEvents.toValue,
      details: caseEvents.details,
      createdAt: caseEvents.createdAt,
      actorId: users.id,
      actorName: users.name,
      actorStaffRole: users.staffRole,
    })
    .from(caseEvents)
    .leftJoin(users, eq(users.id, caseEvents.actorId))
    .where(eq(caseEvents.caseId, caseId))
    .orderBy(asc(caseEvents.id));
}

const requester = alias(users, 'requester');
const assignee = alias(users, 'assignee');
const related = alias(cases, 'related_case');

/** A case with every name its page shows, in one query; undefined when it does not exist. */
export async function findCaseDetailRow(db: Db, caseId: string) {
  // The case page's query: ten tables, built once and prepared.
  const statement = prepared(db, 'find_case_detail', (d) => d
    .select({
      case: cases,
      organizationName: organizations.name,
      siteName: sites.name,
      familyName: productFamilies.name,
      productName: products.name,
      releaseVersion: releases.version,
      requesterName: requester.name,
      requesterStaffRole: requester.staffRole,
      assigneeName: assignee.name,
      assigneeStaffRole: assignee.staffRole,
      relatedNumber: related.number,
      relatedSubject: related.subject,
      relatedSiteId: related.siteId,
    })
    .from(cases)
    .innerJoin(organizations, eq(organizations.id, cases.organizationId))
    .innerJoin(sites, eq(sites.id, cases.siteId))
    .leftJoin(productFamilies, eq(productFamilies.id, cases.productFamilyId))
    .leftJoin(products, eq(products.id, cases.productId))
    .leftJoin(releases, eq(releases.id, cases.releaseId))
    .leftJoin(requester, eq(requester.id, cases.requesterId))
    .leftJoin(assignee, eq(assignee.id, cases.assigneeId))
    .leftJoin(related, eq(related.id, cases.relatedCaseId))
    .where(eq(cases.id, sql.placeholder('caseId')))
    .limit(1)
    .prepare('find_case_detail'));
  const [row] = await statement.execute({ caseId });
  return row;
}
export type CaseDetailRow = NonNullable<Awaited<ReturnType<typeof findCaseDetailRow>>>;

/** The case, if any (the console works across organizations). */
export async function findCaseById(db: Db, caseId: string): Promise<CaseRow | undefined> {
  const [row] = await db.select().from(cases).where(eq(cases.id, caseId)).limit(1);
  return row;
}

/** A case of the organization, if any. */
export async function findCaseOfOrganization(db: Db, organizationId: string, caseId: string): Promise<CaseRow | undefined> {
  const [row] = await db
    .select()
    .from(cases)
    .where(and(eq(cases.id, caseId), eq(cases.organizationId, organizationId)))
    .limit(1);
  return row;
}

/** The case with this 8-digit number, else the one carrying this old-system number (exactly, then ignoring case). */
export async function findCaseByNumber(db: Db, text: string): Promise<Pick<CaseRow, 'id' | 'organizationId' | 'number'> | undefined> {
  const columns = { id: cases.id, organizationId: cases.organizationId, number: cases.number };
  if (/^\d{8}$/.test(text)) {
    const [byNumber] = await db.select(columns).from(cases).where(eq(cases.number, Number(text))).limit(1);
    if (byNumber) return byNumber;
  }
  const [exact] = await db.select(columns).from(cases).where(eq(cases.legacyNumber, text)).limit(1);
  if (exact) return exact;
  const [loose] = await db
    .select(columns)
    .from(cases)
    .where(sql`lower(${cases.legacyNumber}) = ${text.toLowerCase()}`)
    .orderBy(asc(cases.legacyNumber))
    .limit(1);
  return loose;
}

export interface PersonRow {
  id: string;
  name: string;
  email: string;
  staffRole: StaffRole | null;
  status: 'active' | 'disabled';
}

/** These users, by id (the missing ones are left out). */
export async function listPeople(db: Db, ids: readonly string[]): Promise<PersonRow[]> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return [];
  return db.select({ id: users.id, name: users.name, email: users.email, staffRole: users.staffRole, status: users.status }).from(users).where(inArray(users.id, unique));
}

/** Active vendor staff who answer cases, by name. */
export function listEngineerUsers(db: Db): Promise<{ id: string; name: string; email: string }[]> {
  return db
    .select({ id: users.id, name: users.name, email: users.email })
    .from(users)
    .where(and(inArray(users.staffRole, [...ENGINEER_ROLES]), eq(users.status, 'active')))
    .orderBy(asc(users.name), asc(users.id));
}

