import type { Locale } from '../../../common/locale';
import type { CustomerRole } from '../../../common/permissions';
import { localizedMail, oneLine, type MailMessage } from '../../platform/mail';

const ROLE_LABELS: Record<CustomerRole, Record<Locale, string>> = {
  owner: { en: 'Owner', ko: '소유자' },
  admin: { en: 'Admin', ko: '관리자' },
  super: { en: 'Super user', ko: '슈퍼 사용자' },
  support: { en: 'Support user', ko: '지원 담당자' },
  download: { en: 'Download user', ko: '다운로드 사용자' },
  operator: { en: 'Operator', ko: '운영자' },
  viewer: { en: 'Viewer', ko: '조회 전용' },
};

export interface InvitationEmailInput {
  to: string;
  inviterName: string;
  organizationName: string;
  role: CustomerRole;
  link: string;
  /** The recipient's language when they have an account; null sends Korean and English together. */
  locale: Locale | null;
  /** The service's name (the vendor profile's). */
  service: string;
}

/** The invitation to join an organization: in the recipient's language, or in both when it is unknown. */
export function invitationEmail({ to, inviterName, organizationName, role, link, locale, service }: InvitationEmailInput): MailMessage {
  const inviter = oneLine(inviterName);
  const organization = oneLine(organizationName);
  return localizedMail(to, locale, service, {
    ko: {
      subject: `${inviter}님이 ${organization} 조직에 초대했습니다`,
      text:
        `안녕하세요.\n\n${inviter}님이 ${service}의 ${organization} 조직에 ${ROLE_LABELS[role].ko} 역할로 초대했습니다.\n\n` +
        `아래 링크를 7일 안에 열어 초대를 수락하세요. ${service} 계정이 없다면 이 이메일 주소로 가입한 뒤 수락할 수 있습니다.\n\n${link}\n\n` +
        `초대받을 이유가 없다면 이 메일을 무시하세요.`,
    },
    en: {
      subject: `${inviter} invited you to ${organization}`,
      text:
        `Hello,\n\n${inviter} invited you to join ${organization} on ${service} as ${ROLE_LABELS[role].en}.\n\n` +
        `Open this link within 7 days to accept. If you have no ${service} account yet, sign up with this email address first, then accept.\n\n${link}\n\n` +
        `If you were not expecting this, ignore this email.`,
    },
  });
}
