import type { Locale } from '../../../common/locale';
import { localizedMail, type MailMessage } from '../../platform/mail';

/** The two-step sign-in emails, in the recipient's language, under the service's name. */
type Template = (input: { to: string; code: string; minutes: number; locale: Locale; service: string }) => MailMessage;

/** The code that turns on email as a second step. */
export const emailEnrolmentCodeEmail: Template = ({ to, code, minutes, locale, service }) =>
  localizedMail(to, locale, service, {
    ko: {
      subject: `다단계 인증 설정 코드: ${code}`,
      text: `안녕하세요.\n\n이메일을 다단계 인증 방법으로 설정하려면 ${minutes}분 안에 아래 코드를 입력하세요.\n\n${code}\n\n요청한 적이 없다면 이 메일을 무시하고 비밀번호를 변경하세요.`,
    },
    en: {
      subject: `Your two-step setup code: ${code}`,
      text: `Hello,\n\nTo use email as your second sign-in step, enter this code within ${minutes} minutes:\n\n${code}\n\nIf you did not ask for this, ignore this email and change your password.`,
    },
  });

/** The code that completes a sign-in. */
export const signInCodeEmail: Template = ({ to, code, minutes, locale, service }) =>
  localizedMail(to, locale, service, {
    ko: {
      subject: `로그인 인증 코드: ${code}`,
      text: `안녕하세요.\n\n${service} 로그인을 완료하려면 ${minutes}분 안에 아래 코드를 입력하세요. 코드는 한 번만 사용할 수 있습니다.\n\n${code}\n\n로그인을 시도한 적이 없다면 누군가 비밀번호를 알고 있는 것입니다. 즉시 비밀번호를 변경하세요.`,
    },
    en: {
      subject: `Your sign-in code: ${code}`,
      text: `Hello,\n\nTo finish signing in to ${service}, enter this code within ${minutes} minutes. It works once.\n\n${code}\n\nIf you did not try to sign in, someone knows your password: change it now.`,
    },
  });
