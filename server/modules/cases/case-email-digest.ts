import type { CaseEmailKind } from '../../../common/cases';
import type { MailMessage } from '../../platform/mail';
import { caseChangesEmail, caseEmail, quotableText, type CaseEmailChange, type CaseEmailInput } from './case-emails';

/**
 * One email per update, as a help desk sends: the case emails to one person about changes made
 * moments apart (an engineer posts the answer, then sets the case to Answered) go out as one email.
 * A post or reopen request is held for `CASE_EMAIL_WINDOW_MS` in its job (run_at in the future),
 * and what else that person is to hear of the case meanwhile joins that held job instead of
 * queueing another. A status email (Answered, Waiting on Response, Closed) ends an update: it goes
 * at once, with whatever was held for that person. The Created confirmation and mentions go at once
 * on their own, as before. The held job is an ordinary mail job: during an SMTP outage it is
 * retried like any other, carrying every change it took.
 */

/** How long a post or reopen email waits for more changes to the same case for the same person. */
export const CASE_EMAIL_WINDOW_MS = 2 * 60_000;

/** The most changes one email carries; a busier window starts another email. */
export const CASE_EMAIL_MAX_CHANGES = 20;

/** Kinds held for the window, since more may follow. */
const HELD_KINDS: readonly CaseEmailKind[] = ['post', 'reopened'];
/** Kinds that end an update: sent at once, with what is held for the person. */
const RELEASING_KINDS: readonly CaseEmailKind[] = ['answered', 'waiting', 'closed'];

/** True when an email of this kind joins (or starts) a combined email. */
export const isCombinedKind = (kind: CaseEmailKind): boolean => HELD_KINDS.includes(kind) || RELEASING_KINDS.includes(kind);

/** What a held case email's job keeps beside the message, to tell of more changes in it. */
export interface CaseMailDigest {
  caseId: string;
  /** The recipient. */
  userId: string;
  changes: CaseEmailChange[];
}

/** The payload of a case email job that may take more changes: the message (what the mail job sends) and its changes. */
export type CaseMailPayload = MailMessage & { caseDigest: CaseMailDigest };

/** A held case email, read (and locked) from its job. */
export interface HeldCaseMail {
  id: number;
  payload: CaseMailPayload;
}

/** An email notifyCase is about to queue, and to whom. */
export interface CaseMailToQueue {
  userId: string;
  input: CaseEmailInput;
}

/** What to write to the mail queue for a change's emails. */
export interface CaseMailWrites {
  /** Emails to queue due now, as separate jobs. */
  now: MailMessage[];
  /** New held emails, due at `runAt`. */
  hold: { payload: CaseMailPayload; runAt: Date }[];
  /** Held emails that take the new changes; `releaseAt` makes one due then (null: still held). */
  merge: { id: number; payload: CaseMailPayload; releaseAt: Date | null }[];
}

/**
 * Decides (pure) which of a change's emails go now, which are held, and which join an email held for
 * the same person; `held` are the case's held emails, oldest first. A joined email keeps its
 * Message-ID and is written in the recipient's language of now.
 */
export function planCaseMails(mails: readonly CaseMailToQueue[], held: readonly HeldCaseMail[], now: Date, windowMs = CASE_EMAIL_WINDOW_MS): CaseMailWrites {
  const writes: CaseMailWrites = { now: [], hold: [], merge: [] };
  /** An email of one person: held already (`id`) or new, and whether a status change releases it. */
  interface Pending {
    id: number | null;
    payload: CaseMailPayload;
    release: boolean;
  }
  // The latest held email of each person that still has room.
  const open = new Map<string, Pending>();
  for (const mail of held) {
    if (mail.payload.caseDigest.changes.length < CASE_EMAIL_MAX_CHANGES) open.set(mail.payload.caseDigest.userId, { id: mail.id, payload: mail.payload, release: false });
  }
  const touched = new Set<Pending>();
  for (const { userId, input } of mails) {
    if (!isCombinedKind(input.kind)) {
      writes.now.push(caseEmail(input));
      continue;
    }
    const change: CaseEmailChange = { kind: input.kind, actorName: input.actorName, ...(input.text !== undefined ? { text: quotableText(input.text) } : {}) };
    const releasing = RELEASING_KINDS.includes(input.kind);
    const pending = open.get(userId);
    if (!pending) {
      if (releasing) {
        writes.now.push(caseEmail(input));
        continue;
      }
      const started: Pending = { id: null, payload: { ...caseEmail(input), caseDigest: { caseId: input.caseId, userId, changes: [change] } }, release: false };
      open.set(userId, started);
      touched.add(started);
      continue;
    }
    const changes = [...pending.payload.caseDigest.changes, change];
    const message = caseChangesEmail(input, changes);
    pending.payload = { ...message, messageId: pending.payload.messageId ?? message.messageId, caseDigest: { ...pending.payload.caseDigest, changes } };
    pending.release ||= releasing;
    touched.add(pending);
    if (releasing || changes.length >= CASE_EMAIL_MAX_CHANGES) open.delete(userId);
  }
  for (const pending of touched) {
    if (pending.id !== null) writes.merge.push({ id: pending.id, payload: pending.payload, releaseAt: pending.release ? now : null });
    // A new email released by a status change of the same change goes now; else it is held.
    else if (pending.release) writes.now.push(pending.payload);
    else writes.hold.push({ payload: pending.payload, runAt: new Date(now.getTime() + windowMs) });
  }
  return writes;
}
