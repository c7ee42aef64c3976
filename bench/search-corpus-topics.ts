// The vocabulary of the search evaluation corpus (issue 7): the products and the support topics an
// industrial-software vendor's knowledge base holds, each topic with its causes and fixes in Korean
// and English. `search-corpus.ts` crosses them with products, versions and phrasings.
//
// Placeholders filled per article: {P} product name, {V} version, {C} component, {OS} the system,
// {CODE} the cause's error text. In Korean text `^` marks a compound that writers space either
// way (원격^지원 is "원격 지원" in some articles, "원격지원" in others).

export interface CorpusProduct {
  /** The catalog name (also the product tag). */
  name: string;
  /** How Korean text names it (Latin names stay Latin). */
  ko: string;
  versions: string[];
  component: string;
  /** Where it runs (or, for devices, the models), for the environment section. */
  systems: string[];
  /** Put before a version when it is written out ("AXIS OS 11.8.64"). */
  versionPrefix?: string;
  /** The systems are device models rather than operating systems. */
  devices?: boolean;
}

export const CORPUS_PRODUCTS: CorpusProduct[] = [
  { name: 'PI Server', ko: 'PI Server', versions: ['2015 R2', '2016 R2', '2017', '2017 R2', '2018 SP3', '2023', '2024 SP1'], component: 'PI Data Archive', systems: ['Windows Server 2012 R2', 'Windows Server 2016', 'Windows Server 2019', 'Windows Server 2022'] },
  { name: 'PI Vision', ko: 'PI Vision', versions: ['2017 R2', '2019', '2020', '2022', '2023 Patch 1'], component: 'PI Vision Web Server', systems: ['Windows Server 2016', 'Windows Server 2019', 'Windows Server 2022'] },
  { name: 'PI Interfaces', ko: 'PI Interfaces', versions: ['2.6.0', '2.7.1', '2.8.0', '3.4.380'], component: 'PI Interface for OPC DA', systems: ['Windows Server 2016', 'Windows Server 2019', 'Windows 10 IoT Enterprise'] },
  { name: 'AnySupport', ko: 'AnySupport', versions: ['v9.5', 'v10', 'v10.1', 'v10.2'], component: 'AnySupport Agent', systems: ['Windows 10', 'Windows 11', 'macOS 14', 'Windows Server 2019'] },
  { name: 'AXIS Camera Station', ko: 'AXIS Camera Station', versions: ['5.40', '5.45', '5.52', '5.57'], component: 'AXIS Camera Station Server', systems: ['Windows Server 2019', 'Windows Server 2022', 'Windows 11 Pro'] },
  { name: 'Axis Network Cameras', ko: 'Axis 네트워크 카메라', versions: ['9.80.47', '10.12.220', '11.8.64', '11.11.113'], component: 'AXIS OS', systems: ['AXIS P3265-LVE', 'AXIS M3106-L Mk II', 'AXIS Q6135-LE', 'AXIS P1468-LE'], versionPrefix: 'AXIS OS ', devices: true },
];

export interface CauseText {
  /** The title without product: a symptom with its cause ("License activation fails after a hardware replacement"). */
  title: string;
  /** Why it happens. */
  cause: string;
  /** What fixes it, in order. */
  steps: string[];
}

export interface CorpusCause {
  id: string;
  /** The situation, when this cause is not the topic's usual symptom (how-to articles). */
  symptom?: { en: string; ko: string };
  /** The error text the symptom shows, the same in both languages. */
  code?: string;
  en: CauseText;
  ko: CauseText;
}

export interface CorpusTopic {
  id: string;
  /** Product names it applies to; `null` for the customer portal itself (no product, no version). */
  products: (string | null)[];
  /** `problem`: something fails; `info`: how-to, plans, downloads. Decides the title patterns. */
  kind: 'problem' | 'info';
  /** The component per product when not the product's default. */
  components?: Record<string, string>;
  en: { symptom: string };
  ko: { symptom: string };
  causes: CorpusCause[];
}

const PI_ALL = ['PI Server', 'PI Vision', 'PI Interfaces'];
const ALL = ['PI Server', 'PI Vision', 'PI Interfaces', 'AnySupport', 'AXIS Camera Station', 'Axis Network Cameras'];

export const CORPUS_TOPICS: CorpusTopic[] = [
  {
    id: 'license-activation',
    kind: 'problem',
    products: ['PI Server', 'PI Vision', 'AnySupport', 'AXIS Camera Station'],
    en: { symptom: 'Activating the {P} {V} license on the server fails with the message "{CODE}".' },
    ko: { symptom: '{OS} 서버에서 {P} {V} 라이선스를 활성화하면 "{CODE}" 메시지가 나타나고 활성화가 되지 않습니다.' },
    causes: [
      {
        id: 'hardware-change',
        code: 'License file does not match this machine signature',
        en: { title: 'License activation fails after a hardware replacement', cause: 'The machine signature changed when the mainboard or network card of the server was replaced, so the existing license file no longer matches the machine.', steps: ['Create a new machine signature file with the license utility.', 'Request a reissued license file for the new signature in the customer portal.', 'Copy the new license file to the license folder and restart the service.'] },
        ko: { title: '하드웨어 교체 후 라이선스 활성화 실패', cause: '서버의 메인보드나 네트워크 카드를 교체하면서 머신 서명이 바뀌어 기존 라이선스 파일이 더 이상 장비와 맞지 않습니다.', steps: ['라이선스 유틸리티로 새 머신 서명 파일을 만듭니다.', '고객 포털에서 새 머신 서명으로 라이선스 파일 재발급을 요청합니다.', '발급받은 라이선스^파일을 라이선스 폴더에 복사하고 서비스를 다시 시작합니다.'] },
      },
      {
        id: 'expired',
        code: 'The license has expired',
        en: { title: 'License activation fails because the license file expired', cause: 'The subscription year ended and the license file installed on the server is past its expiry date.', steps: ['Check the expiry date on the licensing page of the customer portal.', 'Renew the subscription or ask your account manager for a temporary license.', 'Download the renewed license file and activate it again.'] },
        ko: { title: '라이선스 파일 만료로 인한 활성화 실패', cause: '구독 기간이 끝나 서버에 설치된 라이선스^파일의 유효 기간이 지났습니다.', steps: ['고객 포털의 라이선스 화면에서 만료일을 확인합니다.', '구독을 갱신하거나 담당 영업에게 임시 라이선스를 요청합니다.', '갱신된 라이선스 파일을 내려받아 다시 활성화합니다.'] },
      },
      {
        id: 'wrong-host',
        code: 'License file was issued for a different host',
        en: { title: 'License activation fails with a license file issued for another server', cause: 'The license file was generated for the test server, not for the production server it is being activated on.', steps: ['Open the license file and compare the host name with the server name.', 'Allocate the license to the right server in the license wallet.', 'Generate and download a new license file for that server.'] },
        ko: { title: '다른 서버용 라이선스 파일로 인한 활성화 실패', cause: '운영 서버가 아닌 테스트 서버의 정보로 라이선스^파일이 발급되었습니다.', steps: ['라이선스 파일을 열어 호스트 이름이 서버 이름과 같은지 확인합니다.', '라이선스 지갑에서 올바른 서버로 라이선스를 할당합니다.', '해당 서버용 라이선스 파일을 새로 생성해 내려받습니다.'] },
      },
      {
        id: 'offline',
        code: 'Unable to reach the activation server',
        en: { title: 'License activation fails on a server without internet access', cause: 'The server is on an isolated control network and cannot reach the online activation service.', steps: ['Choose offline activation in the license utility and save the request file.', 'Upload the request file from a PC with internet access in the customer portal.', 'Bring the response file back to the server and complete the offline activation.'] },
        ko: { title: '인터넷이 연결되지 않은 서버의 오프라인 라이선스 활성화', cause: '서버가 외부와 분리된 제어망에 있어 온라인 활성화 서버에 접속할 수 없습니다.', steps: ['라이선스 유틸리티에서 오프라인 활성화를 선택하고 요청 파일을 저장합니다.', '인터넷이 되는 PC에서 고객 포털에 요청 파일을 올립니다.', '응답 파일을 서버로 옮겨 오프라인 활성화를 마칩니다.'] },
      },
    ],
  },
  {
    id: 'archive-corrupt',
    kind: 'problem',
    products: ['PI Server'],
    en: { symptom: 'The {C} of {P} {V} reports a corrupted archive file and data for that period cannot be read: "{CODE}".' },
    ko: { symptom: '{P} {V}의 {C}에서 아카이브 파일이 손상되었다는 메시지("{CODE}")가 나오고 해당 기간의 데이터를 읽을 수 없습니다.' },
    causes: [
      {
        id: 'disk-full',
        code: '[-10722] Archive file is corrupt',
        en: { title: 'Archive file corrupted after the disk ran out of space', cause: 'The archive volume filled up during an archive shift, leaving the new archive file incomplete.', steps: ['Free disk space on the archive volume or move old archives to another disk.', 'Run the archive offline check (piarchss) against the damaged file.', 'Re-register the repaired archive file with the Data Archive.'] },
        ko: { title: '디스크 공간 부족으로 아카이브 파일 손상', cause: '아카이브 시프트 중에 아카이브 볼륨이 가득 차서 새 아카이브 파일이 불완전하게 만들어졌습니다.', steps: ['아카이브 볼륨의 디스크 공간을 확보하거나 오래된 아카이브를 다른 디스크로 옮깁니다.', '손상된 파일에 대해 오프라인 점검(piarchss)을 실행합니다.', '복구한 아카이브 파일을 데이터^아카이브에 다시 등록합니다.'] },
      },
      {
        id: 'power-loss',
        code: '[-10722] Archive file is corrupt',
        en: { title: 'Archive file corrupted after a power failure', cause: 'The server lost power while the archive was being written, so the archive index was not flushed to disk.', steps: ['Stop the archive subsystem and copy the damaged archive file aside.', 'Repair the file with the offline archive utility.', 'Install a UPS and set the server to shut down cleanly on power loss.'] },
        ko: { title: '정전 후 아카이브 파일 손상', cause: '아카이브를 기록하는 도중 서버 전원이 꺼져 아카이브 인덱스가 디스크에 기록되지 않았습니다.', steps: ['아카이브 서브시스템을 멈추고 손상된 아카이브 파일을 따로 복사해 둡니다.', '오프라인 아카이브 유틸리티로 파일을 복구합니다.', 'UPS를 설치하고 정전 시 서버가 정상 종료되도록 설정합니다.'] },
      },
      {
        id: 'antivirus',
        code: 'Access denied while opening archive file',
        en: { title: 'Archive file locked or damaged by antivirus scanning', cause: 'Real-time antivirus scanning opened the archive files while the Data Archive was writing to them.', steps: ['Exclude the archive and queue folders from real-time scanning.', 'Restart the archive subsystem.', 'Check the message log for further archive errors.'] },
        ko: { title: '백신 실시간 검사로 아카이브 파일이 잠기거나 손상되는 문제', cause: '데이터 아카이브가 기록하는 동안 백신 프로그램의 실시간 검사가 아카이브 파일을 열어 잠갔습니다.', steps: ['아카이브 폴더와 큐 폴더를 실시간 검사 대상에서 제외합니다.', '아카이브 서브시스템을 다시 시작합니다.', '메시지 로그에서 추가 아카이브 오류가 없는지 확인합니다.'] },
      },
    ],
  },
  {
    id: 'event-queue',
    kind: 'problem',
    products: ['PI Server'],
    en: { symptom: 'Data stops reaching the archive of {P} {V} and the message log warns "{CODE}".' },
    ko: { symptom: '{P} {V}의 아카이브에 데이터가 기록되지 않고 메시지 로그에 "{CODE}" 경고가 반복됩니다.' },
    causes: [
      {
        id: 'slow-disk',
        code: 'Event queue is full',
        en: { title: 'Event queue fills up because the archive disk is too slow', cause: 'Archive writes cannot keep up with incoming events on a slow or shared disk, so the event queue grows until it is full.', steps: ['Move the archives to a dedicated fast disk (SSD).', 'Increase the event queue size in the tuning parameters.', 'Watch the queue counters in Performance Monitor.'] },
        ko: { title: '느린 디스크로 인해 이벤트 큐가 가득 차는 문제', cause: '느리거나 다른 용도와 공유하는 디스크에서 아카이브 기록이 유입 이벤트를 따라가지 못해 이벤트 큐가 가득 찹니다.', steps: ['아카이브를 전용 고속 디스크(SSD)로 옮깁니다.', '튜닝 파라미터에서 이벤트 큐 크기를 늘립니다.', '성능 모니터에서 큐 카운터를 관찰합니다.'] },
      },
      {
        id: 'no-archive',
        code: 'No available archive for event',
        en: { title: 'Events are queued because automatic archive creation is turned off', cause: 'The last archive is full and automatic archive creation is disabled, so events have nowhere to go.', steps: ['Create a new archive file manually.', 'Turn on automatic archive creation in the archive settings.', 'Let the queued events drain into the new archive.'] },
        ko: { title: '자동 아카이브 생성이 꺼져 이벤트가 큐에 쌓이는 문제', cause: '마지막 아카이브가 가득 찼는데 자동 아카이브 생성이 꺼져 있어 이벤트를 기록할 곳이 없습니다.', steps: ['새 아카이브 파일을 수동으로 만듭니다.', '아카이브 설정에서 자동 아카이브 생성을 켭니다.', '큐에 쌓인 이벤트가 새 아카이브로 옮겨지는지 확인합니다.'] },
      },
      {
        id: 'out-of-order',
        code: 'Out of order events are slowing down the archive',
        en: { title: 'Out-of-order data from a backfilling interface fills the event queue', cause: 'An interface backfills weeks of history at once; writing those out-of-order events into old archives is slow.', steps: ['Backfill in smaller time ranges.', 'Schedule backfills outside production hours.', 'Make sure the target archives are not read-only.'] },
        ko: { title: '인터페이스 백필 데이터로 이벤트 큐가 가득 차는 문제', cause: '인터페이스가 몇 주 분량의 과거 데이터를 한꺼번에 백필하면서 순서가 뒤바뀐 이벤트를 오래된 아카이브에 기록하느라 느려집니다.', steps: ['백필 기간을 짧게 나누어 진행합니다.', '생산 시간이 아닌 때에 백필을 예약합니다.', '대상 아카이브가 읽기 전용이 아닌지 확인합니다.'] },
      },
    ],
  },
  {
    id: 'buffering',
    kind: 'problem',
    products: ['PI Interfaces', 'PI Server'],
    components: { 'PI Interfaces': 'PI Buffer Subsystem', 'PI Server': 'PI Buffer Subsystem' },
    en: { symptom: 'The {C} on the interface node holds data and does not send it to {P} {V}; the buffer status shows "{CODE}".' },
    ko: { symptom: '인터페이스 노드의 {C}가 데이터를 쌓아 두기만 하고 {P} {V}로 보내지 않습니다. 버퍼 상태에 "{CODE}"가 표시됩니다.' },
    causes: [
      {
        id: 'security-mapping',
        code: '[-10401] No write access - secure object',
        en: { title: 'Buffered data is not sent because the interface node has no security mapping', cause: 'The Windows account of the buffer service has no mapping to an identity with write access on the Data Archive.', steps: ['Create a mapping for the service account to an identity with write access.', 'Restart the buffer subsystem.', 'Confirm that the buffer queue empties.'] },
        ko: { title: '보안 매핑이 없어 버퍼 데이터가 전송되지 않는 문제', cause: '버퍼 서비스의 윈도우 계정이 데이터 아카이브에 쓰기 권한이 있는 아이덴티티로 매핑되어 있지 않습니다.', steps: ['서비스 계정을 쓰기 권한이 있는 아이덴티티에 매핑합니다.', '버퍼 서브시스템을 다시 시작합니다.', '버퍼 큐가 비워지는지 확인합니다.'] },
      },
      {
        id: 'firewall',
        code: 'Server not reachable on port 5450',
        en: { title: 'Buffering stalls because the firewall blocks port 5450', cause: 'A firewall between the interface node and the server blocks TCP port 5450.', steps: ['Open TCP 5450 from the interface node to the server.', 'Test the connection with the connection manager.', 'Check that the buffer status changes to connected.'] },
        ko: { title: '방화벽이 5450 포트를 막아 버퍼링이 멈추는 문제', cause: '인터페이스 노드와 서버 사이의 방화벽이 TCP 5450 포트를 차단하고 있습니다.', steps: ['인터페이스 노드에서 서버로 가는 TCP 5450 포트를 엽니다.', '연결 관리자로 연결을 시험합니다.', '버퍼 상태가 연결됨으로 바뀌는지 확인합니다.'] },
      },
      {
        id: 'queue-full',
        code: 'Buffer queue file is full',
        en: { title: 'Buffer queue file full after a long network outage', cause: 'The network was down for days and the buffer queue reached its maximum size, so new data is being dropped.', steps: ['Increase the maximum buffer queue size.', 'Restore the network connection.', 'Wait for the queue to drain before restarting the interface.'] },
        ko: { title: '장시간 네트워크 장애 후 버퍼 큐 파일이 가득 차는 문제', cause: '네트워크가 며칠 동안 끊겨 버퍼 큐가 최대 크기에 도달했고 새 데이터가 버려지고 있습니다.', steps: ['버퍼 큐의 최대 크기를 늘립니다.', '네트워크 연결을 복구합니다.', '인터페이스를 다시 시작하기 전에 큐가 비워질 때까지 기다립니다.'] },
      },
    ],
  },
  {
    id: 'opc-connection',
    kind: 'problem',
    products: ['PI Interfaces'],
    en: { symptom: 'The {C} {V} loses its connection to the OPC server and tags go to "{CODE}".' },
    ko: { symptom: '{C} {V}가 OPC 서버와의 연결을 잃고 태그 값이 "{CODE}" 상태가 됩니다.' },
    causes: [
      {
        id: 'dcom',
        code: 'I/O Timeout',
        en: { title: 'OPC DA connection fails because of DCOM permissions', cause: 'The interface service account lacks DCOM launch and access permissions on the OPC server machine.', steps: ['Run dcomcnfg on the OPC server machine.', 'Grant the service account remote launch and remote access rights.', 'Restart the interface service.'] },
        ko: { title: 'DCOM 권한 때문에 OPC DA 연결이 실패하는 문제', cause: '인터페이스 서비스 계정에 OPC 서버 장비의 DCOM 실행 및 액세스 권한이 없습니다.', steps: ['OPC 서버 장비에서 dcomcnfg를 실행합니다.', '서비스 계정에 원격 실행과 원격 액세스 권한을 줍니다.', '인터페이스 서비스를 다시 시작합니다.'] },
      },
      {
        id: 'windows-update',
        code: 'Comm Fail',
        en: { title: 'OPC DA connection lost after the Windows DCOM hardening update', cause: 'The Windows DCOM hardening update (KB5004442) raised the required authentication level and the OPC server does not support it.', steps: ['Update the OPC server to a version that supports packet integrity.', 'Set the interface to connect with the higher authentication level.', 'Restart both services and check the tag status.'] },
        ko: { title: '윈도우 DCOM 보안 강화 업데이트 후 OPC DA 연결 끊김', cause: '윈도우 DCOM 보안 강화 업데이트(KB5004442)로 필요한 인증 수준이 높아졌는데 OPC 서버가 이를 지원하지 않습니다.', steps: ['패킷 무결성을 지원하는 버전으로 OPC 서버를 업데이트합니다.', '인터페이스가 높은 인증 수준으로 접속하도록 설정합니다.', '두 서비스를 다시 시작하고 태그 상태를 확인합니다.'] },
      },
      {
        id: 'server-restart',
        code: 'Comm Fail',
        en: { title: 'Interface does not reconnect after the OPC server restarts', cause: 'The OPC server was restarted and the interface keeps its old connection handle instead of reconnecting.', steps: ['Enable the reconnect option of the interface.', 'Set a watchdog tag so the interface detects a dead connection.', 'Restart the interface after the OPC server comes back.'] },
        ko: { title: 'OPC 서버 재시작 후 인터페이스가 다시 연결되지 않는 문제', cause: 'OPC 서버를 재시작했는데 인터페이스가 다시 연결하지 않고 예전 연결 핸들을 계속 사용합니다.', steps: ['인터페이스의 재연결 옵션을 켭니다.', '연결이 끊긴 것을 알 수 있도록 워치독 태그를 설정합니다.', 'OPC 서버가 다시 올라오면 인터페이스를 재시작합니다.'] },
      },
    ],
  },
  {
    id: 'modbus-timeout',
    kind: 'problem',
    products: ['PI Interfaces'],
    components: { 'PI Interfaces': 'PI Interface for Modbus Ethernet' },
    en: { symptom: 'The {C} {V} reports "{CODE}" for some devices and their tags stop updating.' },
    ko: { symptom: '{C} {V}에서 일부 장치에 대해 "{CODE}" 오류가 나고 해당 태그 값이 갱신되지 않습니다.' },
    causes: [
      {
        id: 'unit-id',
        code: 'Modbus exception 0x0B: gateway target failed to respond',
        en: { title: 'Modbus timeout caused by a wrong unit ID', cause: 'The tags address the device through a gateway with the wrong Modbus unit ID.', steps: ['Check the unit ID configured on the device or gateway.', 'Correct the unit ID in the instrument tag of the points.', 'Restart the interface and watch the device status tag.'] },
        ko: { title: '잘못된 유닛 ID로 인한 Modbus 타임아웃', cause: '게이트웨이를 거쳐 장치를 부르는 태그에 잘못된 Modbus 유닛 ID가 들어 있습니다.', steps: ['장치나 게이트웨이에 설정된 유닛 ID를 확인합니다.', '포인트의 인스트루먼트 태그에서 유닛 ID를 고칩니다.', '인터페이스를 다시 시작하고 장치 상태 태그를 확인합니다.'] },
      },
      {
        id: 'polling',
        code: 'Modbus response timeout',
        en: { title: 'Modbus timeouts when the polling rate is too fast', cause: 'Too many points are polled every second and the device cannot answer all requests in time.', steps: ['Group points into fewer, larger reads.', 'Slow the scan class down to 5 seconds or more.', 'Raise the response timeout of the interface.'] },
        ko: { title: '폴링 주기가 너무 짧아 발생하는 Modbus 타임아웃', cause: '너무 많은 포인트를 1초마다 폴링해서 장치가 모든 요청에 제때 응답하지 못합니다.', steps: ['포인트를 묶어 큰 단위로 적게 읽도록 설정합니다.', '스캔 클래스를 5초 이상으로 늘립니다.', '인터페이스의 응답 타임아웃을 늘립니다.'] },
      },
    ],
  },
  {
    id: 'stale-data',
    kind: 'problem',
    products: ['PI Interfaces', 'PI Server'],
    en: { symptom: 'Tag values in {P} {V} stop updating and show the same timestamp for hours, without an error in the interface log.' },
    ko: { symptom: '{P} {V}의 태그 값이 몇 시간째 같은 시간으로 멈춰 있고 인터페이스 로그에는 오류가 없습니다.' },
    causes: [
      {
        id: 'point-source',
        en: { title: 'Tags stop updating because the point source does not match the interface', cause: 'The points were created with a point source different from the one the interface is started with, so the interface never loads them.', steps: ['Compare the point source of the tags with the /ps parameter of the interface.', 'Correct the point source of the tags.', 'Restart the interface to load the points.'] },
        ko: { title: '포인트 소스가 인터페이스와 달라 태그 값이 갱신되지 않는 문제', cause: '인터페이스를 시작할 때 지정한 포인트 소스와 다른 포인트 소스로 포인트를 만들어 인터페이스가 포인트를 불러오지 않습니다.', steps: ['태그의 포인트 소스와 인터페이스의 /ps 파라미터를 비교합니다.', '태그의 포인트 소스를 고칩니다.', '인터페이스를 다시 시작해 포인트를 불러옵니다.'] },
      },
      {
        id: 'exception',
        en: { title: 'Flat trends caused by exception and compression settings', cause: 'Exception and compression deviations are set so wide that small changes of the value are never archived.', steps: ['Review the exception deviation (excdev) and compression deviation (compdev) of the tags.', 'Set them to a fraction of the instrument accuracy.', 'Compare the trend with the raw values on the interface node.'] },
        ko: { title: '예외 및 압축 설정으로 트렌드가 평평하게 보이는 문제', cause: '예외 편차와 압축 편차가 너무 크게 설정되어 값의 작은 변화가 아카이브에 저장되지 않습니다.', steps: ['태그의 예외 편차(excdev)와 압축 편차(compdev)를 검토합니다.', '계측기 정확도보다 작은 값으로 설정합니다.', '인터페이스 노드의 원시 값과 트렌드를 비교합니다.'] },
      },
      {
        id: 'future-data',
        en: { title: 'Values appear frozen because the interface node clock is ahead', cause: 'The interface node clock runs minutes ahead, so new values are timestamped in the future and hidden from current value displays.', steps: ['Synchronize the interface node with the domain time source.', 'Delete the future-dated values if needed.', 'Watch the snapshot time of the tags.'] },
        ko: { title: '인터페이스 노드 시계가 빨라 값이 멈춘 것처럼 보이는 문제', cause: '인터페이스 노드의 시계가 몇 분 빠르게 가서 새 값이 미래 시간으로 기록되어 현재 값 화면에 보이지 않습니다.', steps: ['인터페이스 노드를 도메인 시간 서버와 동기화합니다.', '필요하면 미래 시간으로 기록된 값을 지웁니다.', '태그의 스냅숏 시간을 확인합니다.'] },
      },
    ],
  },
  {
    id: 'time-sync',
    kind: 'problem',
    products: ['PI Server', 'PI Interfaces', 'Axis Network Cameras'],
    en: { symptom: 'The clock of {P} {V} drifts away from the plant time and events are recorded with the wrong time ("{CODE}").' },
    ko: { symptom: '{P} {V}의 시간이 현장 시간과 어긋나 이벤트가 잘못된 시간으로 기록됩니다("{CODE}").' },
    causes: [
      {
        id: 'ntp-unreachable',
        code: 'NTP server not reachable',
        en: { title: 'Time synchronization fails because the NTP server is unreachable', cause: 'The configured NTP server is outside the control network and UDP port 123 is blocked.', steps: ['Configure an NTP server inside the control network.', 'Allow UDP 123 between the device and the time server.', 'Check the time offset after the next synchronization.'] },
        ko: { title: 'NTP 서버에 접속할 수 없어 시간 동기화가 실패하는 문제', cause: '설정된 NTP 서버가 제어망 밖에 있고 UDP 123 포트가 막혀 있습니다.', steps: ['제어망 안의 NTP 서버를 설정합니다.', '장치와 시간 서버 사이의 UDP 123 포트를 허용합니다.', '다음 동기화 후 시간 차이를 확인합니다.'] },
      },
      {
        id: 'timezone',
        code: 'Time zone mismatch',
        en: { title: 'Timestamps shifted by hours because of a wrong time zone', cause: 'The device is set to UTC while the server expects Korea Standard Time (UTC+9), so every timestamp is nine hours off.', steps: ['Set the time zone of the device to Seoul (UTC+9).', 'Check that daylight saving time is off.', 'Correct the values recorded with the wrong offset.'] },
        ko: { title: '시간대 설정 오류로 시간이 몇 시간씩 밀리는 문제', cause: '장치는 UTC로, 서버는 한국 표준시(UTC+9)로 설정되어 모든 시간이 9시간씩 어긋납니다.', steps: ['장치의 시간대를 서울(UTC+9)로 설정합니다.', '일광 절약 시간이 꺼져 있는지 확인합니다.', '잘못된 시간으로 기록된 값을 바로잡습니다.'] },
      },
    ],
  },
  {
    id: 'af-connection',
    kind: 'problem',
    products: ['PI Server'],
    components: { 'PI Server': 'PI AF Server' },
    en: { symptom: 'PI System Explorer cannot connect to the {C} of {P} {V}: "{CODE}".' },
    ko: { symptom: 'PI System Explorer에서 {P} {V}의 {C}에 연결할 수 없습니다: "{CODE}".' },
    causes: [
      {
        id: 'sql-down',
        code: 'Cannot open database PIFD requested by the login',
        en: { title: 'AF Server connection fails because SQL Server is stopped', cause: 'The SQL Server instance that holds the PIFD database is stopped or the AF service account lost its login.', steps: ['Start the SQL Server service.', 'Check that the AF service account has a login with access to PIFD.', 'Restart the AF application service.'] },
        ko: { title: 'SQL Server 중지로 AF 서버 연결 실패', cause: 'PIFD 데이터베이스가 있는 SQL Server 인스턴스가 멈췄거나 AF 서비스 계정의 로그인이 없어졌습니다.', steps: ['SQL Server 서비스를 시작합니다.', 'AF 서비스 계정에 PIFD에 접근할 수 있는 로그인이 있는지 확인합니다.', 'AF 애플리케이션 서비스를 다시 시작합니다.'] },
      },
      {
        id: 'kerberos',
        code: 'The target principal name is incorrect',
        en: { title: 'AF Server connection fails with a Kerberos SPN error', cause: 'The service principal name of the AF service is missing or registered on the wrong account.', steps: ['List the SPNs with setspn -L for the service account.', 'Register the AFServer SPN on the account that runs the service.', 'Clear the Kerberos tickets on the client with klist purge.'] },
        ko: { title: 'Kerberos SPN 오류로 AF 서버 연결 실패', cause: 'AF 서비스의 서비스 사용자 이름(SPN)이 없거나 다른 계정에 등록되어 있습니다.', steps: ['setspn -L로 서비스 계정의 SPN을 확인합니다.', '서비스를 실행하는 계정에 AFServer SPN을 등록합니다.', '클라이언트에서 klist purge로 Kerberos 티켓을 지웁니다.'] },
      },
      {
        id: 'port',
        code: 'Could not connect to net.tcp://afserver:5457',
        en: { title: 'AF Server connection fails because port 5457 is closed', cause: 'The Windows firewall on the AF server blocks TCP 5457.', steps: ['Open TCP 5457 inbound on the AF server.', 'Test with Test-NetConnection from the client.', 'Reconnect in PI System Explorer.'] },
        ko: { title: '5457 포트가 닫혀 AF 서버 연결 실패', cause: 'AF 서버의 윈도우 방화벽이 TCP 5457 포트를 막고 있습니다.', steps: ['AF 서버에서 TCP 5457 인바운드 포트를 엽니다.', '클라이언트에서 Test-NetConnection으로 연결을 시험합니다.', 'PI System Explorer에서 다시 연결합니다.'] },
      },
    ],
  },
  {
    id: 'display-slow',
    kind: 'problem',
    products: ['PI Vision'],
    en: { symptom: 'Displays in {P} {V} take more than a minute to load and the browser shows "{CODE}".' },
    ko: { symptom: '{P} {V}에서 디스플레이를 여는 데 1분 넘게 걸리고 브라우저에 "{CODE}" 메시지가 나옵니다.' },
    causes: [
      {
        id: 'too-many-symbols',
        code: 'Loading data…',
        en: { title: 'Slow display loading with too many symbols on one display', cause: 'One display holds over a thousand symbols, each asking for data separately.', steps: ['Split the display into several smaller displays.', 'Use collections instead of copying symbols.', 'Measure the load time again with the browser developer tools.'] },
        ko: { title: '한 화면에 심볼이 너무 많아 디스플레이 로딩이 느린 문제', cause: '디스플레이 하나에 심볼이 천 개 넘게 있고 각 심볼이 따로 데이터를 요청합니다.', steps: ['디스플레이를 작은 화면 여러 개로 나눕니다.', '심볼을 복사하는 대신 컬렉션을 사용합니다.', '브라우저 개발자 도구로 로딩 시간을 다시 측정합니다.'] },
      },
      {
        id: 'time-range',
        code: 'Request timed out',
        en: { title: 'Displays load slowly when the trend time range is a year', cause: 'Trends on the display ask for a year of raw data, which the data archive has to read and send in full.', steps: ['Shorten the default time range of the display.', 'Use plot values or summaries for long time ranges.', 'Check the data archive load during display loading.'] },
        ko: { title: '트렌드 조회 기간이 1년이라 디스플레이 로딩이 느린 문제', cause: '디스플레이의 트렌드가 1년 치 원시 데이터를 요청해서 데이터 아카이브가 모두 읽어 보내야 합니다.', steps: ['디스플레이의 기본 조회 기간을 줄입니다.', '긴 기간에는 요약 값이나 플롯 값을 사용합니다.', '디스플레이 로딩 중 데이터 아카이브 부하를 확인합니다.'] },
      },
      {
        id: 'app-pool',
        code: 'Service Unavailable',
        en: { title: 'Slow displays caused by IIS application pool recycling', cause: 'The IIS application pool recycles every few hours and the first user afterwards waits for it to warm up.', steps: ['Turn off the periodic recycle of the PI Vision application pool.', 'Enable the always-running start mode.', 'Schedule the recycle outside working hours if one is required.'] },
        ko: { title: 'IIS 응용 프로그램 풀 재활용으로 디스플레이가 느려지는 문제', cause: 'IIS 응용 프로그램 풀이 몇 시간마다 재활용되어 그 뒤 처음 접속한 사용자가 준비될 때까지 기다립니다.', steps: ['PI Vision 응용 프로그램 풀의 주기적 재활용을 끕니다.', '시작 모드를 항상 실행으로 설정합니다.', '재활용이 필요하면 업무 시간 외로 예약합니다.'] },
      },
    ],
  },
  {
    id: 'vision-sign-in',
    kind: 'problem',
    products: ['PI Vision'],
    en: { symptom: 'Users cannot sign in to {P} {V}; the browser asks for credentials repeatedly and then shows "{CODE}".' },
    ko: { symptom: '{P} {V}에 로그인할 수 없습니다. 브라우저가 계속 자격 증명을 묻다가 "{CODE}" 오류를 보여 줍니다.' },
    causes: [
      {
        id: 'delegation',
        code: '401 Unauthorized',
        en: { title: 'PI Vision sign-in fails because Kerberos delegation is not configured', cause: 'The application pool account is not trusted for delegation to the data archive and AF server, so the double hop fails.', steps: ['Register the HTTP SPN for the web server on the application pool account.', 'Configure constrained delegation to the PI and AF services.', 'Restart IIS and sign in again.'] },
        ko: { title: 'Kerberos 위임이 설정되지 않아 PI Vision 로그인 실패', cause: '응용 프로그램 풀 계정이 데이터 아카이브와 AF 서버로 위임하도록 신뢰되지 않아 더블 홉 인증이 실패합니다.', steps: ['응용 프로그램 풀 계정에 웹 서버의 HTTP SPN을 등록합니다.', 'PI 및 AF 서비스로 제한된 위임을 설정합니다.', 'IIS를 다시 시작하고 다시 로그인합니다.'] },
      },
      {
        id: 'intranet-zone',
        code: '401.2 Unauthorized',
        en: { title: 'Repeated sign-in prompts because the site is not in the intranet zone', cause: 'The browser treats the PI Vision address as an internet site and does not send Windows credentials automatically.', steps: ['Add the PI Vision address to the local intranet zone by group policy.', 'Use the host name rather than the IP address.', 'Close all browser windows and open PI Vision again.'] },
        ko: { title: '인트라넷 영역에 없어 로그인 창이 반복되는 문제', cause: '브라우저가 PI Vision 주소를 인터넷 사이트로 인식해 윈도우 자격 증명을 자동으로 보내지 않습니다.', steps: ['그룹 정책으로 PI Vision 주소를 로컬 인트라넷 영역에 추가합니다.', 'IP 주소 대신 호스트 이름으로 접속합니다.', '브라우저 창을 모두 닫고 PI Vision을 다시 엽니다.'] },
      },
    ],
  },
  {
    id: 'blank-display',
    kind: 'problem',
    products: ['PI Vision'],
    en: { symptom: 'A {P} {V} display opens blank or symbols show "{CODE}" instead of values.' },
    ko: { symptom: '{P} {V} 디스플레이가 빈 화면으로 열리거나 심볼에 값 대신 "{CODE}"가 표시됩니다.' },
    causes: [
      {
        id: 'tls',
        code: 'Data not available',
        en: { title: 'Blank display after TLS 1.0 was disabled on the server', cause: 'TLS 1.0 and 1.1 were turned off and the web server cannot talk to the data archive with an older client library.', steps: ['Upgrade the PI AF Client on the web server.', 'Enable strong cryptography for .NET with the registry keys.', 'Restart IIS.'] },
        ko: { title: 'TLS 1.0 비활성화 후 디스플레이가 빈 화면으로 나오는 문제', cause: 'TLS 1.0과 1.1을 끈 뒤 웹 서버의 오래된 클라이언트 라이브러리가 데이터 아카이브와 통신하지 못합니다.', steps: ['웹 서버의 PI AF Client를 업그레이드합니다.', '레지스트리 키로 .NET의 강력한 암호화를 켭니다.', 'IIS를 다시 시작합니다.'] },
      },
      {
        id: 'broken-references',
        code: 'Data not available',
        en: { title: 'Symbols without data after AF elements were renamed', cause: 'The display refers to AF elements by path and the elements were renamed or moved.', steps: ['Open the display in edit mode and find the symbols without data.', 'Point the symbols to the renamed elements.', 'Use asset-relative displays to avoid fixed paths.'] },
        ko: { title: 'AF 요소 이름을 바꾼 뒤 심볼에 데이터가 나오지 않는 문제', cause: '디스플레이가 경로로 AF 요소를 참조하는데 요소 이름이 바뀌었거나 옮겨졌습니다.', steps: ['편집 모드로 디스플레이를 열어 데이터가 없는 심볼을 찾습니다.', '이름이 바뀐 요소로 심볼을 다시 연결합니다.', '고정 경로 대신 자산 기준 디스플레이를 사용합니다.'] },
      },
    ],
  },
  {
    id: 'install-fails',
    kind: 'problem',
    products: ALL.filter((p) => p !== 'Axis Network Cameras'),
    en: { symptom: 'The {P} {V} setup stops partway and rolls back with "{CODE}".' },
    ko: { symptom: '{P} {V} 설치 프로그램이 중간에 멈추고 "{CODE}" 메시지와 함께 롤백됩니다.' },
    causes: [
      {
        id: 'dotnet',
        code: 'Prerequisite check failed: .NET Framework 4.8',
        en: { title: 'Installation fails because .NET Framework 4.8 is missing', cause: 'The server does not have .NET Framework 4.8, which the setup requires, and the bundled installer cannot download it offline.', steps: ['Install .NET Framework 4.8 from the offline installer.', 'Restart the server.', 'Run the setup again as administrator.'] },
        ko: { title: '.NET Framework 4.8이 없어 설치가 실패하는 문제', cause: '설치 프로그램에 필요한 .NET Framework 4.8이 서버에 없고, 오프라인 환경이라 번들 설치 프로그램이 내려받지 못합니다.', steps: ['오프라인 설치 파일로 .NET Framework 4.8을 설치합니다.', '서버를 다시 시작합니다.', '관리자 권한으로 설치 프로그램을 다시 실행합니다.'] },
      },
      {
        id: 'admin-rights',
        code: 'Error 1925: You do not have sufficient privileges',
        en: { title: 'Installation fails without administrator rights', cause: 'The setup was started by a user without local administrator rights, so it cannot register services.', steps: ['Sign in with a local administrator account.', 'Right-click the setup and choose Run as administrator.', 'Check the installation log in the temp folder if it fails again.'] },
        ko: { title: '관리자 권한이 없어 설치가 실패하는 문제', cause: '로컬 관리자 권한이 없는 사용자가 설치 프로그램을 실행해서 서비스를 등록하지 못합니다.', steps: ['로컬 관리자 계정으로 로그인합니다.', '설치 파일을 마우스 오른쪽 버튼으로 눌러 관리자 권한으로 실행합니다.', '다시 실패하면 임시 폴더의 설치 로그를 확인합니다.'] },
      },
      {
        id: 'korean-path',
        code: 'Error 1603: Fatal error during installation',
        en: { title: 'Installation fails when the setup runs from a folder with Korean characters', cause: 'The installer was extracted to a folder whose path contains Korean characters, which one of the bundled tools cannot read.', steps: ['Copy the setup to a folder with an English path such as C:\\Install.', 'Run the setup from there.', 'Keep the installation path in English as well.'] },
        ko: { title: '한글 경로에서 실행하면 설치가 실패하는 문제', cause: '설치 파일을 한글이 들어간 경로의 폴더에 풀어서 실행했고, 번들 도구 중 하나가 한글 경로를 읽지 못합니다.', steps: ['설치 파일을 C:\\Install처럼 영문 경로의 폴더로 복사합니다.', '그 폴더에서 설치 프로그램을 실행합니다.', '설치 경로도 영문으로 지정합니다.'] },
      },
    ],
  },
  {
    id: 'upgrade-fails',
    kind: 'problem',
    products: ['PI Server', 'PI Vision', 'AXIS Camera Station', 'AnySupport'],
    en: { symptom: 'Upgrading to {P} {V} fails and the previous version no longer starts: "{CODE}".' },
    ko: { symptom: '{P} {V}로 업그레이드하다가 실패했고 이전 버전도 시작되지 않습니다: "{CODE}".' },
    causes: [
      {
        id: 'unsupported-path',
        code: 'Upgrade from this version is not supported',
        en: { title: 'Upgrade fails because the upgrade path is not supported', cause: 'A direct upgrade from a release several versions older is not supported; an intermediate version must be installed first.', steps: ['Check the supported upgrade paths in the release notes.', 'Install the intermediate version first.', 'Then upgrade to the target version.'] },
        ko: { title: '지원되지 않는 업그레이드 경로로 인한 업그레이드 실패', cause: '여러 버전 이전의 릴리스에서 바로 업그레이드하는 것은 지원되지 않으며 중간 버전을 먼저 설치해야 합니다.', steps: ['릴리스 노트에서 지원되는 업그레이드 경로를 확인합니다.', '중간 버전을 먼저 설치합니다.', '그다음 목표 버전으로 업그레이드합니다.'] },
      },
      {
        id: 'no-backup',
        code: 'Database schema upgrade failed',
        en: { title: 'Database upgrade fails during the product upgrade', cause: 'The database schema upgrade stopped halfway because the database was in use or the disk was full, and no backup was taken before.', steps: ['Restore the database backup taken before the upgrade.', 'Stop every service that uses the database.', 'Run the upgrade again after taking a fresh backup.'] },
        ko: { title: '업그레이드 중 데이터베이스 업그레이드 실패', cause: '데이터베이스를 사용하는 중이었거나 디스크가 가득 차서 스키마 업그레이드가 중간에 멈췄고, 사전 백업도 없었습니다.', steps: ['업그레이드 전에 받아 둔 데이터베이스 백업을 복원합니다.', '데이터베이스를 사용하는 모든 서비스를 멈춥니다.', '새로 백업을 받은 뒤 업그레이드를 다시 실행합니다.'] },
      },
    ],
  },
  {
    id: 'certificate',
    kind: 'problem',
    products: ['PI Vision', 'AnySupport', 'AXIS Camera Station', 'Axis Network Cameras'],
    en: { symptom: 'Browsers show a certificate warning for {P} {V} ("{CODE}") and some clients refuse to connect.' },
    ko: { symptom: '{P} {V}에 접속하면 브라우저에 인증서 경고("{CODE}")가 나오고 일부 클라이언트는 연결을 거부합니다.' },
    causes: [
      {
        id: 'expired',
        code: 'NET::ERR_CERT_DATE_INVALID',
        en: { title: 'Certificate expired and HTTPS connections are refused', cause: 'The server certificate passed its expiry date and nobody renewed it.', steps: ['Request a new certificate from your certificate authority.', 'Install it and bind it to the HTTPS port.', 'Set a reminder before the next expiry date.'] },
        ko: { title: '인증서 만료로 HTTPS 연결이 거부되는 문제', cause: '서버 인증서의 유효 기간이 지났는데 아무도 갱신하지 않았습니다.', steps: ['인증 기관에 새 인증서를 요청합니다.', '인증서를 설치하고 HTTPS 포트에 바인딩합니다.', '다음 만료일 전에 알림을 설정합니다.'] },
      },
      {
        id: 'self-signed',
        code: 'NET::ERR_CERT_AUTHORITY_INVALID',
        en: { title: 'Certificate warning because a self-signed certificate is used', cause: 'The product was installed with its default self-signed certificate, which browsers do not trust.', steps: ['Issue a certificate from the company certificate authority.', 'Replace the self-signed certificate with it.', 'Distribute the root certificate to the clients by group policy.'] },
        ko: { title: '자체 서명 인증서를 사용해 인증서 경고가 나오는 문제', cause: '설치할 때 만들어진 기본 자체 서명 인증서를 그대로 사용하고 있어 브라우저가 신뢰하지 않습니다.', steps: ['사내 인증 기관에서 인증서를 발급받습니다.', '자체 서명 인증서를 새 인증서로 교체합니다.', '그룹 정책으로 루트 인증서를 클라이언트에 배포합니다.'] },
      },
      {
        id: 'chain',
        code: 'Unable to verify the certificate chain',
        en: { title: 'Certificate chain incomplete after renewing the certificate', cause: 'The renewed certificate was installed without its intermediate certificate, so some clients cannot build the chain.', steps: ['Download the intermediate certificate from the certificate authority.', 'Install it in the intermediate certificate store of the server.', 'Check the chain with an SSL test tool.'] },
        ko: { title: '인증서^갱신 후 중간 인증서가 빠져 체인 오류가 나는 문제', cause: '갱신한 인증서를 중간 인증서 없이 설치해서 일부 클라이언트가 인증서 체인을 만들지 못합니다.', steps: ['인증 기관에서 중간 인증서를 내려받습니다.', '서버의 중간 인증 기관 저장소에 설치합니다.', 'SSL 점검 도구로 체인을 확인합니다.'] },
      },
    ],
  },
  {
    id: 'backup',
    kind: 'problem',
    products: ['PI Server', 'AXIS Camera Station'],
    en: { symptom: 'The scheduled backup of {P} {V} fails every night with "{CODE}".' },
    ko: { symptom: '{P} {V}의 예약 백업이 매일 밤 "{CODE}" 오류로 실패합니다.' },
    causes: [
      {
        id: 'vss',
        code: 'VSS writer failed',
        en: { title: 'Backup fails because the VSS writer is in a failed state', cause: 'The Volume Shadow Copy writer of the product is in a failed state after an earlier interrupted backup.', steps: ['Run vssadmin list writers to see the failed writer.', 'Restart the product service to reset the writer.', 'Run the backup again.'] },
        ko: { title: 'VSS 기록기 오류로 백업이 실패하는 문제', cause: '이전 백업이 중단된 뒤 제품의 볼륨 섀도 복사본(VSS) 기록기가 실패 상태로 남아 있습니다.', steps: ['vssadmin list writers로 실패한 기록기를 확인합니다.', '제품 서비스를 다시 시작해 기록기를 초기화합니다.', '백업을 다시 실행합니다.'] },
      },
      {
        id: 'restore-new-server',
        symptom: { en: 'The {P} {V} server is being replaced and the customer asks how to move the data with a backup.', ko: '{P} {V} 서버를 교체하면서 백업으로 데이터를 옮기는 방법을 문의했습니다.' },
        en: { title: 'How to restore a backup to a new server', cause: 'Moving to new hardware needs the backup restored with the same version and the server identity moved over.', steps: ['Install the same version on the new server.', 'Restore the backup with the services stopped.', 'Move the license and update the clients to the new server name.'] },
        ko: { title: '새 서버로 백업 복원하는 방법', cause: '새 하드웨어로 옮길 때는 같은 버전으로 백업을 복원하고 서버 식별 정보도 옮겨야 합니다.', steps: ['새 서버에 같은 버전을 설치합니다.', '서비스를 멈춘 상태에서 백업을 복원합니다.', '라이선스를 옮기고 클라이언트가 새 서버 이름을 쓰도록 바꿉니다.'] },
      },
    ],
  },
  {
    id: 'korean-language',
    kind: 'problem',
    products: ['PI Server', 'PI Vision', 'AXIS Camera Station', 'AnySupport'],
    en: { symptom: 'Korean text in {P} {V} is displayed as question marks or broken characters ("{CODE}").' },
    ko: { symptom: '{P} {V}에서 한글이 물음표나 깨진 글자("{CODE}")로 표시됩니다.' },
    causes: [
      {
        id: 'language-pack',
        code: '????',
        en: { title: 'Korean language pack not installed, menus stay in English', cause: 'The Korean language pack for this version is a separate download and was not installed, so menus and messages stay in English and Korean tag descriptions are not shown correctly.', steps: ['Download the Korean language pack for this version from the customer portal.', 'Install it on the server and on every client.', 'Choose Korean in the language settings and restart.'] },
        ko: { title: '한국어 언어 팩이 설치되지 않아 메뉴가 영어로 나오는 문제', cause: '이 버전의 한국어 언어 팩은 따로 내려받아야 하는데 설치하지 않아 메뉴와 메시지가 영어로 나오고 한글 태그 설명도 제대로 표시되지 않습니다.', steps: ['고객 포털에서 이 버전의 한국어 언어 팩을 내려받습니다.', '서버와 모든 클라이언트에 설치합니다.', '언어 설정에서 한국어를 고르고 다시 시작합니다.'] },
      },
      {
        id: 'encoding',
        code: 'ÇÑ±Û',
        en: { title: 'Korean characters garbled in exported CSV files', cause: 'The export writes CSV in UTF-8 without a byte order mark and Excel opens it as ANSI, breaking the Korean text.', steps: ['Choose UTF-8 with BOM in the export settings.', 'Or import the file in Excel with the UTF-8 encoding.', 'Check the Korean column names after the import.'] },
        ko: { title: 'CSV로 내보낸 파일에서 한글이 깨지는 문제', cause: '내보내기가 BOM 없는 UTF-8로 CSV를 저장해서 엑셀이 ANSI로 열고 한글이 깨집니다.', steps: ['내보내기 설정에서 BOM이 있는 UTF-8을 선택합니다.', '또는 엑셀에서 UTF-8 인코딩으로 파일을 가져옵니다.', '가져온 뒤 한글 열 이름을 확인합니다.'] },
      },
      {
        id: 'system-locale',
        code: '□□□',
        en: { title: 'Korean text shows as boxes because the system locale is English', cause: 'The Windows system locale for non-Unicode programs is English, so older components cannot render Korean.', steps: ['Open Region settings and change the system locale to Korean (Korea).', 'Restart Windows.', 'Open the product again and check the Korean labels.'] },
        ko: { title: '시스템 로캘이 영어라 한글이 네모로 표시되는 문제', cause: '윈도우의 유니코드를 지원하지 않는 프로그램용 시스템 로캘이 영어로 되어 있어 오래된 구성 요소가 한글을 표시하지 못합니다.', steps: ['지역 설정에서 시스템 로캘을 한국어(대한민국)로 바꿉니다.', '윈도우를 다시 시작합니다.', '제품을 다시 열고 한글 표시를 확인합니다.'] },
      },
    ],
  },
  {
    id: 'download',
    kind: 'info',
    products: ALL,
    en: { symptom: 'A customer asks how to get the {P} {V} installer and what to check before installing it.' },
    ko: { symptom: '고객이 {P} {V} 설치 파일을 어디서 받는지, 설치 전에 무엇을 확인해야 하는지 문의했습니다.' },
    causes: [
      {
        id: 'where',
        en: { title: 'Where to download the installer', cause: 'Installers are published on the product page of the customer portal for sites with an active support contract.', steps: ['Sign in to the customer portal and open Products.', 'Choose the site and the product, then the version.', 'Accept the license agreement and download the installer.'] },
        ko: { title: '설치^파일 다운로드 위치', cause: '설치 파일은 지원 계약이 유효한 사이트에 한해 고객 포털의 제품 화면에서 받을 수 있습니다.', steps: ['고객 포털에 로그인하고 제품 메뉴를 엽니다.', '사이트와 제품, 버전을 차례로 고릅니다.', '라이선스 계약에 동의하고 설치^파일을 다운로드합니다.'] },
      },
      {
        id: 'interrupted',
        code: 'Download failed - network error',
        en: { title: 'Large download stops partway', cause: 'A proxy closes long downloads after a time limit, so the multi-gigabyte installer stops partway.', steps: ['Resume the download; the portal supports resuming from where it stopped.', 'Ask the network team to raise the proxy time limit for the portal address.', 'Check the SHA-256 checksum after the download.'] },
        ko: { title: '용량이 큰 설치 파일 다운로드가 중간에 멈추는 문제', cause: '프록시가 일정 시간이 지난 다운로드 연결을 끊어 수 기가바이트 설치 파일이 중간에 멈춥니다.', steps: ['다운로드를 이어받습니다. 포털은 멈춘 곳부터 이어받기를 지원합니다.', '네트워크 담당자에게 포털 주소의 프록시 시간 제한을 늘려 달라고 요청합니다.', '다운로드 후 SHA-256 체크섬을 확인합니다.'] },
      },
      {
        id: 'checksum',
        code: 'Checksum mismatch',
        en: { title: 'Downloaded file checksum does not match', cause: 'The file was changed or cut short on the way, so its SHA-256 checksum differs from the one on the portal.', steps: ['Compare the SHA-256 value with Get-FileHash.', 'Download the file again, directly rather than through a file share.', 'Contact support if the value still differs.'] },
        ko: { title: '다운로드한 파일의 체크섬이 맞지 않는 문제', cause: '전송 중에 파일이 바뀌거나 잘려서 SHA-256 체크섬이 포털에 표시된 값과 다릅니다.', steps: ['Get-FileHash로 SHA-256 값을 비교합니다.', '공유 폴더를 거치지 말고 파일을 직접 다시 다운로드합니다.', '그래도 값이 다르면 기술 지원에 문의합니다.'] },
      },
    ],
  },
  {
    id: 'roadmap',
    kind: 'info',
    products: ALL,
    en: { symptom: 'A customer planning next year\'s budget asks about the future of {P} after {V}.' },
    ko: { symptom: '내년 예산을 계획하는 고객이 {P} {V} 이후의 계획을 문의했습니다.' },
    causes: [
      {
        id: 'plan',
        en: { title: 'Product roadmap and planned releases', cause: 'The roadmap lists the planned major releases, the features they bring and the supported platforms for the next two years.', steps: ['Open the roadmap document on the product page of the customer portal.', 'Check which release brings the features you need.', 'Ask your account manager for a roadmap briefing.'] },
        ko: { title: '제품 로드맵과 향후 릴리스 계획', cause: '로드맵에는 앞으로 2년간 계획된 주요 릴리스와 새 기능, 지원 플랫폼이 정리되어 있습니다.', steps: ['고객 포털의 제품 화면에서 로드맵 문서를 엽니다.', '필요한 기능이 어느 릴리스에 들어가는지 확인합니다.', '담당 영업에게 로드맵 설명을 요청합니다.'] },
      },
      {
        id: 'end-of-support',
        en: { title: 'End of support dates and lifecycle policy', cause: 'Each version is supported for a fixed period after its release; after the end of support date no patches are made.', steps: ['Look up the end of support date of your version in the lifecycle table.', 'Plan the upgrade before that date.', 'Contact your account manager about extended support.'] },
        ko: { title: '지원 종료 일정과 제품 수명 주기 정책', cause: '각 버전은 출시 후 정해진 기간 동안 지원되며, 지원 종료일이 지나면 패치가 제공되지 않습니다.', steps: ['수명 주기 표에서 사용 중인 버전의 지원 종료일을 확인합니다.', '그 전에 업그레이드를 계획합니다.', '연장 지원은 담당 영업에게 문의합니다.'] },
      },
    ],
  },
  {
    id: 'customer-portal',
    kind: 'info',
    products: [null],
    en: { symptom: 'A new user of the customer portal asks for help.' },
    ko: { symptom: '고객 포털을 처음 쓰는 사용자가 도움을 요청했습니다.' },
    causes: [
      {
        id: 'register',
        en: { title: 'Customer portal: registering an account and joining your company', cause: 'An account is created with a work email; the company owner then invites the user or approves the request.', steps: ['Open the customer portal and choose Register.', 'Verify your email address with the link sent to you.', 'Ask the owner of your organization to invite you to the right sites.'] },
        ko: { title: '고객^포털 계정 등록과 회사 가입 방법', cause: '업무용 이메일로 계정을 만든 뒤 회사의 소유자가 초대하거나 요청을 승인해야 합니다.', steps: ['고객 포털에서 회원 가입을 누릅니다.', '받은 메일의 링크로 이메일 주소를 인증합니다.', '회사의 소유자에게 필요한 사이트로 초대해 달라고 요청합니다.'] },
      },
      {
        id: 'password',
        en: { title: 'Customer portal: resetting a forgotten password', cause: 'A reset link valid for one hour is emailed to the registered address.', steps: ['Choose Forgot password on the sign-in page.', 'Open the link in the email within one hour.', 'Set a new password that meets the password policy.'] },
        ko: { title: '고객^포털 비밀번호 분실 시 재설정 방법', cause: '등록한 이메일로 1시간 동안 유효한 재설정 링크가 발송됩니다.', steps: ['로그인 화면에서 비밀번호 찾기를 누릅니다.', '1시간 안에 메일의 링크를 엽니다.', '비밀번호 정책에 맞는 새 비밀번호를 설정합니다.'] },
      },
      {
        id: 'two-step',
        en: { title: 'Customer portal: setting up two-step sign-in', cause: 'Organizations can require two-step sign-in with an authenticator app, email codes or recovery codes.', steps: ['Open My account and choose Two-step sign-in.', 'Scan the QR code with an authenticator app and enter the code.', 'Save the recovery codes in a safe place.'] },
        ko: { title: '고객^포털 2단계 인증 설정 방법', cause: '조직은 인증 앱, 이메일 코드 또는 복구 코드를 이용한 2단계 로그인을 요구할 수 있습니다.', steps: ['내 계정에서 2단계 인증을 선택합니다.', '인증 앱으로 QR 코드를 스캔하고 코드를 입력합니다.', '복구 코드를 안전한 곳에 보관합니다.'] },
      },
      {
        id: 'open-case',
        en: { title: 'Customer portal: opening a support case', cause: 'Cases are opened per site and product; the site needs an active support contract.', steps: ['Open Support cases and choose New case.', 'Pick the site, product and version, and describe the problem.', 'Attach logs and screenshots, then submit.'] },
        ko: { title: '고객^포털에서 기술 지원 케이스 등록하는 방법', cause: '케이스는 사이트와 제품별로 등록하며, 해당 사이트의 지원 계약이 유효해야 합니다.', steps: ['지원 케이스 메뉴에서 새 케이스를 누릅니다.', '사이트, 제품, 버전을 고르고 문제를 설명합니다.', '로그와 화면 캡처를 첨부해 제출합니다.'] },
      },
    ],
  },
  {
    id: 'session-disconnect',
    kind: 'problem',
    products: ['AnySupport'],
    en: { symptom: 'Remote support sessions of {P} {V} drop after a few minutes with "{CODE}" and the customer has to join again.' },
    ko: { symptom: '{P} {V} 원격^지원 세션이 몇 분 만에 "{CODE}" 메시지와 함께 끊겨 고객이 다시 접속해야 합니다.' },
    causes: [
      {
        id: 'proxy',
        code: 'Connection to relay server lost',
        en: { title: 'Remote support session disconnects behind a proxy server', cause: 'The customer\'s proxy inspects HTTPS and cuts the long-lived connection to the relay server.', steps: ['Ask the customer to exclude the relay server address from HTTPS inspection.', 'Allow outbound TCP 443 to the relay server.', 'Start a new session and watch the connection status.'] },
        ko: { title: '프록시 환경에서 원격^지원 세션이 끊기는 문제', cause: '고객사의 프록시가 HTTPS를 검사하면서 중계 서버와의 장시간 연결을 끊습니다.', steps: ['중계 서버 주소를 HTTPS 검사 대상에서 빼 달라고 고객에게 요청합니다.', '중계 서버로 나가는 TCP 443 포트를 허용합니다.', '새 세션을 시작하고 연결 상태를 확인합니다.'] },
      },
      {
        id: 'idle-timeout',
        code: 'Session closed due to inactivity',
        en: { title: 'Remote support session ends because of the idle timeout', cause: 'The department option set closes sessions after ten minutes without input.', steps: ['Open the option set of the department in the admin console.', 'Raise the idle timeout or turn it off.', 'Apply the option set to the agents.'] },
        ko: { title: '유휴 시간 초과로 원격^지원 세션이 종료되는 문제', cause: '부서의 옵션 세트가 10분 동안 입력이 없으면 세션을 닫도록 설정되어 있습니다.', steps: ['관리자 콘솔에서 부서의 옵션 세트를 엽니다.', '유휴 시간 제한을 늘리거나 끕니다.', '옵션 세트를 상담원에게 적용합니다.'] },
      },
      {
        id: 'unstable-network',
        code: 'Network unstable, reconnecting',
        en: { title: 'Remote support sessions drop on an unstable wireless network', cause: 'The customer PC is on a weak Wi-Fi or LTE connection with packet loss.', steps: ['Lower the screen quality in the session options.', 'Ask the customer to use a wired connection.', 'Enable automatic reconnection.'] },
        ko: { title: '불안정한 무선 네트워크에서 원격^지원 세션이 자주 끊기는 문제', cause: '고객 PC가 신호가 약한 와이파이나 LTE에 연결되어 패킷 손실이 있습니다.', steps: ['세션 옵션에서 화면 품질을 낮춥니다.', '고객에게 유선 연결을 사용하도록 안내합니다.', '자동 재연결을 켭니다.'] },
      },
    ],
  },
  {
    id: 'connection-code',
    kind: 'problem',
    products: ['AnySupport'],
    en: { symptom: 'The customer enters the {P} {V} connection code and nothing happens, or "{CODE}" appears.' },
    ko: { symptom: '고객이 {P} {V} 접속 번호를 입력해도 연결되지 않거나 "{CODE}" 메시지가 나옵니다.' },
    causes: [
      {
        id: 'expired-code',
        code: 'Invalid or expired connection code',
        en: { title: 'Connection code rejected because it expired', cause: 'Connection codes are valid for five minutes; the customer entered it later.', steps: ['Issue a new connection code.', 'Read it to the customer and ask them to enter it at once.', 'Raise the code validity in the option set if customers often need longer.'] },
        ko: { title: '접속 번호가 만료되어 연결되지 않는 문제', cause: '접속 번호는 5분 동안만 유효한데 고객이 그 뒤에 입력했습니다.', steps: ['새 접속 번호를 발급합니다.', '고객에게 번호를 불러 주고 바로 입력하게 합니다.', '자주 시간이 부족하면 옵션 세트에서 유효 시간을 늘립니다.'] },
      },
      {
        id: 'agent-offline',
        code: 'No agent available',
        en: { title: 'Customer cannot connect because the agent is shown offline', cause: 'The agent console lost its sign-in after the PC went to sleep, so the code is not served.', steps: ['Sign in to the agent console again.', 'Turn off sleep mode on the agent PC during working hours.', 'Check the agent status on the dashboard.'] },
        ko: { title: '상담원이 오프라인으로 표시되어 고객이 접속하지 못하는 문제', cause: 'PC가 절전 모드에 들어간 뒤 상담원 콘솔의 로그인이 풀려 접속 번호가 처리되지 않습니다.', steps: ['상담원 콘솔에 다시 로그인합니다.', '근무 시간에는 상담원 PC의 절전 모드를 끕니다.', '대시보드에서 상담원 상태를 확인합니다.'] },
      },
    ],
  },
  {
    id: 'black-screen',
    kind: 'problem',
    products: ['AnySupport'],
    en: { symptom: 'During a {P} {V} session the agent sees only a black screen of the customer PC ("{CODE}").' },
    ko: { symptom: '{P} {V} 세션 중에 상담원 화면에 고객 PC 화면이 검게만 보입니다("{CODE}").' },
    causes: [
      {
        id: 'uac',
        code: 'Secure desktop',
        en: { title: 'Black screen when a UAC prompt appears on the customer PC', cause: 'The UAC prompt runs on the secure desktop, which the viewer cannot capture without the service mode.', steps: ['Restart the session in service mode with administrator rights.', 'Or ask the customer to answer the UAC prompt.', 'Continue the session after the prompt closes.'] },
        ko: { title: '고객 PC에 UAC 창이 뜨면 검은 화면이 나오는 문제', cause: 'UAC 확인 창은 보안 데스크톱에서 실행되어 서비스 모드가 아니면 화면을 캡처할 수 없습니다.', steps: ['관리자 권한의 서비스 모드로 세션을 다시 시작합니다.', '또는 고객에게 UAC 창에서 확인을 누르도록 안내합니다.', '창이 닫힌 뒤 세션을 계속합니다.'] },
      },
      {
        id: 'graphics-driver',
        code: 'Screen capture failed',
        en: { title: 'Black screen caused by an old graphics driver', cause: 'An outdated graphics driver does not support the screen capture method the viewer uses.', steps: ['Switch the capture mode to compatibility mode in the session options.', 'Update the graphics driver on the customer PC.', 'Reconnect the session.'] },
        ko: { title: '오래된 그래픽 드라이버로 인해 검은 화면이 나오는 문제', cause: '오래된 그래픽 드라이버가 뷰어의 화면 캡처 방식을 지원하지 않습니다.', steps: ['세션 옵션에서 캡처 방식을 호환 모드로 바꿉니다.', '고객 PC의 그래픽 드라이버를 업데이트합니다.', '세션에 다시 연결합니다.'] },
      },
    ],
  },
  {
    id: 'file-transfer',
    kind: 'problem',
    products: ['AnySupport'],
    en: { symptom: 'Sending a file to the customer in a {P} {V} session fails with "{CODE}".' },
    ko: { symptom: '{P} {V} 세션에서 고객에게 파일을 보내면 "{CODE}" 오류가 납니다.' },
    causes: [
      {
        id: 'size-limit',
        code: 'File exceeds the transfer limit',
        en: { title: 'File transfer fails for files over the size limit', cause: 'The option set limits file transfer to 100 MB per file.', steps: ['Compress or split the file.', 'Raise the transfer limit in the option set if allowed.', 'Send the file again.'] },
        ko: { title: '용량 제한을 넘는 파일의 파일^전송 실패', cause: '옵션 세트에서 파일 하나당 전송 용량을 100MB로 제한하고 있습니다.', steps: ['파일을 압축하거나 나눕니다.', '허용된다면 옵션 세트에서 전송 용량 제한을 늘립니다.', '파일을 다시 보냅니다.'] },
      },
      {
        id: 'policy',
        code: 'File transfer is disabled by policy',
        en: { title: 'File transfer disabled by the department policy', cause: 'The security policy of the department turns off file transfer for all agents.', steps: ['Ask the administrator whether file transfer may be allowed.', 'Enable file transfer in the option set of the department.', 'Start a new session to apply it.'] },
        ko: { title: '부서 정책으로 파일^전송이 막혀 있는 문제', cause: '부서의 보안 정책이 모든 상담원의 파일 전송을 막고 있습니다.', steps: ['관리자에게 파일 전송을 허용할 수 있는지 확인합니다.', '부서 옵션 세트에서 파일 전송을 켭니다.', '새 세션을 시작해 적용합니다.'] },
      },
    ],
  },
  {
    id: 'mobile-support',
    kind: 'problem',
    products: ['AnySupport'],
    en: { symptom: 'Mobile remote support with {P} {V} connects, but the agent cannot see or control the phone ("{CODE}").' },
    ko: { symptom: '{P} {V}로 모바일 원격^지원에 연결은 되지만 상담원이 휴대폰 화면을 보거나 제어하지 못합니다("{CODE}").' },
    causes: [
      {
        id: 'accessibility',
        code: 'Accessibility permission required',
        en: { title: 'Android remote control needs the accessibility permission', cause: 'Android only allows remote control after the user grants the app the accessibility permission.', steps: ['Ask the customer to open Settings, Accessibility.', 'Turn on the remote support app there.', 'Reconnect the session.'] },
        ko: { title: '안드로이드 원격 제어에 접근성 권한이 필요한 문제', cause: '안드로이드에서는 사용자가 앱에 접근성 권한을 줘야 원격 제어가 가능합니다.', steps: ['고객에게 설정의 접근성 메뉴를 열도록 안내합니다.', '원격 지원 앱을 켭니다.', '세션에 다시 연결합니다.'] },
      },
      {
        id: 'ios-view-only',
        code: 'Screen sharing only',
        en: { title: 'iPhone sessions are view-only', cause: 'iOS allows screen sharing but not remote control by third-party apps.', steps: ['Explain to the customer that iPhone sessions are view-only.', 'Guide the customer by voice or with the drawing tool.', 'Use screen recording for later reference.'] },
        ko: { title: '아이폰은 화면 보기만 가능한 문제', cause: 'iOS는 타사 앱의 화면 공유는 허용하지만 원격 제어는 허용하지 않습니다.', steps: ['아이폰 세션은 화면 보기만 된다고 고객에게 설명합니다.', '음성이나 그리기 도구로 고객을 안내합니다.', '필요하면 화면 녹화를 남깁니다.'] },
      },
    ],
  },
  {
    id: 'firmware-upgrade',
    kind: 'problem',
    products: ['Axis Network Cameras'],
    en: { symptom: 'Upgrading the firmware of the camera to {V} fails and the camera keeps the old version ("{CODE}").' },
    ko: { symptom: '카메라 펌웨어를 {V}로 업그레이드하면 실패하고 카메라가 이전 버전으로 남습니다("{CODE}").' },
    causes: [
      {
        id: 'intermediate',
        code: 'Firmware upgrade failed: unsupported version jump',
        en: { title: 'Firmware upgrade fails without the intermediate version', cause: 'Cameras on an old LTS track must first be upgraded to the intermediate firmware before the current track.', steps: ['Check the upgrade path in the release notes of the firmware.', 'Upgrade to the intermediate firmware first.', 'Then install the target firmware.'] },
        ko: { title: '중간 버전 없이 펌웨어^업그레이드가 실패하는 문제', cause: '오래된 LTS 트랙의 카메라는 현재 트랙으로 가기 전에 중간 펌웨어로 먼저 업그레이드해야 합니다.', steps: ['펌웨어 릴리스 노트에서 업그레이드 경로를 확인합니다.', '중간 펌웨어로 먼저 업그레이드합니다.', '그다음 목표 펌웨어를 설치합니다.'] },
      },
      {
        id: 'signed',
        code: 'Firmware signature verification failed',
        en: { title: 'Firmware rejected because the signature cannot be verified', cause: 'The firmware file was downloaded from a mirror and is not the signed file, or it is for another model.', steps: ['Download the firmware for the exact model from the portal.', 'Check the SHA-256 of the file.', 'Upload it again in the device web page or the device manager.'] },
        ko: { title: '서명 검증에 실패해 펌웨어가 거부되는 문제', cause: '미러 사이트에서 받은 서명되지 않은 파일이거나 다른 모델용 펌웨어입니다.', steps: ['포털에서 정확한 모델의 펌웨어를 내려받습니다.', '파일의 SHA-256을 확인합니다.', '장치 웹 페이지나 장치 관리자에서 다시 올립니다.'] },
      },
      {
        id: 'interrupted',
        code: 'Device unreachable during upgrade',
        en: { title: 'Camera does not come back after an interrupted firmware upgrade', cause: 'Power or network was lost while the firmware was being written, leaving the camera in recovery mode.', steps: ['Power the camera with a stable PoE supply.', 'Use the recovery procedure to load the firmware over the network.', 'Restore the settings from a backup.'] },
        ko: { title: '펌웨어^업그레이드 중단 후 카메라가 복구되지 않는 문제', cause: '펌웨어를 쓰는 동안 전원이나 네트워크가 끊겨 카메라가 복구 모드에 머물러 있습니다.', steps: ['안정적인 PoE 전원으로 카메라에 전원을 공급합니다.', '복구 절차로 네트워크를 통해 펌웨어를 올립니다.', '백업해 둔 설정을 복원합니다.'] },
      },
    ],
  },
  {
    id: 'device-offline',
    kind: 'problem',
    products: ['Axis Network Cameras', 'AXIS Camera Station'],
    en: { symptom: 'Cameras show as offline in {P} {V} and no video arrives ("{CODE}").' },
    ko: { symptom: '{P} {V}에서 카메라가 오프라인으로 표시되고 영상이 들어오지 않습니다("{CODE}").' },
    causes: [
      {
        id: 'ip-conflict',
        code: 'Device not responding',
        en: { title: 'Camera offline because of an IP address conflict', cause: 'Another device took the same IP address, so the camera answers only part of the time.', steps: ['Find the duplicate address with an ARP scan.', 'Give the camera a reserved address in DHCP or a fixed IP.', 'Update the address in the video management software.'] },
        ko: { title: 'IP 주소 충돌로 카메라가 오프라인이 되는 문제', cause: '다른 장치가 같은 IP 주소를 쓰고 있어 카메라가 가끔만 응답합니다.', steps: ['ARP 스캔으로 중복 주소를 찾습니다.', 'DHCP 예약이나 고정 IP로 카메라 주소를 지정합니다.', '영상 관리 소프트웨어의 장치 주소를 고칩니다.'] },
      },
      {
        id: 'poe',
        code: 'Device restarted unexpectedly',
        en: { title: 'Camera keeps rebooting because the PoE budget is exceeded', cause: 'The switch cannot supply enough PoE power when the heaters and IR lights of outdoor cameras turn on.', steps: ['Check the PoE class of the camera and the power budget of the switch.', 'Move cameras to a switch with a larger budget or use a midspan.', 'Watch the device log for power events.'] },
        ko: { title: 'PoE 전력 부족으로 카메라가 계속 재부팅되는 문제', cause: '실외 카메라의 히터와 적외선 조명이 켜질 때 스위치가 PoE 전력을 충분히 공급하지 못합니다.', steps: ['카메라의 PoE 등급과 스위치의 전력 예산을 확인합니다.', '전력 예산이 큰 스위치로 옮기거나 미드스팬을 사용합니다.', '장치 로그에서 전원 관련 이벤트를 확인합니다.'] },
      },
      {
        id: 'password',
        code: 'Authentication failed',
        en: { title: 'Camera offline after its password was changed', cause: 'The camera password was changed on the device but not in the video management software.', steps: ['Open the device list and edit the camera credentials.', 'Enter the new password.', 'Check that the camera status returns to online.'] },
        ko: { title: '비밀번호 변경 후 카메라가 오프라인으로 표시되는 문제', cause: '카메라에서 비밀번호를 바꿨는데 영상 관리 소프트웨어에는 반영하지 않았습니다.', steps: ['장치 목록에서 카메라 자격 증명을 편집합니다.', '새 비밀번호를 입력합니다.', '카메라 상태가 온라인으로 돌아오는지 확인합니다.'] },
      },
    ],
  },
  {
    id: 'recording',
    kind: 'problem',
    products: ['AXIS Camera Station'],
    en: { symptom: 'Recordings in {P} {V} have gaps or stop entirely, and the alarm log shows "{CODE}".' },
    ko: { symptom: '{P} {V}의 녹화에 빈 구간이 생기거나 녹화가 아예 멈추고, 알람 로그에 "{CODE}"가 표시됩니다.' },
    causes: [
      {
        id: 'storage-full',
        code: 'Recording storage full',
        en: { title: 'Recording stops when the storage is full', cause: 'The retention time is longer than the disk can hold, so recording stops when the storage fills up.', steps: ['Lower the retention time or add storage.', 'Turn on automatic deletion of the oldest recordings.', 'Check the storage page for the estimated retention.'] },
        ko: { title: '저장 공간이 가득 차 녹화가 중단되는 문제', cause: '보관 기간이 디스크가 담을 수 있는 양보다 길게 설정되어 저장 공간이 차면 녹화가 멈춥니다.', steps: ['보관 기간을 줄이거나 저장 장치를 추가합니다.', '가장 오래된 녹화를 자동으로 지우도록 설정합니다.', '저장소 화면에서 예상 보관 기간을 확인합니다.'] },
      },
      {
        id: 'motion',
        code: 'No motion events',
        en: { title: 'Motion recording misses events at night', cause: 'The motion detection sensitivity is tuned for daylight, so low-light scenes never trigger recording.', steps: ['Lower the motion threshold for night-time schedules.', 'Add pre-buffer and post-buffer time to recordings.', 'Test with a walk test after dark.'] },
        ko: { title: '야간에 모션 녹화가 누락되는 문제', cause: '모션 감지 민감도가 주간 기준으로 맞춰져 있어 어두운 장면에서는 녹화가 시작되지 않습니다.', steps: ['야간 일정의 모션 임계값을 낮춥니다.', '녹화에 프리 버퍼와 포스트 버퍼 시간을 추가합니다.', '어두워진 뒤 워크 테스트로 확인합니다.'] },
      },
    ],
  },
  {
    id: 'live-view',
    kind: 'problem',
    products: ['AXIS Camera Station'],
    en: { symptom: 'Live view in the {P} {V} client stutters and lags several seconds behind ("{CODE}").' },
    ko: { symptom: '{P} {V} 클라이언트의 실시간 영상이 끊기고 몇 초씩 지연됩니다("{CODE}").' },
    causes: [
      {
        id: 'bandwidth',
        code: 'Frames dropped',
        en: { title: 'Live view stutters because the network bandwidth is too low', cause: 'Many high-resolution streams share a 100 Mbit uplink to the client.', steps: ['Use a lower-resolution stream profile for multi-view.', 'Upgrade the uplink to gigabit.', 'Limit the frame rate of cameras shown together.'] },
        ko: { title: '네트워크 대역폭 부족으로 실시간 영상이 끊기는 문제', cause: '고해상도 스트림 여러 개가 클라이언트로 가는 100Mbit 업링크를 함께 씁니다.', steps: ['분할 화면에는 낮은 해상도의 스트림 프로필을 씁니다.', '업링크를 기가비트로 올립니다.', '함께 보는 카메라의 프레임 속도를 제한합니다.'] },
      },
      {
        id: 'h265',
        code: 'Decoder overloaded',
        en: { title: 'Live view lags with H.265 streams without hardware decoding', cause: 'The client decodes H.265 in software because hardware decoding is off.', steps: ['Turn on hardware decoding in the client settings.', 'Update the graphics driver.', 'Or switch the stream to H.264.'] },
        ko: { title: '하드웨어 디코딩 없이 H.265 영상을 볼 때 지연되는 문제', cause: '하드웨어 디코딩이 꺼져 있어 클라이언트가 H.265를 소프트웨어로 디코딩합니다.', steps: ['클라이언트 설정에서 하드웨어 디코딩을 켭니다.', '그래픽 드라이버를 업데이트합니다.', '또는 스트림을 H.264로 바꿉니다.'] },
      },
    ],
  },
  {
    id: 'camera-password-reset',
    kind: 'info',
    products: ['Axis Network Cameras'],
    en: { symptom: 'The root password of a camera running {V} was lost and nobody can sign in to the device.' },
    ko: { symptom: '{V}를 쓰는 카메라의 root 비밀번호를 잊어버려 아무도 장치에 로그인할 수 없습니다.' },
    causes: [
      {
        id: 'factory-default',
        en: { title: 'Resetting a camera to factory defaults', cause: 'Without the password the only way in is a factory default with the control button, which erases all settings.', steps: ['Disconnect power, hold the control button and reconnect power.', 'Keep holding it until the status LED turns amber.', 'Set a new root password and restore the settings.'] },
        ko: { title: '카메라를 공장 초기화하는 방법', cause: '비밀번호가 없으면 컨트롤 버튼으로 공장 초기화하는 방법밖에 없으며 모든 설정이 지워집니다.', steps: ['전원을 뺀 상태에서 컨트롤 버튼을 누른 채 전원을 연결합니다.', '상태 LED가 주황색이 될 때까지 버튼을 누르고 있습니다.', '새 root 비밀번호를 정하고 설정을 복원합니다.'] },
      },
      {
        id: 'onvif-user',
        symptom: { en: 'Third-party video management software cannot add a camera running {V}; the customer asks which user to create.', ko: '타사 영상 관리 소프트웨어에서 {V} 카메라를 추가할 수 없어 어떤 사용자를 만들어야 하는지 문의했습니다.' },
        en: { title: 'Adding an ONVIF user for the video management software', cause: 'Third-party video software signs in with an ONVIF user, not the root account; without it the camera cannot be added.', steps: ['Open the device web page as root.', 'Create an ONVIF user with the operator role.', 'Use that user in the video management software.'] },
        ko: { title: '영상 관리 소프트웨어용 ONVIF 사용자 추가 방법', cause: '타사 영상 소프트웨어는 root가 아닌 ONVIF 사용자로 로그인하므로 이 사용자가 없으면 카메라를 추가할 수 없습니다.', steps: ['root로 장치 웹 페이지를 엽니다.', '운영자 역할의 ONVIF 사용자를 만듭니다.', '영상 관리 소프트웨어에 그 사용자를 입력합니다.'] },
      },
    ],
  },
  {
    id: 'high-cpu',
    kind: 'problem',
    products: ['PI Server'],
    en: { symptom: 'The {C} of {P} {V} uses over 90% CPU and clients time out ("{CODE}").' },
    ko: { symptom: '{P} {V}의 {C} CPU 사용률이 90%를 넘고 클라이언트가 시간 초과됩니다("{CODE}").' },
    causes: [
      {
        id: 'large-queries',
        code: '[-11091] Event collection exceeded maximum allowed',
        en: { title: 'High CPU caused by large data queries from reports', cause: 'Reports query months of raw data for thousands of tags at once.', steps: ['Find the heavy queries in the message log and performance counters.', 'Limit the maximum events per query with the tuning parameter.', 'Rewrite the reports to use summaries.'] },
        ko: { title: '보고서의 대용량 데이터 조회로 인한 CPU 사용률 증가', cause: '보고서가 수천 개 태그의 몇 달 치 원시 데이터를 한 번에 조회합니다.', steps: ['메시지 로그와 성능 카운터에서 무거운 쿼리를 찾습니다.', '튜닝 파라미터로 쿼리당 최대 이벤트 수를 제한합니다.', '보고서가 요약 값을 쓰도록 바꿉니다.'] },
      },
      {
        id: 'memory',
        code: 'Insufficient memory for archive cache',
        en: { title: 'High memory use by the archive cache', cause: 'The archive cache grows with the number of points and the server has too little memory for it.', steps: ['Check the memory counters of the archive subsystem.', 'Add memory or lower the cache size.', 'Restart the archive subsystem during maintenance.'] },
        ko: { title: '아카이브 캐시로 인한 메모리 사용량 증가', cause: '포인트 수가 늘면서 아카이브 캐시가 커지는데 서버 메모리가 부족합니다.', steps: ['아카이브 서브시스템의 메모리 카운터를 확인합니다.', '메모리를 늘리거나 캐시 크기를 줄입니다.', '점검 시간에 아카이브 서브시스템을 다시 시작합니다.'] },
      },
    ],
  },
  {
    id: 'point-creation',
    kind: 'problem',
    products: ['PI Server'],
    en: { symptom: 'Creating new tags (points) in {P} {V} fails with "{CODE}".' },
    ko: { symptom: '{P} {V}에서 새 태그(포인트)를 만들면 "{CODE}" 오류가 납니다.' },
    causes: [
      {
        id: 'point-limit',
        code: '[-12036] Point count exceeds the licensed limit',
        en: { title: 'New tags cannot be created because the licensed point count is reached', cause: 'The server already has as many points as the license allows.', steps: ['Check the licensed point count in the license information.', 'Delete unused points.', 'Order additional points and activate the new license file.'] },
        ko: { title: '라이선스 포인트 수 초과로 태그를 만들 수 없는 문제', cause: '서버에 이미 라이선스가 허용하는 만큼의 포인트가 있습니다.', steps: ['라이선스 정보에서 허용된 포인트 수를 확인합니다.', '사용하지 않는 포인트를 지웁니다.', '추가 포인트를 주문하고 새 라이선스^파일을 활성화합니다.'] },
      },
      {
        id: 'duplicate',
        code: '[-10550] Point already exists',
        en: { title: 'Point creation fails because a tag with the same name exists', cause: 'Tag names are unique regardless of case, and a tag with the same name already exists.', steps: ['Search the point database for the name.', 'Rename or reuse the existing tag.', 'Use a naming convention with the site prefix.'] },
        ko: { title: '같은 이름의 태그가 있어 포인트 생성이 실패하는 문제', cause: '태그 이름은 대소문자와 관계없이 고유해야 하는데 같은 이름의 태그가 이미 있습니다.', steps: ['포인트 데이터베이스에서 이름을 검색합니다.', '기존 태그의 이름을 바꾸거나 그대로 사용합니다.', '사이트 접두어를 붙이는 명명 규칙을 사용합니다.'] },
      },
    ],
  },
  {
    id: 'service-start',
    kind: 'problem',
    products: ['PI Server', 'PI Interfaces', 'AXIS Camera Station', 'AnySupport'],
    en: { symptom: 'After a restart the {C} service of {P} {V} does not start; the event log says "{CODE}".' },
    ko: { symptom: '재부팅 후 {P} {V}의 {C} 서비스가 시작되지 않고 이벤트 로그에 "{CODE}"가 남습니다.' },
    causes: [
      {
        id: 'password-expired',
        code: 'Error 1069: The service did not start due to a logon failure',
        en: { title: 'Service does not start because the service account password expired', cause: 'The domain account that runs the service has an expired password.', steps: ['Reset the password of the service account.', 'Enter the new password in the service properties.', 'Use a managed service account so the password never expires.'] },
        ko: { title: '서비스 계정 비밀번호 만료로 서비스가 시작되지 않는 문제', cause: '서비스를 실행하는 도메인 계정의 비밀번호가 만료되었습니다.', steps: ['서비스 계정의 비밀번호를 재설정합니다.', '서비스 속성에 새 비밀번호를 입력합니다.', '비밀번호가 만료되지 않도록 관리 서비스 계정을 사용합니다.'] },
      },
      {
        id: 'port-in-use',
        code: 'Address already in use',
        en: { title: 'Service fails to start because its port is in use', cause: 'Another program took the port the service listens on.', steps: ['Find the process on the port with netstat -ano.', 'Stop that program or move it to another port.', 'Start the service again.'] },
        ko: { title: '포트가 이미 사용 중이라 서비스가 시작되지 않는 문제', cause: '서비스가 사용하는 포트를 다른 프로그램이 먼저 쓰고 있습니다.', steps: ['netstat -ano로 해당 포트를 쓰는 프로세스를 찾습니다.', '그 프로그램을 멈추거나 다른 포트로 옮깁니다.', '서비스를 다시 시작합니다.'] },
      },
    ],
  },
  {
    id: 'email-notification',
    kind: 'problem',
    products: ['PI Server', 'AXIS Camera Station'],
    en: { symptom: 'Alarm notification emails from {P} {V} are not delivered ("{CODE}").' },
    ko: { symptom: '{P} {V}의 알람 알림 메일이 오지 않습니다("{CODE}").' },
    causes: [
      {
        id: 'smtp-auth',
        code: '535 Authentication failed',
        en: { title: 'Notification emails fail because SMTP authentication is refused', cause: 'The mail server now requires authentication with TLS and the notification settings use anonymous SMTP.', steps: ['Enter an SMTP user and password in the notification settings.', 'Use port 587 with STARTTLS.', 'Send a test email.'] },
        ko: { title: 'SMTP 인증 거부로 알림 메일이 발송되지 않는 문제', cause: '메일 서버가 TLS 인증을 요구하도록 바뀌었는데 알림 설정은 익명 SMTP를 사용합니다.', steps: ['알림 설정에 SMTP 사용자와 비밀번호를 입력합니다.', '587 포트와 STARTTLS를 사용합니다.', '테스트 메일을 보냅니다.'] },
      },
      {
        id: 'spam',
        code: 'Delivered to junk',
        en: { title: 'Notification emails end up in the spam folder', cause: 'The sender domain has no SPF record for the server that sends the notifications.', steps: ['Add the sending server to the SPF record of the domain.', 'Use a sender address of your own domain.', 'Ask users to mark the sender as safe.'] },
        ko: { title: '알림 메일이 스팸함으로 들어가는 문제', cause: '발신 도메인의 SPF 레코드에 알림을 보내는 서버가 없습니다.', steps: ['도메인의 SPF 레코드에 발송 서버를 추가합니다.', '자사 도메인의 발신 주소를 사용합니다.', '사용자에게 발신자를 안전한 발신자로 등록하게 합니다.'] },
      },
    ],
  },
  {
    id: 'deployment',
    kind: 'info',
    products: PI_ALL,
    en: { symptom: 'A customer is planning a new deployment of {P} {V} and asks about sizing and prerequisites.' },
    ko: { symptom: '고객이 {P} {V}를 새로 구축하려고 용량 산정과 사전 요구 사항을 문의했습니다.' },
    causes: [
      {
        id: 'requirements',
        en: { title: 'System requirements and sizing guide', cause: 'The sizing depends on the number of points, the event rate and the number of concurrent users.', steps: ['Count the points and the expected events per second.', 'Read the system requirements for the version on the product page.', 'Use the sizing worksheet and review it with support.'] },
        ko: { title: '시스템 요구 사항과 서버 사양 산정 가이드', cause: '서버 사양은 포인트 수, 초당 이벤트 수, 동시 사용자 수에 따라 달라집니다.', steps: ['포인트 수와 예상 초당 이벤트 수를 집계합니다.', '제품 화면에서 해당 버전의 시스템 요구 사항을 읽습니다.', '사양 산정 워크시트를 작성해 기술 지원과 검토합니다.'] },
      },
      {
        id: 'virtualization',
        en: { title: 'Running on virtual machines: supported platforms and settings', cause: 'Virtual machines are supported on VMware and Hyper-V with reserved CPU and memory and without snapshots during operation.', steps: ['Reserve CPU and memory for the virtual machine.', 'Put archives on a separate virtual disk.', 'Do not keep snapshots of a running server.'] },
        ko: { title: '가상 머신 운영 시 지원 플랫폼과 권장 설정', cause: 'VMware와 Hyper-V 가상 머신을 지원하며, CPU와 메모리를 예약하고 운영 중에는 스냅숏을 두지 않아야 합니다.', steps: ['가상 머신에 CPU와 메모리를 예약합니다.', '아카이브는 별도 가상 디스크에 둡니다.', '운영 중인 서버의 스냅숏을 남겨 두지 않습니다.'] },
      },
    ],
  },
  {
    id: 'datalink',
    kind: 'problem',
    products: ['PI Server'],
    components: { 'PI Server': 'PI DataLink' },
    en: { symptom: 'The {C} add-in for Excel does not work with {P} {V}: "{CODE}".' },
    ko: { symptom: '엑셀의 {C} 추가 기능이 {P} {V}와 함께 동작하지 않습니다: "{CODE}".' },
    causes: [
      {
        id: 'addin-missing',
        code: 'The PI DataLink tab is missing',
        en: { title: 'PI DataLink tab missing in Excel after an Office update', cause: 'Excel disabled the add-in after it crashed once, or the Office update switched Excel to 64-bit while a 32-bit add-in is installed.', steps: ['Open File, Options, Add-ins and check the disabled items.', 'Enable the PI DataLink COM add-in.', 'Install the PI DataLink build that matches the Office bitness.'] },
        ko: { title: '오피스 업데이트 후 엑셀에 PI DataLink 탭이 보이지 않는 문제', cause: '추가 기능이 한 번 비정상 종료된 뒤 엑셀이 이를 사용 안 함으로 바꿨거나, 오피스 업데이트로 엑셀이 64비트가 되었는데 32비트 추가 기능이 설치되어 있습니다.', steps: ['파일, 옵션, 추가 기능에서 사용 안 함 항목을 확인합니다.', 'PI DataLink COM 추가 기능을 사용하도록 설정합니다.', '오피스 비트 수에 맞는 PI DataLink를 설치합니다.'] },
      },
      {
        id: 'slow-recalc',
        code: 'Calculating (4 processors): 12%',
        en: { title: 'Excel workbooks with PI DataLink formulas recalculate very slowly', cause: 'Thousands of array formulas are recalculated on every change because calculation is set to automatic.', steps: ['Set Excel calculation to manual for large workbooks.', 'Replace many single-value formulas with one array formula.', 'Recalculate only the sheet you need.'] },
        ko: { title: 'PI DataLink 수식이 많은 엑셀 파일의 재계산이 매우 느린 문제', cause: '계산이 자동으로 설정되어 있어 값이 바뀔 때마다 수천 개의 배열 수식이 다시 계산됩니다.', steps: ['큰 통합 문서는 엑셀 계산을 수동으로 바꿉니다.', '단일 값 수식 여러 개를 배열 수식 하나로 바꿉니다.', '필요한 시트만 다시 계산합니다.'] },
      },
    ],
  },
  {
    id: 'analytics',
    kind: 'problem',
    products: ['PI Server'],
    components: { 'PI Server': 'PI Analysis Service' },
    en: { symptom: 'Analyses of the {C} in {P} {V} stop calculating and show the status "{CODE}".' },
    ko: { symptom: '{P} {V}의 {C}에서 분석이 계산을 멈추고 "{CODE}" 상태로 표시됩니다.' },
    causes: [
      {
        id: 'skipped',
        code: 'Skipped evaluations',
        en: { title: 'Analyses fall behind and skip evaluations', cause: 'Too many analyses are scheduled on the same trigger and the service cannot finish one round before the next.', steps: ['Open the analysis service statistics and find the lagging groups.', 'Spread the analyses over different schedules.', 'Add a second analysis service if the load stays high.'] },
        ko: { title: '분석 계산이 밀려 평가를 건너뛰는 문제', cause: '너무 많은 분석이 같은 트리거에 예약되어 서비스가 한 차례를 끝내기 전에 다음 차례가 옵니다.', steps: ['분석 서비스 통계에서 지연되는 그룹을 찾습니다.', '분석의 실행 주기를 여러 일정으로 나눕니다.', '부하가 계속 높으면 분석 서비스를 하나 더 둡니다.'] },
      },
      {
        id: 'backfill',
        symptom: { en: 'After an input tag was corrected, the customer asks how to recalculate the analyses of {P} {V} for the past weeks.', ko: '입력 태그를 고친 뒤 {P} {V}의 지난 몇 주 분석 결과를 다시 계산하는 방법을 문의했습니다.' },
        en: { title: 'How to backfill and recalculate analyses for a past period', cause: 'After fixing an input tag, the results of the analysis for the past weeks must be recalculated.', steps: ['Select the analyses in PI System Explorer.', 'Choose Backfill or Recalculate and set the time range.', 'Follow the progress in the management plug-in.'] },
        ko: { title: '과거 기간의 분석을 백필하고 다시 계산하는 방법', cause: '입력 태그를 고친 뒤에는 지난 몇 주 동안의 분석 결과를 다시 계산해야 합니다.', steps: ['PI System Explorer에서 분석을 선택합니다.', '백필 또는 재계산을 고르고 기간을 정합니다.', '관리 플러그인에서 진행 상황을 확인합니다.'] },
      },
    ],
  },
  {
    id: 'agent-seats',
    kind: 'problem',
    products: ['AnySupport'],
    en: { symptom: 'An agent cannot sign in to the {P} {V} console: "{CODE}".' },
    ko: { symptom: '상담원이 {P} {V} 콘솔에 로그인할 수 없습니다: "{CODE}".' },
    causes: [
      {
        id: 'seats-exceeded',
        code: 'All agent seats are in use',
        en: { title: 'Agent sign-in refused because all seats are in use', cause: 'The number of agents signed in at once reached the seats in the subscription.', steps: ['See who is signed in on the agent status page.', 'Sign out agents who left the console open.', 'Add seats to the subscription if it happens every day.'] },
        ko: { title: '상담원 좌석이 모두 사용 중이라 로그인이 거부되는 문제', cause: '동시에 로그인한 상담원 수가 구독한 좌석 수에 도달했습니다.', steps: ['상담원 상태 화면에서 로그인한 사람을 확인합니다.', '콘솔을 켜 둔 채 자리를 비운 상담원을 로그아웃시킵니다.', '매일 반복되면 구독에 좌석을 추가합니다.'] },
      },
      {
        id: 'department-moved',
        code: 'Agent is not assigned to a department',
        en: { title: 'Agent cannot sign in after being moved to another department', cause: 'The agent was removed from the old department before being added to the new one, so no seat is assigned.', steps: ['Open the agent in the admin console.', 'Assign the agent to the new department and seat.', 'Ask the agent to sign in again.'] },
        ko: { title: '부서 이동 후 상담원이 로그인하지 못하는 문제', cause: '새 부서에 추가하기 전에 기존 부서에서 상담원을 빼서 좌석이 할당되지 않았습니다.', steps: ['관리자 콘솔에서 상담원을 엽니다.', '새 부서와 좌석에 상담원을 배정합니다.', '상담원에게 다시 로그인하도록 안내합니다.'] },
      },
    ],
  },
  {
    id: 'session-recording',
    kind: 'problem',
    products: ['AnySupport'],
    en: { symptom: 'Recorded {P} {V} sessions cannot be played back ("{CODE}").' },
    ko: { symptom: '{P} {V}에서 녹화한 세션을 재생할 수 없습니다("{CODE}").' },
    causes: [
      {
        id: 'player',
        code: 'Unsupported recording format',
        en: { title: 'Session recordings do not play in a standard video player', cause: 'Session recordings use their own format and need the recording player or a conversion to MP4.', steps: ['Open the recording from the session history of the admin console.', 'Use the built-in player or convert the file to MP4.', 'Keep converted files in the shared folder for audits.'] },
        ko: { title: '세션 녹화 파일이 일반 동영상 플레이어에서 재생되지 않는 문제', cause: '세션 녹화 파일은 전용 형식이라 녹화 플레이어로 열거나 MP4로 변환해야 합니다.', steps: ['관리자 콘솔의 세션 기록에서 녹화 파일을 엽니다.', '내장 플레이어를 쓰거나 MP4로 변환합니다.', '감사용으로 변환한 파일을 공유 폴더에 보관합니다.'] },
      },
      {
        id: 'retention',
        code: 'Recording not found',
        en: { title: 'Old session recordings are missing because of the retention period', cause: 'Recordings are deleted automatically after the retention period set for the department.', steps: ['Check the retention period in the department settings.', 'Raise it if audits need older recordings.', 'Export recordings that must be kept longer.'] },
        ko: { title: '보관 기간이 지나 예전 세션 녹화가 없는 문제', cause: '녹화 파일은 부서에 설정된 보관 기간이 지나면 자동으로 삭제됩니다.', steps: ['부서 설정에서 보관 기간을 확인합니다.', '감사에 더 오래된 녹화가 필요하면 기간을 늘립니다.', '오래 보관해야 하는 녹화는 내보내 둡니다.'] },
      },
    ],
  },
  {
    id: 'client-connect',
    kind: 'problem',
    products: ['AXIS Camera Station'],
    en: { symptom: 'The {P} {V} client cannot connect to the recording server: "{CODE}".' },
    ko: { symptom: '{P} {V} 클라이언트가 녹화 서버에 연결하지 못합니다: "{CODE}".' },
    causes: [
      {
        id: 'version-mismatch',
        code: 'Client and server versions differ',
        en: { title: 'Client cannot connect after the server was upgraded', cause: 'The server was upgraded and the client on the operator PC is still the old version.', steps: ['Download the client of the same version from the server web page.', 'Install it on every operator PC.', 'Connect again.'] },
        ko: { title: '서버 업그레이드 후 클라이언트가 연결되지 않는 문제', cause: '서버는 업그레이드했는데 운영자 PC의 클라이언트는 예전 버전 그대로입니다.', steps: ['서버 웹 페이지에서 같은 버전의 클라이언트를 내려받습니다.', '모든 운영자 PC에 설치합니다.', '다시 연결합니다.'] },
      },
      {
        id: 'ports',
        code: 'Server did not respond on port 55752',
        en: { title: 'Client cannot reach the server because ports 55752-55757 are blocked', cause: 'The firewall between the operator network and the server blocks the ports the client uses.', steps: ['Open TCP 55752 to 55757 to the server.', 'Check the Windows firewall on the server as well.', 'Connect again from the client.'] },
        ko: { title: '55752-55757 포트가 막혀 클라이언트가 서버에 연결되지 않는 문제', cause: '운영자 네트워크와 서버 사이의 방화벽이 클라이언트가 쓰는 포트를 막고 있습니다.', steps: ['서버로 가는 TCP 55752부터 55757까지 엽니다.', '서버의 윈도우 방화벽도 확인합니다.', '클라이언트에서 다시 연결합니다.'] },
      },
    ],
  },
  {
    id: 'image-quality',
    kind: 'problem',
    products: ['Axis Network Cameras'],
    en: { symptom: 'The picture of a camera running {V} is noisy or blurred ("{CODE}").' },
    ko: { symptom: '{V}를 쓰는 카메라의 영상에 노이즈가 많거나 흐릿합니다("{CODE}").' },
    causes: [
      {
        id: 'night-noise',
        code: 'Low light',
        en: { title: 'Noisy night images because the IR illumination is off', cause: 'The IR illumination is turned off and the camera raises the gain in darkness.', steps: ['Turn on IR illumination in the image settings.', 'Set the day/night shift to automatic.', 'Lower the maximum gain to reduce noise.'] },
        ko: { title: '적외선 조명이 꺼져 야간 영상에 노이즈가 많은 문제', cause: '적외선 조명이 꺼져 있어 카메라가 어두운 곳에서 게인을 높입니다.', steps: ['영상 설정에서 적외선 조명을 켭니다.', '주야간 전환을 자동으로 설정합니다.', '최대 게인을 낮춰 노이즈를 줄입니다.'] },
      },
      {
        id: 'focus',
        code: 'Out of focus',
        en: { title: 'Blurred image after the camera was moved', cause: 'The camera was moved or its dome was replaced and the focus was not adjusted again.', steps: ['Open the focus settings in the device web page.', 'Run the autofocus.', 'Fine-tune the focus at the distance that matters.'] },
        ko: { title: '카메라 위치를 옮긴 뒤 영상이 흐릿한 문제', cause: '카메라를 옮기거나 돔 커버를 교체한 뒤 초점을 다시 맞추지 않았습니다.', steps: ['장치 웹 페이지에서 초점 설정을 엽니다.', '자동 초점을 실행합니다.', '중요한 거리에서 초점을 미세 조정합니다.'] },
      },
    ],
  },
  {
    id: 'security-advisory',
    kind: 'info',
    products: ALL,
    en: { symptom: 'The security team asks whether {P} {V} is affected by a published vulnerability and how to patch it.' },
    ko: { symptom: '보안팀이 {P} {V}가 공개된 취약점의 영향을 받는지, 어떻게 패치해야 하는지 문의했습니다.' },
    causes: [
      {
        id: 'patch',
        en: { title: 'Security vulnerability advisory and patch', cause: 'A vulnerability (CVE) was found in this version; a security patch is published on the product page.', steps: ['Read the security advisory for the affected versions and the risk.', 'Download and install the security patch.', 'Apply the workaround from the advisory if you cannot patch at once.'] },
        ko: { title: '보안 취약점 권고와 보안 패치', cause: '이 버전에서 보안 취약점(CVE)이 발견되어 제품 화면에 보안 패치가 게시되었습니다.', steps: ['보안 권고문에서 영향을 받는 버전과 위험도를 확인합니다.', '보안 패치를 내려받아 설치합니다.', '바로 패치할 수 없으면 권고문의 임시 조치를 적용합니다.'] },
      },
      {
        id: 'hardening',
        symptom: { en: 'The security team asks for the recommended hardening settings of {P} {V}.', ko: '보안팀이 {P} {V}의 권장 보안 설정을 문의했습니다.' },
        en: { title: 'Security hardening checklist', cause: 'The hardening guide lists the settings that reduce the attack surface: accounts, ports, protocols and logging.', steps: ['Disable default accounts and old protocols.', 'Close the ports that are not needed.', 'Turn on audit logging and send it to the central log server.'] },
        ko: { title: '보안 강화 점검 목록', cause: '보안 강화 가이드는 공격 표면을 줄이는 계정, 포트, 프로토콜, 로그 설정을 정리합니다.', steps: ['기본 계정과 오래된 프로토콜을 끕니다.', '필요하지 않은 포트를 닫습니다.', '감사 로그를 켜고 중앙 로그 서버로 보냅니다.'] },
      },
    ],
  },
];
