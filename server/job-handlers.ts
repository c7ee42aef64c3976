import type { FastifyBaseLogger } from 'fastify';
import type { JobHandlers } from './platform/jobs';
import { createMailJobHandler, MAIL_JOB } from './platform/mail';

/** Every kind of background job and its handler. */
export function createJobHandlers(options: { smtpUrl: string | undefined; mailFrom: string; logger?: FastifyBaseLogger }): JobHandlers {
  return {
    [MAIL_JOB]: createMailJobHandler({ smtpUrl: options.smtpUrl, from: options.mailFrom, ...(options.logger ? { logger: options.logger } : {}) }),
  };
}
