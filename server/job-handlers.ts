import type { FastifyBaseLogger } from 'fastify';
import { ACCOUNT_EMAIL_JOB, createAccountEmailJobHandler } from './modules/auth/registration.service';
import { createSearchIndexJobHandler } from './modules/search/search-indexer';
import { SEARCH_INDEX_JOB } from './modules/search/search-index';
import { getServiceName } from './modules/settings/settings.service';
import type { ServiceContext } from './platform/context';
import type { JobHandlers } from './platform/jobs';
import { createMailJobHandler, MAIL_JOB } from './platform/mail';

/** Every kind of background job and its handler. */
export function createJobHandlers(ctx: ServiceContext, options: { smtpUrl: string | undefined; mailFrom: string; logger?: FastifyBaseLogger }): JobHandlers {
  return {
    [MAIL_JOB]: createMailJobHandler({ smtpUrl: options.smtpUrl, from: options.mailFrom, senderName: () => getServiceName(ctx), ...(options.logger ? { logger: options.logger } : {}) }),
    [SEARCH_INDEX_JOB]: createSearchIndexJobHandler(ctx),
    [ACCOUNT_EMAIL_JOB]: createAccountEmailJobHandler(ctx),
  };
}
