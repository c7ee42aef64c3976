import nodemailer from 'nodemailer';
import type { FastifyBaseLogger } from 'fastify';
import type { Locale } from '../../common/locale';
import type { Db } from './db';
import { enqueueJob, PermanentJobError, type JobHandler, type QueuedJob } from './jobs';

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  html?: string;
  /** Threading (RFC 5322): this mail's Message-ID and the ones it answers, so clients group a case. */
  messageId?: string;
  inReplyTo?: string;
  references?: string[];
}

export const MAIL_JOB = 'mail.send';

/** Text that goes into a subject line: control characters (a line break would inject a header) become a space. */
export const oneLine = (text: string): string => text.replace(/\p{Cc}+/gu, ' ').trim();

/** An email's subject and text in one language; the subject without the service's name. */
export type MailParts = { subject: string; text: string };

/**
 * An email under the service's name (the vendor profile's, `[Name] subject`): in the recipient's
 * language, or, when that is unknown (null), Korean then English in one message with both subjects.
 */
export function localizedMail(to: string, locale: Locale | null, service: string, parts: Record<Locale, MailParts>): MailMessage {
  const prefix = `[${oneLine(service)}] `;
  if (locale) return { to, subject: prefix + parts[locale].subject, text: parts[locale].text };
  const { ko, en } = parts;
  return { to, subject: `${prefix}${ko.subject} / ${en.subject}`, text: `${ko.text}\n\n----------------------------------------\n\n${en.text}` };
}

/** An email as a job, to queue with others through `enqueueJobs`. */
export const mailJob = (message: MailMessage): QueuedJob => ({ kind: MAIL_JOB, payload: message });

/** Queues an email in the transaction of the change that causes it; the job worker sends it. */
export function queueMail(db: Db, message: MailMessage): Promise<void> {
  return enqueueJob(db, MAIL_JOB, message);
}

/** A sender written with a display name (`Hanbit Care <care@vendor.example>`), as opposed to a bare address. */
const hasDisplayName = (from: string): boolean => /<[^<>]*>$/.test(from.trim());

/**
 * The job handler that delivers mail over SMTP (SMTP_URL). Without SMTP_URL mail cannot leave the
 * machine: the message is written to the log instead, so a trial installation still shows links.
 * The sender (MAIL_FROM) is used as written when it has a display name; a bare address goes out
 * under `senderName()`, the service's name, so that renaming the service renames the sender too.
 */
export function createMailJobHandler(options: { smtpUrl: string | undefined; from: string; senderName?: () => Promise<string>; logger?: FastifyBaseLogger }): JobHandler {
  const transport = options.smtpUrl ? nodemailer.createTransport(options.smtpUrl) : null;
  const senderOf = async () => (hasDisplayName(options.from) || !options.senderName ? options.from : { name: oneLine(await options.senderName()), address: options.from.trim() });
  return async (payload) => {
    const message = payload as MailMessage;
    // Header injection: a recipient or subject with a line break is refused, never sent.
    if (/[\r\n]/.test(message.to) || /[\r\n]/.test(message.subject)) throw new PermanentJobError('refused a header with a line break');
    if (!transport) {
      options.logger?.info({ mail: { to: message.to, subject: message.subject, text: message.text } }, 'SMTP_URL is not set: mail written to the log');
      return;
    }
    try {
      await transport.sendMail({
        from: await senderOf(),
        to: message.to,
        subject: message.subject,
        text: message.text,
        ...(message.html ? { html: message.html } : {}),
        ...(message.messageId ? { messageId: message.messageId } : {}),
        ...(message.inReplyTo ? { inReplyTo: message.inReplyTo } : {}),
        ...(message.references?.length ? { references: message.references } : {}),
      });
    } catch (error) {
      // A 5xx reply (RFC 5321 §4.2.1) is permanent: the same message to the same address would be
      // refused again, so the job fails now with the server's reply rather than retrying for hours.
      const code = (error as { responseCode?: unknown }).responseCode;
      if (typeof code === 'number' && code >= 500 && code < 600) {
        options.logger?.warn({ to: message.to, responseCode: code }, 'mail refused permanently');
        throw new PermanentJobError(`SMTP ${code}: ${(error as Error).message}`);
      }
      throw error;
    }
  };
}
