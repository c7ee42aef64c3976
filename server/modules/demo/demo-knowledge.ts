import { Readable } from 'node:stream';
import { eq } from 'drizzle-orm';
import type { ArticleLanguage, ArticleVisibility } from '../../../common/knowledge';
import { articleAttachments, articles, articleTranslations, articleVotes, caseLinks, cases, products } from '../../db/schema/index';
import type { ServiceContext } from '../../platform/context';
import { buildArticle, type BuildTranslation } from '../../test/knowledge-factories';
import { rebuildSearchIndex } from '../search/search-indexer';

const DAY_MS = 86_400_000;
const ENGINEER = 'support@atrium.example';

interface DemoArticle {
  products: string[];
  visibility: ArticleVisibility;
  /** Days since it was last updated; verified then unless `verified` says otherwise. */
  daysAgo: number;
  /** false: never verified; a number: verified that many days ago (past the period: asks for review). */
  verified?: false | number;
  /** The subject of the demo's closed case it was written from. */
  fromCase?: string;
  views?: number;
  votes?: { up?: string[]; down?: string[] };
  image?: string;
  translations: (Omit<BuildTranslation, 'updatedAt'> & { language: ArticleLanguage; title: string })[];
}

const ko = (title: string, summary: string, issue: string, environment: string, resolution: string, status: 'draft' | 'published' = 'published') => ({ language: 'ko' as const, title, summary, issue, environment, resolution, status });
const en = (title: string, summary: string, issue: string, environment: string, resolution: string, status: 'draft' | 'published' = 'published') => ({ language: 'en' as const, title, summary, issue, environment, resolution, status });

/** A 1×1 PNG, so the demo has an image attachment. */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');

/** Knowledge articles across the demo products: Korean and English, a few Korean only, one internal, one draft, one from a closed case. */
const ARTICLES: DemoArticle[] = [
  {
    products: ['PI Server'], visibility: 'customers', daysAgo: 12, views: 134, votes: { up: ['owner@a-petrochem.example', 'super@a-petrochem.example'], down: ['viewer@a-petrochem.example'] },
    translations: [
      ko('PI Server 라이선스 활성화 방법', '새 서버나 교체한 서버에서 PI Server 라이선스 파일을 적용하는 절차입니다.', '서버를 교체한 뒤 PI Data Archive가 **라이선스 만료** 경고를 내고 포인트 수가 제한됩니다.', '- PI Server 2018 SP3 이상\n- Windows Server 2019/2022', '1. 새 서버에서 `pidiag -host` 로 **Machine Signature File(.msf)** 을 만듭니다.\n2. 고객 포털의 라이선스 메뉴에서 새 라이선스 파일을 발급받습니다.\n3. `pilicmgr -import license.dat` 로 적용하고 PI Data Archive를 다시 시작합니다.'),
      en('How to activate a PI Server licence', 'Applying a PI Server licence file on a new or replaced server.', 'After a server replacement PI Data Archive warns that the **licence expired** and limits the point count.', '- PI Server 2018 SP3 or later\n- Windows Server 2019/2022', '1. On the new server create a **Machine Signature File (.msf)** with `pidiag -host`.\n2. Generate a new licence file from the portal’s licences page.\n3. Apply it with `pilicmgr -import license.dat` and restart PI Data Archive.'),
    ],
  },
  {
    products: ['PI Server'], visibility: 'public', daysAgo: 30, views: 87,
    translations: [
      ko('PI Data Archive 아카이브 백업 설정', '아카이브 파일을 매일 자동으로 백업하도록 설정합니다.', '아카이브 백업이 수동으로만 이루어져 장애 시 데이터 손실 위험이 큽니다.', 'PI Server 2023', '`piartool -backup` 작업을 **작업 스케줄러**에 등록하고 백업 경로를 별도 디스크로 지정합니다. 백업 주기는 1일을 권장합니다.'),
      en('Setting up PI Data Archive archive backups', 'Back up the archive files automatically every day.', 'Archive backups are only taken by hand, so a failure risks losing data.', 'PI Server 2023', 'Register a `piartool -backup` task in **Task Scheduler** and point the backup path at a separate disk. A daily backup is recommended.'),
    ],
  },
  {
    products: ['PI Server'], visibility: 'customers', daysAgo: 140, fromCase: '[이관] 아카이브 파일 손상 복구', views: 41,
    translations: [
      ko('아카이브 파일 손상 복구', '손상된 아카이브 파일을 복구하고 재발을 막는 방법입니다.', '아카이브 파일 손상으로 일부 기간 데이터가 조회되지 않습니다.', 'PI Server 2018 SP3', '`pidiag -ar` 로 아카이브를 복구하고 백업 주기를 1일로 변경했습니다.'),
      en('Recovering a corrupted archive file', 'Repair a corrupted archive file and keep it from happening again.', 'Data of some periods cannot be read because an archive file is corrupted.', 'PI Server 2018 SP3', 'Repair the archive with `pidiag -ar` and change the backup interval to one day.'),
    ],
  },
  {
    products: ['PI Vision'], visibility: 'customers', daysAgo: 5, views: 59, image: 'pi-vision-display-settings.png', votes: { up: ['super@a-petrochem.example'] },
    translations: [
      ko('PI Vision 디스플레이가 느리게 열릴 때', '트렌드가 많은 디스플레이의 로딩 시간을 줄이는 설정입니다.', '트렌드가 20개 이상인 디스플레이가 Edge에서 30초 이상 걸려 열립니다.', 'PI Vision 2022, 2023 Patch 1', '디스플레이의 **데이터 업데이트 주기**를 5초 이상으로 늘리고, 트렌드를 여러 디스플레이로 나눕니다. 서버에서는 PI Vision 앱 풀의 메모리 제한을 확인하세요.'),
      en('When PI Vision displays open slowly', 'Settings that cut the load time of displays with many trends.', 'Displays with more than 20 trends take over 30 seconds to open in Edge.', 'PI Vision 2022, 2023 Patch 1', 'Raise the display’s **data update interval** to 5 seconds or more and split the trends over several displays. On the server, check the memory limit of the PI Vision application pool.'),
    ],
  },
  {
    products: ['PI Vision'], visibility: 'customers', daysAgo: 200, verified: 200, views: 23,
    translations: [ko('PI Vision 심볼에서 한글 레이블이 잘리는 문제', '다중 상태 심볼의 한글 레이블이 8자에서 잘리는 문제와 임시 해결책입니다.', '다중 상태 심볼에서 8자보다 긴 한글 레이블이 잘립니다.', 'PI Vision 2022', '레이블 대신 **텍스트 심볼**을 겹쳐 놓으면 됩니다. 다음 PI Vision 릴리스에서 수정될 예정입니다.')],
  },
  {
    products: ['PI Interfaces'], visibility: 'customers', daysAgo: 8, views: 76, votes: { up: ['partner@hanbit-eng.example'] },
    translations: [
      ko('OPC DA 인터페이스 버퍼링 설정', '네트워크 장애 중에도 데이터를 잃지 않도록 PI 버퍼 서브시스템을 설정합니다.', '네트워크가 끊긴 동안 인터페이스가 수집한 데이터가 PI Data Archive에 들어가지 않습니다.', 'PI Interface for OPC DA 2.7.1 이상', 'PI ICU에서 **Buffering** 을 켜고 버퍼 크기를 장애 시간에 맞게 늘립니다 (예: 10분 장애에 64 MB). 재연결 뒤 버퍼가 비워지는지 `pibufss -qs` 로 확인하세요.'),
      en('Buffering for the OPC DA interface', 'Set up the PI Buffer Subsystem so that no data is lost during network outages.', 'Data the interface collects while the network is down never reaches PI Data Archive.', 'PI Interface for OPC DA 2.7.1 or later', 'Turn on **Buffering** in PI ICU and size the buffer for the outage (e.g. 64 MB for a 10-minute outage). After reconnecting, check with `pibufss -qs` that the buffer drains.'),
    ],
  },
  {
    products: ['PI Interfaces'], visibility: 'customers', daysAgo: 20, verified: false, views: 12,
    translations: [ko('Modbus 인터페이스 연결 시간 초과', 'Modbus TCP 장비와의 연결이 자주 끊길 때 점검할 항목입니다.', 'Modbus 인터페이스 로그에 `connection timed out` 이 반복됩니다.', 'PI Interface for Modbus 2.8.0', '장비의 동시 연결 수 제한을 확인하고 인터페이스의 **/to** (타임아웃) 값을 5000 ms로 늘립니다.')],
  },
  {
    products: [], visibility: 'public', daysAgo: 3, views: 210,
    translations: [
      ko('원격지원 세션 연결 방법', '엔지니어가 보낸 원격지원 세션에 접속하는 방법입니다.', '엔지니어가 원격지원을 요청했지만 세션에 어떻게 접속하는지 모릅니다.', '', '1. 엔지니어가 알려준 **6자리 접속 번호**를 확인합니다.\n2. 원격지원 페이지에서 번호를 입력하고 프로그램을 실행합니다.\n3. 화면 공유 요청을 허용하면 세션이 시작됩니다.'),
      en('Joining a remote support session', 'How to join the remote support session an engineer sends you.', 'An engineer asked for a remote session and you do not know how to join it.', '', '1. Find the **6-digit session number** the engineer gave you.\n2. Enter it on the remote support page and run the program.\n3. Allow the screen-sharing request and the session starts.'),
    ],
  },
  {
    products: ['PI Server'], visibility: 'customers', daysAgo: 18, views: 33,
    translations: [
      ko('AF 이벤트 프레임 템플릿 내보내기와 가져오기', '다른 AF 데이터베이스로 이벤트 프레임 템플릿을 옮기는 방법입니다.', '운영 중인 AF 데이터베이스의 템플릿을 다른 데이터베이스에서 쓰고 싶습니다.', 'PI AF Server 2023', 'PI System Explorer에서 **File > Export to File** 로 XML을 내보낸 뒤 대상 데이터베이스에서 **Import from File** 로 가져옵니다.'),
      en('Exporting and importing AF event frame templates', 'Move event frame templates to another AF database.', 'You want to reuse the templates of a production AF database in another one.', 'PI AF Server 2023', 'In PI System Explorer use **File > Export to File** to write the XML, then **Import from File** in the target database.'),
    ],
  },
  {
    products: ['PI Server'], visibility: 'customers', daysAgo: 2, verified: false, views: 8,
    translations: [
      ko('PI Server 2024 SP1 업그레이드 전 점검 목록', '업그레이드 전에 확인해야 할 항목입니다.', '업그레이드 중 서비스가 시작되지 않는 경우가 있습니다.', 'PI Server 2018 SP3 → 2024 SP1', '- 아카이브 백업\n- .NET Framework 4.8 설치\n- 인터페이스 노드의 버퍼링 확인\n- 라이선스 파일 유효성 확인'),
      en('Checklist before upgrading to PI Server 2024 SP1', 'What to check before the upgrade.', 'Services sometimes fail to start during the upgrade.', 'PI Server 2018 SP3 → 2024 SP1', '- Back up the archives\n- Install .NET Framework 4.8\n- Check buffering on interface nodes\n- Check that the licence file is valid'),
    ],
  },
  {
    products: ['PI Server'], visibility: 'internal', daysAgo: 6, views: 4,
    translations: [ko('[내부] 라이선스 재발급 시 기존 키 폐기 절차', '엔지니어용: 라이선스를 다시 발급할 때 기존 키를 폐기하는 순서입니다.', '재발급 뒤 기존 키가 계속 활성 상태로 남습니다.', '', '라이선스 관리 콘솔에서 기존 키를 **폐기**한 뒤 새 키를 발급하고, 케이스에 폐기 일시를 기록합니다.')],
  },
  {
    products: ['PI Vision'], visibility: 'customers', daysAgo: 1, verified: false,
    translations: [en('Clearing the PI Vision 2023 Patch 1 cache', 'Draft: steps still being checked.', 'Old symbols show after the upgrade.', 'PI Vision 2023 Patch 1', 'Recycle the application pool and clear the browser cache.', 'draft')],
  },
  // The manual's own example searches (seed 000, 통합 검색): "download" and "customer portal" among the articles.
  {
    products: [], visibility: 'public', daysAgo: 20, views: 212,
    translations: [
      ko('포털에서 소프트웨어 다운로드 방법', '지원 계약이 있는 사이트의 제품 설치 파일과 매뉴얼을 내려받는 방법입니다.', '설치 파일을 어디서 받는지 모르거나 다운로드 버튼이 보이지 않습니다.', '고객 포털', '1. **제품** 메뉴에서 사이트와 제품을 고릅니다.\n2. 버전을 고르고 파일의 **다운로드(download)** 를 누릅니다.\n3. 버튼이 없으면 사이트의 지원 계약이 끝났는지 확인하세요. 유예 기간이 지나면 다운로드할 수 없습니다.'),
      en('How to download software from the portal', 'Downloading installers and manuals for the products of a site with a support contract.', 'You cannot find where to download an installer, or the download button is missing.', 'Customer portal', '1. Open **Products** and pick the site and product.\n2. Pick the version and press **Download** next to the file.\n3. No button? Check whether the site’s support contract ended: past its grace period, downloads stop.'),
    ],
  },
  {
    products: [], visibility: 'customers', daysAgo: 45, views: 96,
    translations: [
      ko('고객 포털 자주 묻는 질문 (FAQ)', '고객 포털 가입, 팀원 초대, 케이스 등록에 대한 자주 묻는 질문입니다.', '고객 포털을 처음 쓰는 분들이 자주 묻는 내용입니다.', '고객 포털', '- **가입**: 회사 이메일로 가입하고 메일의 링크로 인증합니다.\n- **팀원**: 소유자와 관리자가 팀 메뉴에서 초대합니다.\n- **케이스**: 케이스 메뉴의 새 케이스에서 사이트, 분류, 제품을 고르고 등록합니다.'),
      en('Customer portal FAQ', 'Common questions about signing up, inviting your team and opening cases in the customer portal.', 'What people new to the customer portal ask most.', 'Customer portal', '- **Sign up** with your work email and verify it from the link in the email.\n- **Team**: owners and admins invite people from the Team page.\n- **Cases**: choose New case on the Cases page, then the site, category and product.'),
    ],
  },
];

/**
 * The demo's knowledge base (issue 7), written by the demo engineer, with votes from the demo's
 * members; then the whole search index is built from the demo data (catalog, cases, articles).
 */
export async function loadDemoKnowledge(tx: ServiceContext, people: Map<string, string>): Promise<void> {
  const now = tx.clock.now().getTime();
  const at = (daysAgo: number) => new Date(now - daysAgo * DAY_MS);
  const engineerId = people.get(ENGINEER)!;
  const productRows = await tx.db.select({ id: products.id, name: products.name }).from(products);
  for (const spec of ARTICLES) {
    const source = spec.fromCase ? (await tx.db.select().from(cases).where(eq(cases.subject, spec.fromCase)).limit(1))[0] : undefined;
    const verified = spec.verified === false ? false : at(spec.verified ?? spec.daysAgo);
    const article = await buildArticle(tx, {
      visibility: spec.visibility,
      productIds: spec.products.map((name) => productRows.find((p) => p.name === name)!.id),
      translations: spec.translations.map((t) => ({ ...t, updatedAt: at(spec.daysAgo) })),
      verified,
      sourceCaseId: source?.id ?? null,
      createdBy: engineerId,
      createdAt: at(spec.daysAgo + 2),
      viewCount: spec.views ?? 0,
    });
    if (verified) await tx.db.update(articles).set({ verifiedBy: engineerId }).where(eq(articles.id, article.id));
    await tx.db.update(articleTranslations).set({ updatedBy: engineerId }).where(eq(articleTranslations.articleId, article.id));
    if (source) {
      const title = spec.translations.find((t) => t.language === source.language)?.title ?? spec.translations[0]!.title;
      await tx.db.insert(caseLinks).values({ caseId: source.id, kind: 'article', targetId: article.id, title, addedBy: engineerId, createdAt: at(spec.daysAgo + 2) });
    }
    const up = (spec.votes?.up ?? []).map((email) => people.get(email)!);
    const down = (spec.votes?.down ?? []).map((email) => people.get(email)!);
    const votes = [...up.map((userId) => ({ userId, value: 1 })), ...down.map((userId) => ({ userId, value: -1 }))];
    if (votes.length) {
      await tx.db.insert(articleVotes).values(votes.map((v) => ({ articleId: article.id, ...v, createdAt: at(spec.daysAgo), updatedAt: at(spec.daysAgo) })));
      await tx.db.update(articles).set({ helpfulCount: up.length, notHelpfulCount: down.length }).where(eq(articles.id, article.id));
    }
    if (spec.image) {
      const staged = await tx.blobs.stage(Readable.from([PNG]), { maxBytes: tx.config.caseAttachmentMaxBytes });
      await staged.commit();
      await tx.db.insert(articleAttachments).values({ articleId: article.id, fileName: spec.image, contentType: 'image/png', size: staged.size, sha256: staged.sha256, uploadedBy: engineerId, createdAt: at(spec.daysAgo) });
    }
  }
  await rebuildSearchIndex(tx);
}
