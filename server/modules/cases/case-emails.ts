import { randomBytes } from 'node:crypto';
import { caseStatusLabel, type CaseEmailKind, type CaseSide } from '../../../common/cases';
import type { Locale } from '../../../common/locale';
import type { MailMessage } from '../../platform/mail';

/**
 * The emails a case sends (myOSIsoft sends Created, Answered and Closed; Atrium adds mentions,
 * "waiting for your attention", posts by the other side and reopen requests), in Korean and in
 * English, threaded so that a mail client shows one conversation per case: the Created mail's
 * Message-ID is the case's root, and every later mail answers it.
 */

/** Text that goes into a subject line: no line breaks or other control characters (header injection). */
const oneLine = (text: string): string => text.replace(/\p{Cc}+/gu, ' ').trim();

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

/** The most of a post an email quotes. */
const QUOTE_LIMIT = 4000;
/** Quotes a text, cut at a character boundary (emoji stay whole). */
function quote(text: string | undefined): string {
  const chars = [...(text ?? '')];
  const cut = chars.length > QUOTE_LIMIT ? `${chars.slice(0, QUOTE_LIMIT).join('')}…` : chars.join('');
  return cut
    .split('\n')
    .map((line) => `> ${line}`)
    .join('\n');
}

function englishBody(input: CaseEmailInput, title: string): string {
  const who = input.actorName ? oneLine(input.actorName) : 'Someone';
  const note = input.internal ? ' (internal note, engineers only)' : '';
  switch (input.kind) {
    case 'created':
      return `We received your case ${title}.\n\nA support engineer will look at it and answer in the case's feed; you will get an email when they do.\n\nFollow the case here:\n${input.url}`;
    case 'answered':
      return `Your support engineer answered case ${title}.\n\nRead the answer. If the problem remains, reply in the case's feed; if it is solved, close the case.\n\n${input.url}`;
    case 'waiting':
      return `Case ${title} is waiting for your attention: your support engineer needs more information from you to continue.\n\nReply in the case's feed:\n${input.url}`;
    case 'closed':
      return input.side === 'customer'
        ? `Case ${title} was closed.\n\nIf the problem comes back within ${input.reopenWindowDays} days, you can ask to reopen it from the case page; after that, open a new case that refers to it.\n\n${input.url}`
        : `Case ${title} was closed by ${who}.\n\n${input.url}`;
    case 'mention':
      return `${who} mentioned you on case ${title}${note}:\n\n${quote(input.text)}\n\n${input.url}`;
    case 'post':
      return `${who} wrote on case ${title}:\n\n${quote(input.text)}\n\nReply on the case page:\n${input.url}`;
    case 'reopened':
      return `${who} asked to reopen case ${title}. It is back in ${caseStatusLabel('researching', 'en')}.\n\nReason:\n${quote(input.text)}\n\n${input.url}`;
  }
}

function koreanBody(input: CaseEmailInput, title: string): string {
  // `님` ends in a consonant: the subject particle is 이.
  const who = input.actorName ? `${oneLine(input.actorName)}님이` : '누군가가';
  const note = input.internal ? '(내부 메모, 엔지니어 전용)' : '';
  switch (input.kind) {
    case 'created':
      return `케이스 ${title}이(가) 접수되었습니다.\n\n지원 엔지니어가 검토한 뒤 케이스 피드에 답변하며, 답변이 등록되면 이메일로 알려 드립니다.\n\n케이스 보기:\n${input.url}`;
    case 'answered':
      return `케이스 ${title}에 지원 엔지니어가 답변했습니다.\n\n답변을 확인하고, 문제가 남아 있으면 케이스 피드에 회신하고 해결되었으면 케이스를 종료하세요.\n\n${input.url}`;
    case 'waiting':
      return `케이스 ${title}이(가) 회원님의 조치를 기다리고 있습니다. 지원 엔지니어가 진행하려면 추가 정보가 필요합니다.\n\n케이스 피드에 회신하세요:\n${input.url}`;
    case 'closed':
      return input.side === 'customer'
        ? `케이스 ${title}이(가) 종료되었습니다.\n\n${input.reopenWindowDays}일 이내에 문제가 다시 발생하면 케이스 페이지에서 다시 열기를 요청할 수 있습니다. 그 이후에는 이 케이스를 참조하는 새 케이스를 여세요.\n\n${input.url}`
        : `${who} 케이스 ${title}을(를) 종료했습니다.\n\n${input.url}`;
    case 'mention':
      return `${who} 케이스 ${title}에서 회원님을 언급했습니다${note}:\n\n${quote(input.text)}\n\n${input.url}`;
    case 'post':
      return `${who} 케이스 ${title}에 글을 남겼습니다:\n\n${quote(input.text)}\n\n케이스 페이지에서 회신하세요:\n${input.url}`;
    case 'reopened':
      return `${who} 케이스 ${title}의 다시 열기를 요청했습니다. 케이스가 '${caseStatusLabel('researching', 'ko')}' 상태로 돌아갔습니다.\n\n사유:\n${quote(input.text)}\n\n${input.url}`;
  }
}

/** One case email in the recipient's language, with its threading headers. */
export function caseEmail(input: CaseEmailInput): MailMessage {
  const subject = oneLine(input.subject);
  const threading = caseThreading(input.caseId, input.baseUrl, input.kind);
  if (input.locale === 'ko') {
    const body = koreanBody(input, `${input.number} 「${subject}」`);
    return {
      to: input.to,
      subject: `[케이스 ${input.number}] ${subject}`,
      text: `안녕하세요.\n\n${body}\n\n--\n이 케이스를 구독 중이어서 받는 메일입니다. 받을 케이스 메일은 계정 페이지에서 선택할 수 있습니다:\n${input.preferencesUrl}\n`,
      ...threading,
    };
  }
  const body = englishBody(input, `${input.number} "${subject}"`);
  return {
    to: input.to,
    subject: `[Case ${input.number}] ${subject}`,
    text: `Hello,\n\n${body}\n\n--\nYou get this email because you follow this case. Choose which case emails you get on your account page:\n${input.preferencesUrl}\n`,
    ...threading,
  };
}
