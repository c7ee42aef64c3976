// The search evaluation queries (issue 7): what people type into the search box, in Korean,
// English and both, with particles and without, spaced either way, with typos in Latin words,
// with versions and error codes, plus the manual's own examples. Each names the articles that
// must be found by what they are about (topic, cause, product, version, language); the keys are
// resolved from the corpus, so the expected set is decided by content, never by what the engine
// returns. Where a query is answered by articles of several causes or topics, all are listed.
import type { CorpusArticle, CorpusLanguage } from './search-corpus';

/** Groups besides the script (ko, en, mixed), which is read from the query itself. */
export type QueryTag = 'particle' | 'spacing' | 'typo' | 'version' | 'code' | 'sentence' | 'manual';

export interface Expectation {
  topic: string;
  cause?: string;
  product?: string;
  /** Exact version, or with `versionPrefix` every version that starts with it ("2017" → 2017, 2017 R2). */
  version?: string;
  versionPrefix?: boolean;
  /** Defaults to the query's language (Korean when it has Hangul, else English); `any` for both. */
  language?: CorpusLanguage | 'any';
}

export interface EvalQuery {
  q: string;
  tags: QueryTag[];
  expect: Expectation[];
}

const PIS = 'PI Server';
const PIV = 'PI Vision';
const PII = 'PI Interfaces';
const AS = 'AnySupport';
const ACS = 'AXIS Camera Station';
const CAM = 'Axis Network Cameras';

const e = (topic: string, cause?: string, more: Omit<Expectation, 'topic' | 'cause'> = {}): Expectation => ({ topic, ...(cause ? { cause } : {}), ...more });
const q = (text: string, tags: QueryTag[], ...expect: Expectation[]): EvalQuery => ({ q: text, tags, expect });

export const SEARCH_QUERIES: EvalQuery[] = [
  // The manual's examples (seed 000, p. 34) and the issue's.
  q('roadmap', ['manual'], e('roadmap')),
  q('korean 2017', ['manual', 'version'], e('korean-language', undefined, { version: '2017', versionPrefix: true })),
  q('download', ['manual'], e('download')),
  q('customer portal', ['manual'], e('customer-portal')),
  q('PI Server 라이선스 활성화', ['manual'], e('license-activation', undefined, { product: PIS })),

  // Licences.
  q('라이선스 활성화 하드웨어 교체', [], e('license-activation', 'hardware-change')),
  q('메인보드 교체 후 라이선스를 다시 활성화', ['particle'], e('license-activation', 'hardware-change')),
  q('license activation hardware replacement', [], e('license-activation', 'hardware-change')),
  q('licnese activation', ['typo'], e('license-activation')),
  q('AnySupport 라이선스 만료', [], e('license-activation', 'expired', { product: AS })),
  q('license file expired PI Vision', [], e('license-activation', 'expired', { product: PIV })),
  q('오프라인 활성화 방법', [], e('license-activation', 'offline')),
  q('offline activation no internet', [], e('license-activation', 'offline')),
  q('라이선스 파일이 다른 서버용', ['particle'], e('license-activation', 'wrong-host')),
  q('PI Server 2018 SP3 라이선스', ['version'], e('license-activation', undefined, { product: PIS, version: '2018 SP3' }), e('point-creation', 'point-limit', { product: PIS, version: '2018 SP3' })),
  q('머신 서명', [], e('license-activation', 'hardware-change')),
  q('machine signature changed', [], e('license-activation', 'hardware-change')),
  q('라이선스파일 재발급', ['spacing'], e('license-activation', 'hardware-change')),
  q('라이선스를 활성화할 수 없습니다', ['particle', 'sentence'], e('license-activation')),
  q('PI Server 라이선스 활성화 오류', [], e('license-activation', undefined, { product: PIS })),

  // PI Data Archive.
  q('아카이브 파일 손상', [], e('archive-corrupt')),
  q('아카이브가 깨졌어요', ['particle', 'sentence'], e('archive-corrupt')),
  q('archive corrupted after power failure', [], e('archive-corrupt', 'power-loss')),
  q('archvie file corrupt', ['typo'], e('archive-corrupt')),
  q('정전 후 아카이브', [], e('archive-corrupt', 'power-loss')),
  q('-10722', ['code'], e('archive-corrupt', 'disk-full', { language: 'any' }), e('archive-corrupt', 'power-loss', { language: 'any' })),
  q('백신 때문에 아카이브 파일 잠김', [], e('archive-corrupt', 'antivirus')),
  q('antivirus exclusion archive', [], e('archive-corrupt', 'antivirus')),
  q('2018 SP3 아카이브 손상', ['version'], e('archive-corrupt', undefined, { product: PIS, version: '2018 SP3' })),
  q('데이터아카이브 오프라인 점검', ['spacing'], e('archive-corrupt', 'disk-full')),
  q('이벤트 큐가 가득 참', ['particle'], e('event-queue')),
  q('event queue full', [], e('event-queue')),
  q('자동 아카이브 생성', [], e('event-queue', 'no-archive')),
  q('backfill out of order events', [], e('event-queue', 'out-of-order')),
  q('아카이브가 가득 찼습니다', ['particle', 'sentence'], e('event-queue', 'no-archive'), e('archive-corrupt', 'disk-full')),
  q('CPU 사용률 높음', [], e('high-cpu')),
  q('-11091', ['code'], e('high-cpu', 'large-queries', { language: 'any' })),
  q('태그 생성 실패 포인트 수 초과', [], e('point-creation', 'point-limit')),
  q('point already exists', [], e('point-creation', 'duplicate')),

  // Interfaces, buffering, time.
  q('버퍼 데이터 전송 안됨', [], e('buffering')),
  q('PI Buffer Subsystem 5450 포트', [], e('buffering', 'firewall')),
  q('buffering stalls firewall', [], e('buffering', 'firewall')),
  q('-10401', ['code'], e('buffering', 'security-mapping', { language: 'any' })),
  q('보안 매핑', [], e('buffering', 'security-mapping')),
  q('보안매핑', ['spacing'], e('buffering', 'security-mapping')),
  q('buffer queue full network outage', [], e('buffering', 'queue-full')),
  q('bufer queue full', ['typo'], e('buffering', 'queue-full')),
  q('PI Interfaces 3.4.380 버퍼', ['version'], e('buffering', undefined, { product: PII, version: '3.4.380' })),
  q('OPC 연결 끊김', [], e('opc-connection')),
  q('DCOM 권한', [], e('opc-connection', 'dcom')),
  q('opc da connection lost after windows update', [], e('opc-connection', 'windows-update')),
  q('KB5004442', ['code'], e('opc-connection', 'windows-update', { language: 'any' })),
  q('OPC 서버 재시작 후 재연결', [], e('opc-connection', 'server-restart')),
  q('인터페이스가 OPC 서버에 연결되지 않음', ['particle', 'sentence'], e('opc-connection')),
  q('Modbus 타임아웃', [], e('modbus-timeout')),
  q('modbus timeout unit id', [], e('modbus-timeout', 'unit-id')),
  q('modbus timout', ['typo'], e('modbus-timeout')),
  q('modbsu timeout', ['typo'], e('modbus-timeout')),
  q('폴링 주기', [], e('modbus-timeout', 'polling')),
  q('태그 값이 갱신되지 않아요', ['particle', 'sentence'], e('stale-data'), e('modbus-timeout')),
  q('point source mismatch', [], e('stale-data', 'point-source')),
  q('트렌드가 평평하게', ['particle'], e('stale-data', 'exception')),
  q('compression deviation', [], e('stale-data', 'exception')),
  q('interface node clock ahead future values', [], e('stale-data', 'future-data')),
  q('시간 동기화 오류', [], e('time-sync')),
  q('시간동기화', ['spacing'], e('time-sync')),
  q('NTP 서버 접속 안됨', [], e('time-sync', 'ntp-unreachable')),
  q('9시간 차이', [], e('time-sync', 'timezone')),
  q('timestamps off by 9 hours time zone', [], e('time-sync', 'timezone')),

  // PI AF and PI Vision.
  q('AF 서버 연결 실패', [], e('af-connection')),
  q('PIFD 데이터베이스', [], e('af-connection', 'sql-down')),
  q('SPN kerberos AF server', [], e('af-connection', 'kerberos')),
  q('kerbros spn', ['typo'], e('af-connection', 'kerberos'), e('vision-sign-in', 'delegation')),
  q('5457 port', ['code'], e('af-connection', 'port', { language: 'any' })),
  q('PI Vision 디스플레이 느림', [], e('display-slow')),
  q('PI Vision 화면 로딩이 느려요', ['particle', 'sentence'], e('display-slow')),
  q('pi vision slow display', [], e('display-slow')),
  q('PI Vison display slow', ['typo'], e('display-slow')),
  q('PI Visoin display slow', ['typo'], e('display-slow')),
  q('app pool recycle', [], e('display-slow', 'app-pool')),
  q('심볼이 너무 많아', ['particle'], e('display-slow', 'too-many-symbols')),
  q('PI Vision 로그인 안됨 401', ['code'], e('vision-sign-in')),
  q('kerberos delegation double hop', [], e('vision-sign-in', 'delegation')),
  q('로그인 창이 계속 뜸', ['particle'], e('vision-sign-in', 'intranet-zone')),
  q('PI Vision 2023 Patch 1 로그인', ['version'], e('vision-sign-in', undefined, { product: PIV, version: '2023 Patch 1' })),
  q('PI Vision 빈 화면', [], e('blank-display')),
  q('TLS 1.0 disabled blank display', ['version'], e('blank-display', 'tls')),
  q('AF 요소 이름 변경 후 데이터 없음', [], e('blank-display', 'broken-references')),
  q('DataLink 탭이 안 보임', ['particle'], e('datalink', 'addin-missing')),
  q('pi datalink excel slow', [], e('datalink', 'slow-recalc')),
  q('분석 백필', [], e('analytics', 'backfill')),
  q('analysis skipped evaluations', [], e('analytics', 'skipped')),

  // Installing, upgrading, certificates, backups, Korean.
  q('설치 실패 .NET Framework 4.8', ['version'], e('install-fails', 'dotnet')),
  q('설치 오류 1603', ['code'], e('install-fails', 'korean-path')),
  q('error 1603', ['code'], e('install-fails', 'korean-path', { language: 'any' })),
  q('한글 경로 설치', [], e('install-fails', 'korean-path')),
  q('installation fails korean characters path', [], e('install-fails', 'korean-path')),
  q('관리자 권한 설치 실패', [], e('install-fails', 'admin-rights')),
  q('AXIS Camera Station 설치 실패', [], e('install-fails', undefined, { product: ACS })),
  q('업그레이드 경로', [], e('upgrade-fails', 'unsupported-path'), e('firmware-upgrade', 'intermediate')),
  q('PI Server 2017 업그레이드 실패', ['version'], e('upgrade-fails', undefined, { product: PIS, version: '2017' })),
  q('database upgrade failed', [], e('upgrade-fails', 'no-backup')),
  q('PI Server 2024 SP1 upgrade path', ['version'], e('upgrade-fails', 'unsupported-path', { product: PIS, version: '2024 SP1' })),
  q('인증서 만료', [], e('certificate', 'expired')),
  q('인증서가 만료되었습니다', ['particle', 'sentence'], e('certificate', 'expired')),
  q('certifcate expired', ['typo'], e('certificate', 'expired')),
  q('ERR_CERT_AUTHORITY_INVALID', ['code'], e('certificate', 'self-signed', { language: 'any' })),
  q('self signed certificate warning', [], e('certificate', 'self-signed')),
  q('자체서명 인증서', ['spacing'], e('certificate', 'self-signed')),
  q('중간 인증서 누락', [], e('certificate', 'chain')),
  q('인증서 갱신', [], e('certificate', 'expired'), e('certificate', 'chain')),
  q('인증서갱신', ['spacing'], e('certificate', 'expired'), e('certificate', 'chain')),
  q('백업 실패 VSS', [], e('backup', 'vss')),
  q('새 서버로 백업 복원', [], e('backup', 'restore-new-server')),
  q('restore backup to new server', [], e('backup', 'restore-new-server')),
  q('한글 깨짐', [], e('korean-language')),
  q('한국어 언어 팩', [], e('korean-language', 'language-pack')),
  q('한국어 언어팩', ['spacing'], e('korean-language', 'language-pack')),
  q('CSV 한글 깨짐', [], e('korean-language', 'encoding')),
  q('korean characters garbled csv excel', [], e('korean-language', 'encoding')),
  q('시스템 로캘', [], e('korean-language', 'system-locale')),

  // Downloads, plans, the portal.
  q('설치파일 다운로드', ['spacing'], e('download')),
  q('PI Vision 2022 설치 파일 다운로드', ['version'], e('download', undefined, { product: PIV, version: '2022' })),
  q('다운로드가 중간에 멈춤', ['particle'], e('download', 'interrupted')),
  q('checksum mismatch', [], e('download', 'checksum')),
  q('PI Server 로드맵', [], e('roadmap', 'plan', { product: PIS })),
  q('지원 종료 일정', [], e('roadmap', 'end-of-support')),
  q('end of support PI Vision 2017 R2', ['version'], e('roadmap', 'end-of-support', { product: PIV, version: '2017 R2' })),
  q('AnySupport v10 지원 종료', ['version'], e('roadmap', 'end-of-support', { product: AS, version: 'v10' })),
  q('고객 포털 비밀번호 재설정', [], e('customer-portal', 'password')),
  q('고객포털 회원가입', ['spacing'], e('customer-portal', 'register')),
  q('2단계 인증 설정', [], e('customer-portal', 'two-step')),
  q('how to open a support case', ['sentence'], e('customer-portal', 'open-case')),
  q('케이스 등록 방법', [], e('customer-portal', 'open-case')),
  q('시스템 요구 사항', [], e('deployment', 'requirements')),
  q('가상 머신 지원', [], e('deployment', 'virtualization')),
  q('VMware Hyper-V support', [], e('deployment', 'virtualization')),
  q('보안 취약점 패치', [], e('security-advisory', 'patch')),
  q('CVE patch PI Vision', [], e('security-advisory', 'patch', { product: PIV })),
  q('hardening guide', [], e('security-advisory', 'hardening')),

  // Remote support.
  q('원격지원 세션 끊김', ['spacing'], e('session-disconnect')),
  q('원격 지원 세션이 자꾸 끊겨요', ['particle', 'sentence'], e('session-disconnect')),
  q('AnySupport 세션 끊김 프록시', [], e('session-disconnect', 'proxy')),
  q('remote support session disconnects proxy', [], e('session-disconnect', 'proxy')),
  q('anysuport session disconnect', ['typo'], e('session-disconnect')),
  q('anysupport sesison disconnect', ['typo'], e('session-disconnect')),
  q('idle timeout session closed', [], e('session-disconnect', 'idle-timeout')),
  q('접속 번호 만료', [], e('connection-code', 'expired-code')),
  q('conection code expired', ['typo'], e('connection-code', 'expired-code')),
  q('상담원 오프라인', [], e('connection-code', 'agent-offline')),
  q('AnySupport v10.2 접속 번호', ['version'], e('connection-code', undefined, { product: AS, version: 'v10.2' })),
  q('원격 화면 검은색', [], e('black-screen')),
  q('black screen UAC', [], e('black-screen', 'uac')),
  q('v10 black screen', ['version'], e('black-screen', undefined, { product: AS, version: 'v10' })),
  q('AnySupport 파일 전송 실패', [], e('file-transfer')),
  q('파일전송 용량 제한', ['spacing'], e('file-transfer', 'size-limit')),
  q('안드로이드 접근성 권한', [], e('mobile-support', 'accessibility')),
  q('iphone remote control', [], e('mobile-support', 'ios-view-only')),
  q('상담원 좌석 초과', [], e('agent-seats', 'seats-exceeded')),
  q('agent seats in use', [], e('agent-seats', 'seats-exceeded')),
  q('세션 녹화 재생', [], e('session-recording')),

  // Cameras and the video management software.
  q('Axis 카메라 펌웨어 업그레이드 실패', [], e('firmware-upgrade')),
  q('펌웨어업그레이드 실패', ['spacing'], e('firmware-upgrade')),
  q('firmwrae upgrade failed', ['typo'], e('firmware-upgrade')),
  q('AXIS OS 11.8.64 펌웨어', ['version'], e('firmware-upgrade', undefined, { product: CAM, version: '11.8.64' })),
  q('카메라 오프라인', [], e('device-offline')),
  q('카메라가 오프라인으로 표시됨', ['particle'], e('device-offline')),
  q('IP 충돌', [], e('device-offline', 'ip-conflict')),
  q('PoE 재부팅', [], e('device-offline', 'poe')),
  q('camera keeps rebooting poe', [], e('device-offline', 'poe')),
  q('녹화 안됨 저장 공간', [], e('recording', 'storage-full')),
  q('녹화가 안 돼요', ['particle', 'sentence'], e('recording')),
  q('recoding storage full', ['typo'], e('recording', 'storage-full')),
  q('motion recording night', [], e('recording', 'motion')),
  q('AXIS Camera Station 5.57 녹화', ['version'], e('recording', undefined, { product: ACS, version: '5.57' })),
  q('실시간 영상 끊김 H.265', [], e('live-view', 'h265')),
  q('hardware decoding h.265', [], e('live-view', 'h265')),
  q('카메라 비밀번호 분실', [], e('camera-password-reset', 'factory-default')),
  q('factory default reset camera', [], e('camera-password-reset', 'factory-default')),
  q('AXIS Camera Station 클라이언트 서버 연결', [], e('client-connect')),
  q('55752 port', ['code'], e('client-connect', 'ports', { language: 'any' })),
  q('야간 노이즈', [], e('image-quality', 'night-noise')),
  q('초점 흐림', [], e('image-quality', 'focus')),
  q('알림 메일 안 옴', [], e('email-notification')),
  q('smtp 535 authentication', ['code'], e('email-notification', 'smtp-auth', { language: 'any' })),
  q('서비스 시작 안됨 1069', ['code'], e('service-start', 'password-expired')),
  q('service logon failure 1069', ['code'], e('service-start', 'password-expired')),
];

const HANGUL = /[\uac00-\ud7a3]/;
const LATIN = /[a-z]/i;

/** ko, en or mixed, read from the query. */
export function scriptOf(text: string): 'ko' | 'en' | 'mixed' {
  const hangul = HANGUL.test(text);
  const latin = LATIN.test(text);
  return hangul && latin ? 'mixed' : hangul ? 'ko' : 'en';
}

function matches(article: CorpusArticle, expectation: Expectation, queryLanguage: CorpusLanguage): boolean {
  if (article.topic !== expectation.topic) return false;
  if (expectation.cause && article.cause !== expectation.cause) return false;
  if (expectation.product && article.product !== expectation.product) return false;
  if (expectation.version) {
    const version = article.version ?? '';
    if (expectation.versionPrefix ? !(version === expectation.version || version.startsWith(`${expectation.version} `)) : version !== expectation.version) return false;
  }
  const language = expectation.language ?? queryLanguage;
  return language === 'any' || article.language === language;
}

/** The keys of the articles that must be found for a query: those its expectations describe. */
export function expectedKeys(query: EvalQuery, corpus: CorpusArticle[]): string[] {
  const language: CorpusLanguage = HANGUL.test(query.q) ? 'ko' : 'en';
  return corpus.filter((article) => query.expect.some((x) => matches(article, x, language))).map((a) => a.key);
}
