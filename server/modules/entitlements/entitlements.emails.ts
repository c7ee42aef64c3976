import type { ContractState } from '../../../common/contracts';
import type { Locale } from '../../../common/locale';
import { localizedMail, oneLine, type MailMessage } from '../../platform/mail';

const STATE_LABELS: Record<ContractState, Record<Locale, string>> = {
  active: { en: 'in force', ko: '유효' },
  expiring: { en: 'ending soon', ko: '종료 예정' },
  grace: { en: 'in the 30-day grace period', ko: '유예 기간 중' },
  expired: { en: 'ended, grace period over', ko: '만료(유예 기간 종료)' },
  none: { en: 'no contract', ko: '계약 없음' },
};

export interface ContractReminderEmailInput {
  to: string;
  locale: Locale | null;
  organizationName: string;
  siteName: string;
  endsOn: string;
  daysLeft: number;
  products: readonly string[];
  /** Customers are pointed at Contact us; the account manager at the customer's page in the console. */
  audience: 'customer' | 'account_manager';
  url: string;
  /** The service's name (the vendor profile's). */
  service: string;
}

/** The 90-, 30- or 7-day reminder that a site's support contract ends. */
export function contractReminderEmail(input: ContractReminderEmailInput): MailMessage {
  const organization = oneLine(input.organizationName);
  const site = oneLine(input.siteName);
  const customer = input.audience === 'customer';
  const list = (none: string) => (input.products.length > 0 ? input.products.map((name) => `- ${oneLine(name)}`).join('\n') : `- ${none}`);
  return localizedMail(input.to, input.locale, input.service, {
    ko: {
      subject: `${site}의 지원 계약(SRP)이 ${input.daysLeft}일 후 종료됩니다`,
      text:
        `안녕하세요.\n\n${organization} 조직 ${site}의 지원 계약(SRP)이 ${input.endsOn}에 종료됩니다. 남은 기간은 ${input.daysLeft}일입니다.\n\n` +
        `계약 대상 제품:\n${list('라이선스 제품 없음')}\n\n` +
        `종료 후 30일의 유예 기간 동안에는 소프트웨어 다운로드와 케이스 등록을 계속할 수 있지만, 유예 기간이 지나면 이용할 수 없습니다.\n\n` +
        (customer ? `계약 갱신은 어카운트 매니저나 아래 문의하기 페이지로 요청하세요.\n\n${input.url}` : `담당 고객의 계약 정보:\n\n${input.url}`),
    },
    en: {
      subject: `The support contract of ${site} ends in ${input.daysLeft} days`,
      text:
        `Hello,\n\nThe support contract of the site ${site} (${organization}) ends on ${input.endsOn}, ${input.daysLeft} days from now.\n\n` +
        `Products it covers:\n${list('no licensed products')}\n\n` +
        `For 30 days after the end, a grace period keeps software downloads and case creation working; after that they stop.\n\n` +
        (customer ? `To renew, contact your account manager or use the Contact us page:\n\n${input.url}` : `The customer's contracts:\n\n${input.url}`),
    },
  });
}

export interface AccountManagerNoticeEmailInput {
  to: string;
  locale: Locale | null;
  organizationName: string;
  siteName: string;
  memberName: string;
  memberEmail: string;
  productName: string | null;
  contract: { endsOn: string; state: ContractState } | null;
  message: string | null;
  customerUrl: string;
  /** The service's name (the vendor profile's). */
  service: string;
}

/** A member's "notify my account manager" about a site's support contract. */
export function accountManagerNoticeEmail(input: AccountManagerNoticeEmailInput): MailMessage {
  const organization = oneLine(input.organizationName);
  const site = oneLine(input.siteName);
  const member = `${oneLine(input.memberName)} <${oneLine(input.memberEmail)}>`;
  const product = input.productName ? oneLine(input.productName) : null;
  const contractLine = (locale: Locale) =>
    input.contract ? `${input.contract.endsOn} (${STATE_LABELS[input.contract.state][locale]})` : STATE_LABELS.none[locale];
  const message = input.message ? input.message.replace(/[^\P{Cc}\t\n\r]/gu, '') : null;
  return localizedMail(input.to, input.locale, input.service, {
    ko: {
      subject: `${organization} ${site}: 지원 계약 문의`,
      text:
        `안녕하세요.\n\n${member}님이 ${organization} 조직 ${site}의 지원 계약(SRP)에 대해 어카운트 매니저의 연락을 요청했습니다.\n\n` +
        (product ? `제품: ${product}\n` : '') +
        `계약 종료일: ${contractLine('ko')}\n` +
        (message ? `\n메시지:\n${message}\n` : '') +
        `\n고객 정보: ${input.customerUrl}`,
    },
    en: {
      subject: `${organization} ${site}: support contract request`,
      text:
        `Hello,\n\n${member} asks their account manager to get in touch about the support contract of the site ${site} (${organization}).\n\n` +
        (product ? `Product: ${product}\n` : '') +
        `Contract end: ${contractLine('en')}\n` +
        (message ? `\nMessage:\n${message}\n` : '') +
        `\nCustomer: ${input.customerUrl}`,
    },
  });
}
