import { caseStatusLabel } from './cases';
import type { Locale } from './locale';

/**
 * Every error code the API can answer with, and its message in each language.
 * Codes are stable: clients and tests match on them, never on the message.
 */
export const ERROR_MESSAGES = {
  'internal': {
    en: 'Something went wrong on our side. Please try again; if it keeps happening, contact your administrator.',
    ko: '서버에서 문제가 발생했습니다. 다시 시도해 주세요. 계속되면 관리자에게 문의하세요.',
  },
  'not_found': {
    en: 'There is nothing at this address.',
    ko: '요청한 주소에 해당하는 항목이 없습니다.',
  },
  'validation.failed': {
    en: 'Some fields are not valid. Check the highlighted fields and try again.',
    ko: '입력값이 올바르지 않습니다. 표시된 항목을 확인한 뒤 다시 시도해 주세요.',
  },
  'request.malformed_json': {
    en: 'The request body is not valid JSON.',
    ko: '요청 본문이 올바른 JSON 형식이 아닙니다.',
  },
  'request.too_large': {
    en: 'The request body is too large.',
    ko: '요청 본문이 너무 큽니다.',
  },
  'request.header_too_large': {
    en: 'The request\'s address and headers are too long (16 KB at most together). Shorten the address and try again.',
    ko: '요청 주소와 헤더가 너무 깁니다(합쳐서 최대 16KB). 주소를 줄여 다시 시도해 주세요.',
  },
  'request.malformed': {
    en: 'The request could not be read. Check the address and try again.',
    ko: '요청을 읽을 수 없습니다. 주소를 확인한 뒤 다시 시도해 주세요.',
  },
  'request.timeout': {
    en: 'The request took too long to arrive. Try again.',
    ko: '요청이 제시간에 도착하지 않았습니다. 다시 시도해 주세요.',
  },
  'request.unsupported_media_type': {
    en: 'This content type is not supported here.',
    ko: '지원하지 않는 콘텐츠 형식입니다.',
  },
  'rate_limited': {
    en: 'Too many attempts. Wait a moment and try again.',
    ko: '시도 횟수가 너무 많습니다. 잠시 후 다시 시도해 주세요.',
  },
  'auth.unauthenticated': {
    en: 'Sign in to continue.',
    ko: '계속하려면 로그인하세요.',
  },
  'auth.invalid_credentials': {
    en: 'The email or password is not correct.',
    ko: '이메일 또는 비밀번호가 올바르지 않습니다.',
  },
  'auth.account_disabled': {
    en: 'This account is disabled. Contact your administrator.',
    ko: '사용이 중지된 계정입니다. 관리자에게 문의하세요.',
  },
  'auth.csrf_failed': {
    en: 'The request could not be verified. Reload the page and try again.',
    ko: '요청을 확인할 수 없습니다. 페이지를 새로 고친 뒤 다시 시도해 주세요.',
  },
  'auth.password_change_required': {
    en: 'Change your one-time password before you continue.',
    ko: '계속하려면 먼저 임시 비밀번호를 변경하세요.',
  },
  'auth.wrong_password': {
    en: 'The current password is not correct.',
    ko: '현재 비밀번호가 올바르지 않습니다.',
  },
  'auth.password_not_set': {
    en: 'You have no password yet: you sign in through single sign-on. Set one with the link we email you, then try again.',
    ko: '아직 비밀번호가 없습니다(통합 로그인으로 로그인함). 메일로 받은 링크로 비밀번호를 설정한 뒤 다시 시도해 주세요.',
  },
  // Params from the installation's policy: `minLength`, and `requires` (`lower,upper,digit,special`).
  'auth.weak_password': {
    en: 'The password needs at least {{minLength}} characters{{requires:passwordClasses}}',
    ko: '비밀번호는 {{minLength}}자 이상{{requires:passwordClasses}}',
  },
  'auth.same_password': {
    en: 'The new password must be different from the current one.',
    ko: '새 비밀번호는 현재 비밀번호와 달라야 합니다.',
  },
  'auth.forbidden': {
    en: 'You do not have permission to do this.',
    ko: '이 작업을 수행할 권한이 없습니다.',
  },
  'tokens.not_found': {
    en: 'This API token does not exist.',
    ko: '해당 API 토큰이 없습니다.',
  },
  'users.not_found': {
    en: 'There is no user with this email address.',
    ko: '해당 이메일 주소의 사용자가 없습니다.',
  },
  'users.email_taken': {
    en: 'A user with this email address already exists.',
    ko: '이 이메일 주소를 사용하는 사용자가 이미 있습니다.',
  },
  'service.shutting_down': {
    en: 'The server is restarting. Try again in a moment.',
    ko: '서버가 다시 시작하는 중입니다. 잠시 후 다시 시도해 주세요.',
  },
  'backup.target_not_empty': {
    en: 'The database to restore into already holds data. Restore into an empty data directory or database.',
    ko: '복원할 데이터베이스에 이미 데이터가 있습니다. 비어 있는 데이터 디렉터리나 데이터베이스에 복원하세요.',
  },
  'backup.invalid_file': {
    en: 'This file is not an Atrium backup, or it is damaged.',
    ko: 'Atrium 백업 파일이 아니거나 손상된 파일입니다.',
  },
  'backup.version_mismatch': {
    en: 'This backup was made by a newer version of Atrium. Upgrade Atrium before restoring it.',
    ko: '더 새로운 버전의 Atrium에서 만든 백업입니다. Atrium을 업그레이드한 뒤 복원하세요.',
  },
  'auth.locked': {
    en: "Too many failed attempts. Sign-in is locked for {{seconds}} seconds; try again after that.",
    ko: "로그인 실패 횟수를 초과했습니다. {{seconds}}초 동안 로그인할 수 없습니다. 잠시 후 다시 시도해 주세요.",
  },
  'auth.email_not_verified': {
    en: "Verify your email address first: open the link we sent you, or ask for a new one.",
    ko: "먼저 이메일 주소를 인증해 주세요. 보내 드린 링크를 열거나 인증 메일을 다시 요청하세요.",
  },
  'auth.ip_not_allowed': {
    en: "Sign-in from this network address is not allowed. Contact your administrator.",
    ko: "이 네트워크 주소에서는 로그인할 수 없습니다. 관리자에게 문의하세요.",
  },
  'auth.session_idle': {
    en: "You were signed out after a period of inactivity. Sign in again.",
    ko: "일정 시간 사용하지 않아 로그아웃되었습니다. 다시 로그인하세요.",
  },
  'auth.session_ended': {
    en: "Your session was ended from another device, or by a change of your password. Sign in again.",
    ko: "다른 기기에서 세션을 종료했거나 비밀번호가 바뀌어 로그아웃되었습니다. 다시 로그인하세요.",
  },
  'auth.mfa_enrollment_required': {
    en: "Your organization requires two-step sign-in. Set it up before you continue.",
    ko: "소속 조직에서 다단계 인증을 요구합니다. 계속하려면 먼저 설정하세요.",
  },
  'auth.mfa_invalid_code': {
    en: "The code is not correct, or it was already used.",
    ko: "인증 코드가 올바르지 않거나 이미 사용되었습니다.",
  },
  'auth.mfa_challenge_expired': {
    en: "This sign-in took too long. Start again with your email and password.",
    ko: "로그인 시간이 초과되었습니다. 이메일과 비밀번호로 다시 시작하세요.",
  },
  'auth.mfa_not_enrolled': {
    en: "This two-step method is not set up.",
    ko: "이 다단계 인증 방법이 설정되어 있지 않습니다.",
  },
  'auth.mfa_already_enrolled': {
    en: "This two-step method is already set up.",
    ko: "이 다단계 인증 방법은 이미 설정되어 있습니다.",
  },
  'auth.mfa_setup_not_started': {
    en: "Start the setup again: scan a new QR code.",
    ko: "설정을 다시 시작해 QR 코드를 새로 스캔하세요.",
  },
  'auth.mfa_required_by_organization': {
    en: "Your organization requires two-step sign-in, so you can't turn off your last method. Set up another one first.",
    ko: "소속 조직에서 다단계 인증을 요구하므로 마지막 인증 방법을 끌 수 없습니다. 다른 방법을 먼저 설정하세요.",
  },
  'auth.common_password': {
    en: "This password is too common. Choose one that is harder to guess.",
    ko: "너무 흔한 비밀번호입니다. 추측하기 어려운 비밀번호를 사용하세요.",
  },
  'auth.display_name_taken': {
    en: "This display name is taken. Choose another.",
    ko: "이미 사용 중인 표시 이름입니다. 다른 이름을 입력하세요.",
  },
  'auth.token_invalid': {
    en: "This link is not valid. Ask for a new one.",
    ko: "유효하지 않은 링크입니다. 새 링크를 요청하세요.",
  },
  'auth.token_expired': {
    en: "This link has expired. Ask for a new one.",
    ko: "만료된 링크입니다. 새 링크를 요청하세요.",
  },
  'auth.token_replaced': {
    en: "A newer link was sent to this address: use the one in the latest email, or ask for a new one.",
    ko: "이 주소로 더 최근의 링크가 발송되었습니다. 가장 최근 메일의 링크를 사용하거나 새 링크를 요청하세요.",
  },
  'auth.email_already_verified': {
    en: "This email address is already verified. Sign in to continue.",
    ko: "이미 인증된 이메일 주소입니다. 로그인해 계속하세요.",
  },
  'auth.token_used': {
    en: "This link was already used. Ask for a new one if you need it.",
    ko: "이미 사용된 링크입니다. 필요하면 새 링크를 요청하세요.",
  },
  'auth.sso_failed': {
    en: "Single sign-on did not complete. Try again or sign in with your password.",
    ko: "통합 로그인(SSO)을 완료하지 못했습니다. 다시 시도하거나 비밀번호로 로그인하세요.",
  },
  'auth.sso_email_not_allowed': {
    en: "Your email address is not allowed to sign in with this provider.",
    ko: "이 이메일 주소로는 이 인증 제공자를 통해 로그인할 수 없습니다.",
  },
  'auth.sso_email_not_verified': {
    en: "The identity provider has not verified your email address.",
    ko: "인증 제공자가 이메일 주소를 확인하지 않았습니다.",
  },
  'sso.provider_not_found': {
    en: "This sign-in provider does not exist or is turned off.",
    ko: "해당 인증 제공자가 없거나 사용 중지되었습니다.",
  },
  'sso.invalid_issuer': {
    en: "The issuer could not be reached, or it is not an OpenID Connect provider.",
    ko: "발급자(issuer)에 연결할 수 없거나 OpenID Connect 제공자가 아닙니다.",
  },
  'sessions.not_found': {
    en: "This session does not exist or has already ended.",
    ko: "해당 세션이 없거나 이미 종료되었습니다.",
  },
  'settings.would_lock_out': {
    en: "This list would shut you out: your address {{ip}} is not in it. Add it first.",
    ko: "현재 접속 주소({{ip}})가 목록에 없어 이 설정을 저장하면 로그인할 수 없게 됩니다. 먼저 현재 주소를 추가하세요.",
  },
  'settings.invalid_ip_rule': {
    en: "Enter an address (203.0.113.7), a block (10.0.0.0/8) or a wildcard (192.168.1.*).",
    ko: "주소(203.0.113.7), 대역(10.0.0.0/8) 또는 와일드카드(192.168.1.*) 형식으로 입력하세요.",
  },
  'organizations.not_found': {
    en: "This organization does not exist.",
    ko: "해당 조직이 없습니다.",
  },
  'organizations.archived': {
    en: "This organization is archived and read-only. A vendor administrator can restore it.",
    ko: "보관된 조직이라 읽기만 할 수 있습니다. 공급사 관리자가 복원할 수 있습니다.",
  },
  'organizations.not_archived': {
    en: "This organization is not archived.",
    ko: "보관된 조직이 아닙니다.",
  },
  'organizations.last_owner': {
    en: "An organization needs at least one owner. Make another member an owner first.",
    ko: "조직에는 소유자가 한 명 이상 있어야 합니다. 먼저 다른 구성원을 소유자로 지정하세요.",
  },
  'organizations.archive_confirmation': {
    en: "Type the organization's ID exactly and confirm that you understand, to archive it.",
    ko: "조직을 보관하려면 조직 ID를 정확히 입력하고 내용을 이해했음을 확인하세요.",
  },
  'sites.not_found': {
    en: "This site does not exist.",
    ko: "해당 사이트가 없습니다.",
  },
  'sites.has_contents': {
    en: "This site holds other things that would be deleted with it. Review the list and confirm.",
    ko: "이 사이트에는 함께 삭제될 항목이 있습니다. 목록을 확인한 뒤 삭제를 확정하세요.",
  },
  'sites.has_active_holdings': {
    en: "This site holds active licences or contracts and cannot be deleted.",
    ko: "활성 라이선스나 지원 계약이 있는 사이트는 삭제할 수 없습니다.",
  },
  'sites.invalid_parent': {
    en: "A site cannot be moved under itself or one of its own sub-sites.",
    ko: "사이트를 자기 자신이나 하위 사이트 아래로 옮길 수 없습니다.",
  },
  'members.not_found': {
    en: "This member does not exist.",
    ko: "해당 구성원이 없습니다.",
  },
  'members.already_member': {
    en: "This person is already a member of the organization.",
    ko: "이미 조직의 구성원입니다.",
  },
  'invitations.not_found': {
    en: "This invitation does not exist.",
    ko: "해당 초대가 없습니다.",
  },
  'invitations.expired': {
    en: "This invitation has expired. Ask for a new one.",
    ko: "초대가 만료되었습니다. 새 초대를 요청하세요.",
  },
  'invitations.revoked': {
    en: "This invitation was withdrawn.",
    ko: "취소된 초대입니다.",
  },
  'invitations.already_accepted': {
    en: "This invitation was already accepted.",
    ko: "이미 수락된 초대입니다.",
  },
  'invitations.role_not_allowed': {
    en: "Invitations carry the viewer role unless the organization allows others.",
    ko: "조직 설정에서 허용하지 않으면 조회 전용 역할로만 초대할 수 있습니다.",
  },
  'invitations.wrong_account': {
    en: "This invitation was sent to another email address. Sign in with that address to accept it.",
    ko: "다른 이메일 주소로 보낸 초대입니다. 해당 주소로 로그인한 뒤 수락하세요.",
  },
  'audit.invalid_range': {
    en: "Choose a start date that is not after the end date.",
    ko: "시작일이 종료일보다 늦을 수 없습니다.",
  },
  'audit.invalid_time_zone': {
    en: "This time zone is not known. Use a name such as Asia/Seoul.",
    ko: "알 수 없는 시간대입니다. Asia/Seoul 같은 이름을 사용하세요.",
  },
  'files.too_large': {
    en: "The file is larger than the limit of {{maxSize}}.",
    ko: "파일이 허용된 크기({{maxSize}})보다 큽니다.",
  },
  'files.invalid_name': {
    en: "The file name is not allowed. Use a plain name without folders or control characters.",
    ko: "사용할 수 없는 파일 이름입니다. 폴더나 제어 문자가 없는 이름을 사용하세요.",
  },
  'files.type_mismatch': {
    en: "The file's content does not match its declared type ({{declared}}).",
    ko: "파일 내용이 지정한 형식({{declared}})과 맞지 않습니다.",
  },
  'files.upload_incomplete': {
    en: "The upload ended before the whole file arrived. Nothing was stored; upload it again.",
    ko: "파일 전체가 도착하기 전에 업로드가 끊겼습니다. 저장된 것은 없으니 다시 업로드하세요.",
  },
  'files.gone': {
    en: "This file has been removed from the catalog.",
    ko: "카탈로그에서 삭제된 파일입니다.",
  },
  'files.range_not_satisfiable': {
    en: "The requested byte range is outside the file.",
    ko: "요청한 바이트 범위가 파일 크기를 벗어났습니다.",
  },
  'downloads.agreement_required': {
    en: "Accept the licence agreement of this product before downloading.",
    ko: "다운로드하려면 먼저 이 제품의 라이선스 계약에 동의하세요.",
  },
  'downloads.link_invalid': {
    en: "This download link is not valid. Start the download again from the portal.",
    ko: "유효하지 않은 다운로드 링크입니다. 포털에서 다시 다운로드하세요.",
  },
  'downloads.link_expired': {
    en: "This download link has expired. Start the download again from the portal.",
    ko: "다운로드 링크가 만료되었습니다. 포털에서 다시 다운로드하세요.",
  },
  'contract.expired': {
    en: "The support contract of this site ended more than 30 days ago. Ask your account manager to renew it.",
    ko: "이 사이트의 지원 계약(SRP)이 종료된 지 30일이 지났습니다. 어카운트 매니저에게 갱신을 요청하세요.",
  },
  'contract.none': {
    en: "No support contract covers this product at this site. Ask your account manager.",
    ko: "이 사이트에는 이 제품에 대한 지원 계약(SRP)이 없습니다. 어카운트 매니저에게 문의하세요.",
  },
  'contracts.invalid_dates': {
    en: "The end date must not be before the start date.",
    ko: "종료일은 시작일보다 빠를 수 없습니다.",
  },
  'contracts.site_contract_exists': {
    en: "This site already has a support contract. Renew or edit that one.",
    ko: "이 사이트에는 이미 지원 계약이 있습니다. 기존 계약을 갱신하거나 수정하세요.",
  },
  'contracts.wrong_site': {
    en: "The contract belongs to another site.",
    ko: "다른 사이트의 계약입니다.",
  },
  'entitlements.product_taken': {
    en: "This site is already licensed for this product. Change the quantity instead.",
    ko: "이 사이트에는 이미 이 제품의 라이선스가 있습니다. 수량을 변경하세요.",
  },
  'catalog.name_taken': {
    en: "Another product already has this name.",
    ko: "같은 이름의 제품이 이미 있습니다.",
  },
  'catalog.version_taken': {
    en: "This product already has a release with this version.",
    ko: "이 제품에는 같은 버전의 릴리스가 이미 있습니다.",
  },
  'catalog.in_use': {
    en: "This is still in use ({{what}}) and cannot be deleted.",
    ko: "아직 사용 중({{what}})이라 삭제할 수 없습니다.",
  },
  'catalog.release_not_published': {
    en: "This release is not published yet.",
    ko: "아직 게시되지 않은 릴리스입니다.",
  },
  'contracts.renewal_not_later': {
    en: "A renewal must end later than the current end date.",
    ko: "갱신 후 종료일은 현재 종료일보다 늦어야 합니다.",
  },
  'entitlements.product_not_found': {
    en: "This product is not in the catalog.",
    ko: "카탈로그에 없는 제품입니다.",
  },
  'products.not_found': {
    en: "This product is not licensed to this site.",
    ko: "이 사이트에 라이선스가 없는 제품입니다.",
  },
  'files.not_found': {
    en: "This file is not part of the product's published releases.",
    ko: "이 제품의 게시된 릴리스에 없는 파일입니다.",
  },
  'catalog.not_found': {
    en: "This is not in the catalog (it may have been deleted).",
    ko: "카탈로그에 없는 항목입니다(삭제되었을 수 있습니다).",
  },
  'catalog.release_published': {
    en: "A published release cannot be deleted. Remove its files instead.",
    ko: "게시된 릴리스는 삭제할 수 없습니다. 대신 파일을 삭제하세요.",
  },
  'catalog.wrong_product': {
    en: "The release belongs to another product.",
    ko: "다른 제품의 릴리스입니다.",
  },
  'files.empty': {
    en: "The file is empty. Choose a file with content.",
    ko: "빈 파일입니다. 내용이 있는 파일을 선택하세요.",
  },
  'cases.not_found': {
    en: "There is no such case, or you cannot see it.",
    ko: "해당 케이스가 없거나 볼 수 있는 권한이 없습니다.",
  },
  'cases.transition_not_allowed': {
    en: "A case cannot move from {{from:status}} to {{to:status}}.",
    ko: "케이스를 '{{from:status}}' 상태에서 '{{to:status}}' 상태로 바꿀 수 없습니다.",
  },
  'cases.transition_forbidden': {
    en: "You cannot move this case to {{to:status}}; your support engineer does that.",
    ko: "이 케이스를 '{{to:status}}' 상태로 바꿀 수 없습니다. 지원 엔지니어가 변경합니다.",
  },
  'cases.status_changed': {
    en: "The case changed while you were working on it. Reload it and try again.",
    ko: "작업하는 동안 케이스가 변경되었습니다. 새로 고친 뒤 다시 시도하세요.",
  },
  'cases.reopen_window_passed': {
    en: "This case was closed more than {{days}} days ago and cannot be reopened. Open a new case that references it.",
    ko: "종료된 지 {{days}}일이 지난 케이스는 다시 열 수 없습니다. 이 케이스를 참조하는 새 케이스를 여세요.",
  },
  'cases.not_closed': {
    en: "Only a closed case can be reopened. For an abandoned case, open a new case that references it.",
    ko: "종료된 케이스만 다시 열 수 있습니다. 중단된 케이스는 이 케이스를 참조하는 새 케이스를 여세요.",
  },
  'cases.closed': {
    en: "This case is closed. Ask to reopen it, or open a new case that references it.",
    ko: "종료된 케이스입니다. 다시 열기를 요청하거나, 이 케이스를 참조하는 새 케이스를 여세요.",
  },
  'cases.reopen_by_request': {
    en: "A closed case goes back to work through Request reopen, not a status change.",
    ko: "종료된 케이스는 상태 변경이 아니라 '다시 열기 요청'으로 다시 진행됩니다.",
  },
  'cases.site_not_allowed': {
    en: "You cannot open cases for this site.",
    ko: "이 사이트의 케이스를 열 수 없습니다.",
  },
  'cases.product_not_entitled': {
    en: "The product or version is not licensed to this site.",
    ko: "이 사이트에 라이선스된 제품 또는 버전이 아닙니다.",
  },
  'cases.related_case_not_found': {
    en: "The case to reference was not found in this organization.",
    ko: "참조할 케이스를 이 조직에서 찾을 수 없습니다.",
  },
  'cases.related_case_open': {
    en: "A new case can reference only a closed case; this one is still open. Post in it instead.",
    ko: "새 케이스는 종료된 케이스만 참조할 수 있습니다. 이 케이스는 아직 진행 중이니 해당 케이스에 글을 남기세요.",
  },
  'cases.legacy_number_taken': {
    en: "Another case already carries the old number {{legacyNumber}}.",
    ko: "이전 번호가 {{legacyNumber}}인 케이스가 이미 있습니다.",
  },
  'cases.mention_not_allowed': {
    en: "Someone you mentioned cannot be mentioned on this case: only the organization's members who can see it and its account team can (in an internal note, only the account team).",
    ko: "멘션한 사람 중 이 케이스에서 멘션할 수 없는 사람이 있습니다. 케이스를 볼 수 있는 조직 구성원과 계정 팀만 멘션할 수 있습니다(내부 메모에서는 계정 팀만).",
  },
  'cases.assignee_not_engineer': {
    en: "Cases can be assigned only to support engineers.",
    ko: "케이스는 지원 엔지니어에게만 배정할 수 있습니다.",
  },
  'cases.attachment_too_large': {
    en: "The attachment is larger than the limit of {{maxSize}}.",
    ko: "첨부 파일이 허용된 크기({{maxSize}})보다 큽니다.",
  },
  'cases.attachment_not_found': {
    en: "The attachment was not found on this case.",
    ko: "이 케이스에서 첨부 파일을 찾을 수 없습니다.",
  },
  'cases.attachment_in_use': {
    en: "The attachment already belongs to another post.",
    ko: "이미 다른 게시물에 첨부된 파일입니다.",
  },
  'cases.attachment_remove_forbidden': {
    en: "Only the person who attached this file can remove it, and only while the case is open. A support engineer can remove it at any time.",
    ko: "이 파일은 첨부한 본인만 케이스가 진행 중일 때 삭제할 수 있습니다. 지원 엔지니어는 언제든 삭제할 수 있습니다.",
  },
  'cases.attachment_removed': {
    en: "This file was removed from the case.",
    ko: "케이스에서 삭제된 파일입니다.",
  },
  'cases.link_target_not_found': {
    en: "The content to link was not found.",
    ko: "연결할 콘텐츠를 찾을 수 없습니다.",
  },
  'cases.link_exists': {
    en: "This content is already linked to the case.",
    ko: "이미 케이스에 연결된 콘텐츠입니다.",
  },
  'cases.link_not_found': {
    en: "This link is not on the case (it may have been removed).",
    ko: "케이스에 없는 연결입니다(삭제되었을 수 있습니다).",
  },
  'cases.post_not_found': {
    en: "The post was not found on this case, or it is not yours.",
    ko: "이 케이스에서 게시물을 찾을 수 없거나 본인이 작성한 게시물이 아닙니다.",
  },
  'cases.note_attachments_after_post': {
    en: "Files of an internal note are uploaded to the note once it is written, so that customers never see them.",
    ko: "내부 메모의 파일은 메모를 작성한 뒤 메모에 올립니다. 고객에게 보이지 않도록 하기 위해서입니다.",
  },
  'articles.not_found': {
    en: "There is no such article, or you cannot see it.",
    ko: "해당 기술 자료가 없거나 볼 수 있는 권한이 없습니다.",
  },
  'articles.translation_exists': {
    en: "The article already has a {{language}} translation.",
    ko: "이 기술 자료에는 이미 {{language}} 번역이 있습니다.",
  },
  'articles.translation_not_found': {
    en: "The article has no {{language}} translation.",
    ko: "이 기술 자료에는 {{language}} 번역이 없습니다.",
  },
  'articles.last_translation': {
    en: "An article keeps at least one language. Delete the article instead.",
    ko: "기술 자료에는 언어가 하나 이상 있어야 합니다. 대신 기술 자료를 삭제하세요.",
  },
  'articles.changed': {
    en: "Someone saved this article after you opened it. Reload to see their changes.",
    ko: "이 기술 자료를 연 뒤 다른 사람이 저장했습니다. 새로 고쳐 변경 내용을 확인하세요.",
  },
  'articles.case_not_closed': {
    en: "Only a closed case's resolution can become an article.",
    ko: "종료된 케이스의 해결 내용만 기술 자료로 만들 수 있습니다.",
  },
  'articles.case_without_resolution': {
    en: "The case has no resolution to publish. Write one when closing the case.",
    ko: "게시할 해결 내용이 없는 케이스입니다. 케이스를 종료할 때 해결 내용을 작성하세요.",
  },
  'articles.product_not_found': {
    en: "One of the products does not exist.",
    ko: "제품 중 하나가 존재하지 않습니다.",
  },
  'articles.attachment_too_large': {
    en: "The file is larger than {{max}}.",
    ko: "파일이 {{max}}보다 큽니다.",
  },
  'articles.attachment_not_found': {
    en: "There is no such attachment.",
    ko: "해당 첨부 파일이 없습니다.",
  },
  'articles.not_published': {
    en: "Publish a translation before verifying the article.",
    ko: "기술 자료를 검증하기 전에 번역 하나를 게시하세요.",
  },
  'search.not_found': {
    en: "There is no such result, or you cannot see it.",
    ko: "해당 결과가 없거나 볼 수 있는 권한이 없습니다.",
  },
} as const satisfies Record<string, Record<Locale, string>>;

export type ErrorCode = keyof typeof ERROR_MESSAGES;

/** How a typed placeholder shows its value: `{{to:status}}` names a case status by its label. */
const PARAM_FORMATS: Record<string, (value: string, locale: Locale) => string> = {
  status: (value, locale) => caseStatusLabel(value, locale),
  passwordClasses: (value, locale) => passwordClassesText(value.split(',').filter((name) => name in PASSWORD_CLASSES), locale),
};

/** The character classes a password policy may require, as the weak-password message names them. */
const PASSWORD_CLASSES: Record<string, Record<Locale, string>> = {
  lower: { en: 'a lower-case letter', ko: '영문 소문자' },
  upper: { en: 'an upper-case letter', ko: '대문자' },
  digit: { en: 'a digit', ko: '숫자' },
  special: { en: 'a special character', ko: '특수문자' },
};

/** The end of the weak-password message: the required classes, or none ("… at least 10 characters."). */
function passwordClassesText(names: string[], locale: Locale): string {
  const labels = names.map((name) => PASSWORD_CLASSES[name]![locale]);
  if (locale === 'ko') return labels.length === 0 ? '이어야 합니다.' : `이며 ${labels.join(', ')}를 각각 하나 이상 포함해야 합니다.`;
  if (labels.length === 0) return '.';
  const list = labels.length === 1 ? labels[0]! : `${labels.slice(0, -1).join(', ')} and ${labels.at(-1)!}`;
  return ` with ${list}.`;
}

/**
 * The message for an error code in the given language, with `{{name}}` filled from params and
 * `{{name:format}}` through its format, so that params stay codes (`closed`) for clients while
 * people read labels (`Closed`, `종료`).
 */
export function errorMessage(code: ErrorCode, locale: Locale, params?: Record<string, string | number>): string {
  const text: string = ERROR_MESSAGES[code][locale];
  if (!params) return text;
  return text.replace(/\{\{(\w+)(?::(\w+))?\}\}/g, (whole, name: string, format: string | undefined) => {
    if (!(name in params)) return whole;
    const value = String(params[name]);
    const formatOf = format === undefined ? undefined : PARAM_FORMATS[format];
    return formatOf ? formatOf(value, locale) : value;
  });
}

/** The error envelope every API error answers with. */
export interface ErrorEnvelope {
  error: { code: ErrorCode; message: string; details?: unknown };
}
