import type { Locale } from '../../../common/locale';
import { localizedMail, type MailMessage } from '../../platform/mail';

/**
 * The account emails, in the recipient's language, under the service's name (`service`, the
 * vendor profile's). Links are absolute, built on the public address.
 */
type Template = (input: { to: string; name: string; link: string; locale: Locale; service: string }) => MailMessage;

export const verificationEmail: Template = ({ to, name, link, locale, service }) =>
  localizedMail(to, locale, service, {
    ko: { subject: '이메일 주소를 인증해 주세요', text: `${name}님, 안녕하세요.\n\n${service} 가입을 완료하려면 24시간 안에 아래 링크를 열어 이메일 주소를 인증해 주세요.\n\n${link}\n\n가입한 적이 없다면 이 메일을 무시하세요.` },
    en: { subject: 'Verify your email address', text: `Hello ${name},\n\nTo finish creating your ${service} account, open this link within 24 hours:\n\n${link}\n\nIf you did not sign up, ignore this email.` },
  });

export const alreadyRegisteredEmail: Template = ({ to, name, link, locale, service }) =>
  localizedMail(to, locale, service, {
    ko: {
      subject: '이미 가입된 이메일 주소입니다',
      text: `${name}님, 안녕하세요.\n\n누군가 이 이메일 주소로 ${service} 가입을 시도했습니다. 이미 계정이 있으므로 새 계정은 만들지 않았습니다.\n\n비밀번호가 기억나지 않으면 아래 링크에서 재설정하세요.\n\n${link}\n\n본인이 시도한 것이 아니라면 이 메일을 무시하세요.`,
    },
    en: {
      subject: 'You already have an account',
      text: `Hello ${name},\n\nSomeone tried to sign up for ${service} with this email address. You already have one, so nothing was created.\n\nIf you forgot your password, reset it here:\n\n${link}\n\nIf this wasn't you, ignore this email.`,
    },
  });

export const passwordResetEmail: Template = ({ to, name, link, locale, service }) =>
  localizedMail(to, locale, service, {
    ko: { subject: '비밀번호 재설정', text: `${name}님, 안녕하세요.\n\n아래 링크를 열어 1시간 안에 새 비밀번호를 설정하세요. 링크는 한 번만 사용할 수 있습니다.\n\n${link}\n\n요청한 적이 없다면 이 메일을 무시하세요. 비밀번호는 바뀌지 않습니다.` },
    en: { subject: 'Reset your password', text: `Hello ${name},\n\nOpen this link within 1 hour to choose a new password. It works once.\n\n${link}\n\nIf you did not ask for this, ignore this email; your password stays the same.` },
  });
