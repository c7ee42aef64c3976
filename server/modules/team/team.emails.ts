import type { Locale } from '../../../common/locale';
import type { CustomerRole } from '../../../common/permissions';
import type { MailMessage } from '../../platform/mail';

const ROLE_LABELS: Record<CustomerRole, Record<Locale, string>> = {
  owner: { en: 'Owner', ko: '소유자' },
  admin: { en: 'Admin', ko: '관리자' },
  super: { en: 'Super user', ko: '슈퍼 사용자' },
  support: { en: 'Support user', ko: '지원 담당자' },
  download: { en: 'Download user', ko: '다운로드 사용자' },
  operator: { en: 'Operator', ko: '운영자' },
  viewer: { en: 'Viewer', ko: '조회 전용' },
};

/** Names go into the subject line: no line breaks or other control characters (header injection). */
const oneLine = (text: string) => text.replace(/\p{Cc}+/gu, ' ').trim();

export interface InvitationEmailInput {
  to: string;
  inviterName: string;
  organizationName: string;
  role: CustomerRole;
  link: string;
  /** The recipient's language when they have an account; null sends Korean and English together. */
  locale: Locale | null;
}

const parts = ({ inviterName, organizationName, role, link }: InvitationEmailInput) => {
  const inviter = oneLine(inviterName);
  const organization = oneLine(organizationName);
  return {
    ko: {
      subject: `[Atrium] ${inviter}님이 ${organization} 조직에 초대했습니다`,
      text:
        `안녕하세요.\n\n${inviter}님이 Atrium의 ${organization} 조직에 ${ROLE_LABELS[role].ko} 역할로 초대했습니다.\n\n` +
        `아래 링크를 7일 안에 열어 초대를 수락하세요. Atrium 계정이 없다면 이 이메일 주소로 가입한 뒤 수락할 수 있습니다.\n\n${link}\n\n` +
        `초대받을 이유가 없다면 이 메일을 무시하세요.`,
    },
    en: {
      subject: `[Atrium] ${inviter} invited you to ${organization}`,
      text:
        `Hello,\n\n${inviter} invited you to join ${organization} on Atrium as ${ROLE_LABELS[role].en}.\n\n` +
        `Open this link within 7 days to accept. If you have no Atrium account yet, sign up with this email address first, then accept.\n\n${link}\n\n` +
        `If you were not expecting this, ignore this email.`,
    },
  };
};

/** The invitation to join an organization: in the recipient's language, or in both when it is unknown. */
export function invitationEmail(input: InvitationEmailInput): MailMessage {
  const { ko, en } = parts(input);
  if (input.locale === 'ko') return { to: input.to, ...ko };
  if (input.locale === 'en') return { to: input.to, ...en };
  return { to: input.to, subject: `${ko.subject} / ${en.subject.replace('[Atrium] ', '')}`, text: `${ko.text}\n\n----------------------------------------\n\n${en.text}` };
}
