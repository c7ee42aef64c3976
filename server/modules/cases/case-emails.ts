import { randomBytes } from 'node:crypto';
import { caseStatusLabel, type CaseEmailKind, type CaseSide, type CaseStatus } from '../../../common/cases';
import type { Locale } from '../../../common/locale';
import { oneLine, type MailMessage } from '../../platform/mail';
import { markdownToMailText } from './case-mail-text';

/**
 * The emails a case sends (myOSIsoft sends Created, Answered and Closed; Atrium adds mentions,
 * "waiting for your attention", posts by the other side and reopen requests), in Korean and in
 * English, threaded so that a mail client shows one conversation per case: the Created mail's
 * Message-ID is the case's root, and every later mail answers it.
 */

/** The host of the address people use, for Message-IDs (`atrium.example.com`). */
function messageHost(baseUrl: string): string {
  try {
    return new URL(baseUrl).hostname || 'atrium.invalid';
  } catch {
    return 'atrium.invalid';
  }
}

/** The Message-ID of a case's first mail, which every other mail of the case refers to. */
export function caseRootMessageId(caseId: string, baseUrl: string): string {
  return `<case-${caseId}@${messageHost(baseUrl)}>`;
}

/** The threading headers of one mail of a case: the root for Created, else a new id answering the root. */
export function caseThreading(caseId: string, baseUrl: string, kind: CaseEmailKind): Pick<MailMessage, 'messageId' | 'inReplyTo' | 'references'> {
  const root = caseRootMessageId(caseId, baseUrl);
  if (kind === 'created') return { messageId: root };
  return { messageId: `<case-${caseId}-${randomBytes(9).toString('base64url')}@${messageHost(baseUrl)}>`, inReplyTo: root, references: [root] };
}

/** Where a recipient opens the case: the portal for customers, the console for engineers. */
export function caseLinkFor(baseUrl: string, side: CaseSide, organizationId: string, caseId: string): string {
  return side === 'engineer' ? `${baseUrl}/console/cases/${organizationId}/${caseId}` : `${baseUrl}/portal/cases/${caseId}?organization=${organizationId}`;
}

export interface CaseEmailInput {
  kind: CaseEmailKind;
  to: string;
  locale: Locale;
  /** The recipient's side: engineers are pointed at the console. */
  side: CaseSide;
  caseId: string;
  /** The 8-digit number. */
  number: string;
  subject: string;
  url: string;
  /** Where the recipient chooses their case emails. */
  preferencesUrl: string;
  /** Who did it (post, mention, reopen, close). */
  actorName: string | null;
  /** The post, the mention's post or the reopen reason. */
  text?: string;
  /** The post is an internal note (engineers only ever get those). */
  internal?: boolean;
  reopenWindowDays: number;
  baseUrl: string;
}

/** Who gets a case email and where it points, whatever it tells of. */
type CaseEmailSetting = Omit<CaseEmailInput, 'kind' | 'actorName' | 'text' | 'internal'>;

/** The most of a post an email quotes. */
const QUOTE_LIMIT = 4000;
/** As much of a text as an email quotes (and one character more, so the quote still shows the cut). */
export const quotableText = (text: string): string => [...text].slice(0, QUOTE_LIMIT + 1).join('');
/** A text cut at a character boundary (emoji stay whole), with "…" where it was cut. */
function cutText(text: string | undefined, plain: (kept: string) => string = (kept) => kept): string {
  const chars = [...(text ?? '')];
  return chars.length > QUOTE_LIMIT ? `${plain(chars.slice(0, QUOTE_LIMIT).join(''))}…` : plain(chars.join(''));
}
/** Each line of a text after "> ". */
const quoteLines = (text: string): string =>
  text
    .split('\n')
    .map((line) => (line ? `> ${line}` : '>'))
    .join('\n');
/**
 * Quotes a post, which is Markdown, as plain text: a mail is read as text, where `**`, `>` and
 * backticks would show as typed, while paragraphs, list numbers and link addresses must stay.
 * (Mails have no HTML part, so nothing of a post is rendered.)
 */
const quotePost = (text: string | undefined): string => quoteLines(cutText(text, markdownToMailText));

/** What a mail says about one change: the statement, what to do next, and the words before the link. */
interface BodyParts {
  said: string;
  next?: string;
  link?: string;
}

/** A body: the statement, what to do next, the link. */
const bodyOf = (parts: BodyParts, url: string): string => [parts.said, parts.next, `${parts.link ? `${parts.link}\n` : ''}${url}`].filter(Boolean).join('\n\n');

function englishParts(input: CaseEmailInput, title: string): BodyParts {
  const who = input.actorName ? oneLine(input.actorName) : 'Someone';
  const note = input.internal ? ' (internal note, engineers only)' : '';
  switch (input.kind) {
    case 'created':
      return { said: `We received your case ${title}.`, next: `A support engineer will look at it and answer in the case's feed; you will get an email when they do.`, link: 'Follow the case here:' };
    case 'answered':
      return { said: `Your support engineer answered case ${title}.`, next: `Read the answer. If the problem remains, reply in the case's feed; if it is solved, close the case.` };
    case 'waiting':
      return { said: `Case ${title} is waiting for your attention: your support engineer needs more information from you to continue.`, link: `Reply in the case's feed:` };
    case 'closed':
      return input.side === 'customer'
        ? { said: `Case ${title} was closed.`, next: `If the problem comes back within ${input.reopenWindowDays} days, you can ask to reopen it from the case page; after that, open a new case that refers to it.` }
        : { said: `Case ${title} was closed by ${who}.` };
    case 'mention':
      return { said: `${who} mentioned you on case ${title}${note}:\n\n${quotePost(input.text)}` };
    case 'post':
      return { said: `${who} wrote on case ${title}:\n\n${quotePost(input.text)}`, link: 'Reply on the case page:' };
    case 'reopened':
      return { said: `${who} asked to reopen case ${title}. It is back in ${caseStatusLabel('researching', 'en')}.\n\nReason:\n${quotePost(input.text)}` };
  }
}

function koreanParts(input: CaseEmailInput, title: string): BodyParts {
  // `님` ends in a consonant: the subject particle is 이.
  const who = input.actorName ? `${oneLine(input.actorName)}님이` : '누군가가';
  const note = input.internal ? '(내부 메모, 엔지니어 전용)' : '';
  switch (input.kind) {
    case 'created':
      return { said: `케이스 ${title} 건이 접수되었습니다.`, next: '지원 엔지니어가 검토한 뒤 케이스 피드에 답변하며, 답변이 등록되면 이메일로 알려 드립니다.', link: '케이스 보기:' };
    case 'answered':
      return { said: `케이스 ${title}에 지원 엔지니어가 답변했습니다.`, next: '답변을 확인하고, 문제가 남아 있으면 케이스 피드에 회신하고 해결되었으면 케이스를 종료하세요.' };
    case 'waiting':
      return { said: `케이스 ${title} 건이 회원님의 조치를 기다리고 있습니다. 지원 엔지니어가 진행하려면 추가 정보가 필요합니다.`, link: '케이스 피드에 회신하세요:' };
    case 'closed':
      return input.side === 'customer'
        ? { said: `케이스 ${title} 건이 종료되었습니다.`, next: `${input.reopenWindowDays}일 이내에 문제가 다시 발생하면 케이스 페이지에서 다시 열기를 요청할 수 있습니다. 그 이후에는 이 케이스를 참조하는 새 케이스를 여세요.` }
        : { said: `${who} 케이스 ${title} 건을 종료했습니다.` };
    case 'mention':
      return { said: `${who} 케이스 ${title}에서 회원님을 언급했습니다${note}:\n\n${quotePost(input.text)}` };
    case 'post':
      return { said: `${who} 케이스 ${title}에 글을 남겼습니다:\n\n${quotePost(input.text)}`, link: '케이스 페이지에서 회신하세요:' };
    case 'reopened':
      return { said: `${who} 케이스 ${title}의 다시 열기를 요청했습니다. 케이스가 '${caseStatusLabel('researching', 'ko')}' 상태로 돌아갔습니다.\n\n사유:\n${quotePost(input.text)}` };
  }
}

/** The status a status mail announces, for the status line of a combined mail. */
const ANNOUNCED_STATUS: Partial<Record<CaseEmailKind, CaseStatus>> = { answered: 'answered', waiting: 'waiting_on_response', closed: 'closed' };

/** One change a combined mail tells of: its kind, who made it, and the post or reason. */
export interface CaseEmailChange {
  kind: CaseEmailKind;
  actorName: string | null;
  text?: string;
}

/**
 * One mail of several changes (posts and a status change made moments apart): each change's
 * statement in turn (a status change names the new status), then what to do next and the link of
 * the last one, which says where the case stands now. One change reads as its own mail.
 */
export function caseChangesEmail(setting: CaseEmailSetting, changes: readonly CaseEmailChange[]): MailMessage {
  const last = changes.at(-1);
  if (!last) throw new Error('a case mail tells of at least one change');
  const { to, locale, side, caseId, number, subject, url, preferencesUrl, reopenWindowDays, baseUrl } = setting;
  const input: CaseEmailSetting = { to, locale, side, caseId, number, subject, url, preferencesUrl, reopenWindowDays, baseUrl };
  const one = (change: CaseEmailChange): CaseEmailInput => ({ ...input, kind: change.kind, actorName: change.actorName, ...(change.text !== undefined ? { text: change.text } : {}) });
  if (changes.length === 1) return caseEmail(one(last));
  const korean = input.locale === 'ko';
  const title = titleOf(input);
  const partsOf = (change: CaseEmailChange) => (korean ? koreanParts : englishParts)(one(change), title);
  const said = changes.map((change) => {
    const status = ANNOUNCED_STATUS[change.kind];
    const statement = partsOf(change).said;
    if (!status) return statement;
    return `${statement}\n${korean ? '상태' : 'Status'}: ${caseStatusLabel(status, input.locale)}`;
  });
  const { next, link } = partsOf(last);
  return mailOf(input, bodyOf({ said: said.join('\n\n'), ...(next ? { next } : {}), ...(link ? { link } : {}) }, input.url), 'post');
}

/** The case as a mail names it: its number and subject, quoted as the language does. */
function titleOf(input: Pick<CaseEmailInput, 'locale' | 'number' | 'subject'>): string {
  const subject = oneLine(input.subject);
  // Curly quotes in English: a subject often holds straight ones ("buffer"), which would nest.
  return input.locale === 'ko' ? `${input.number} 「${subject}」` : `${input.number} “${subject}”`;
}

/** The mail around a body: subject line, greeting, the footer on why it came and choosing case emails, threading. */
function mailOf(input: CaseEmailSetting, body: string, kind: CaseEmailKind): MailMessage {
  const subject = oneLine(input.subject);
  const threading = caseThreading(input.caseId, input.baseUrl, kind);
  // A mention mail comes because of the mention, whether or not the person follows the case.
  const mentioned = kind === 'mention';
  if (input.locale === 'ko') {
    return {
      to: input.to,
      subject: `[케이스 ${input.number}] ${subject}`,
      text: `안녕하세요.\n\n${body}\n\n--\n${mentioned ? '이 케이스에서 회원님이 언급되어 받는 메일입니다.' : '이 케이스를 구독 중이어서 받는 메일입니다.'} 받을 케이스 메일은 계정 페이지에서 선택할 수 있습니다:\n${input.preferencesUrl}\n`,
      ...threading,
    };
  }
  return {
    to: input.to,
    subject: `[Case ${input.number}] ${subject}`,
    text: `Hello,\n\n${body}\n\n--\n${mentioned ? 'You get this email because you were mentioned on this case.' : 'You get this email because you follow this case.'} Choose which case emails you get on your account page:\n${input.preferencesUrl}\n`,
    ...threading,
  };
}

/** One case email in the recipient's language, with its threading headers. */
export function caseEmail(input: CaseEmailInput): MailMessage {
  const parts = (input.locale === 'ko' ? koreanParts : englishParts)(input, titleOf(input));
  return mailOf(input, bodyOf(parts, input.url), input.kind);
}
