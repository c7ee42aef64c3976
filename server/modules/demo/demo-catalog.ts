import { eq } from 'drizzle-orm';
import { productFamilies, releases } from '../../db/schema/index';
import type { ServiceContext } from '../../platform/context';
import {
  buildAgreement,
  buildBulletin,
  buildComponent,
  buildContract,
  buildEntitlement,
  buildProduct,
  buildRelease,
  buildReleaseFile,
  isoDateFrom,
} from '../../test/catalog-factories';

interface DemoProduct {
  name: string;
  family: string;
  description: string;
  components: string[];
  versions: string[];
}

const PRODUCTS: DemoProduct[] = [
  { name: 'PI Server', family: 'Storage', description: 'PI Data Archive와 Asset Framework로 공정 데이터를 저장합니다.', components: ['PI Data Archive', 'PI AF Server', 'PI AF Client'], versions: ['2018 SP3', '2023', '2024 SP1'] },
  { name: 'PI Vision', family: 'Visualization', description: '웹 브라우저에서 공정 데이터를 시각화합니다.', components: ['PI Vision Web Server'], versions: ['2022', '2023 Patch 1'] },
  { name: 'PI Interfaces', family: 'Collection', description: 'OPC DA, Modbus 등 현장 장비에서 데이터를 수집합니다.', components: ['PI Interface for OPC DA', 'PI Interface for Modbus'], versions: ['2.7.1', '2.8.0'] },
];

/** A tiny PDF, so the demo's manuals are what their type says. */
function demoPdf(title: string): Buffer {
  return Buffer.from(`%PDF-1.4\n% ${title} (demo)\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n`, 'utf8');
}

/**
 * The demo organization's catalog and holdings (issue 5): PI Server, PI Vision and PI Interfaces
 * with releases, files, notices and a licence agreement; 울산 1공장's contract in force,
 * 울산 2공장's within 90 days of its end, 여수 사이트's past its grace period.
 */
export async function loadDemoCatalog(tx: ServiceContext, organizationId: string, siteIds: Map<string, string>): Promise<void> {
  const families = await tx.db.select({ id: productFamilies.id, name: productFamilies.name }).from(productFamilies);
  const familyId = (name: string) => families.find((f) => f.name.en === name)?.id ?? families[0]!.id;
  const now = tx.clock.now();
  const productIds = new Map<string, string>();
  for (const spec of PRODUCTS) {
    const product = await buildProduct(tx, { name: spec.name, familyId: familyId(spec.family), description: spec.description });
    productIds.set(spec.name, product.id);
    for (const component of spec.components) await buildComponent(tx, { productId: product.id, name: component });
    await buildAgreement(tx, { productId: product.id, title: `${spec.name} 최종 사용자 라이선스 계약`, body: `${spec.name} 소프트웨어는 라이선스 보유 수량 안에서 계약한 사이트에서만 사용할 수 있습니다.\n\nThe ${spec.name} software may be used at the licensed site within the licensed quantity.` });
    for (const [index, version] of spec.versions.entries()) {
      const releasedOn = isoDateFrom(now, -400 * (spec.versions.length - 1 - index) - 20);
      const release = await buildRelease(tx, { productId: product.id, version, releasedOn, notes: `${spec.name} ${version} 릴리스 노트: 안정성 개선과 보안 업데이트.` });
      // Published on its release day, as a vendor would have: My feed lists only the last 90 days' releases, not the whole catalog as new.
      await tx.db.update(releases).set({ publishedAt: new Date(`${releasedOn}T01:00:00Z`) }).where(eq(releases.id, release.id));
      const slug = `${spec.name}_${version}`.replace(/\s+/g, '_');
      await buildReleaseFile(tx, { releaseId: release.id, resourceType: 'software', fileName: `${slug}_x64.exe`, content: Buffer.from(`MZ demo installer for ${spec.name} ${version}\n`) });
      await buildReleaseFile(tx, { releaseId: release.id, resourceType: 'manual', fileName: `${spec.name} ${version} 사용 설명서.pdf`, contentType: 'application/pdf', content: demoPdf(`${spec.name} ${version} manual`) });
      await buildReleaseFile(tx, { releaseId: release.id, resourceType: 'release_notes', fileName: `${slug}_release_notes.pdf`, contentType: 'application/pdf', content: demoPdf(`${spec.name} ${version} release notes`) });
    }
    await buildBulletin(tx, { productId: product.id, kind: 'notice', title: `${spec.name} 보안 업데이트 권고`, body: '최신 릴리스로 업데이트하세요.' });
    await buildBulletin(tx, { productId: product.id, kind: 'known_issue', title: `${spec.name}: 한글 경로에서 설치 로그가 깨지는 문제`, body: '영문 경로에 설치하면 피할 수 있습니다.' });
    await buildBulletin(tx, { productId: product.id, kind: 'document', title: `${spec.name} 설치 가이드 (한국어)`, body: '설치 전 시스템 요구 사항을 확인하세요.' });
  }
  // The manual's own example searches (seed 000, 통합 검색): "roadmap" and "korean 2017".
  await buildBulletin(tx, { productId: productIds.get('PI Server')!, kind: 'document', title: 'PI System 제품 로드맵 2027 (Product roadmap)', body: '2027년까지의 PI Server, PI Vision, PI Interfaces 출시 계획입니다. The release plan of PI Server, PI Vision and PI Interfaces through 2027.' });
  await buildBulletin(tx, { productId: productIds.get('PI Vision')!, kind: 'document', title: 'PI Vision 2017 R2 한글 매뉴얼 (Korean manual)', body: 'PI Vision 2017 R2 사용자 설명서의 한국어판입니다. The Korean edition of the PI Vision 2017 R2 user guide.' });
  const holdings: { site: string; endsInDays: number; products: [string, number][] }[] = [
    { site: '울산 1공장', endsInDays: 400, products: [['PI Server', 2], ['PI Vision', 25], ['PI Interfaces', 4]] },
    { site: '울산 2공장', endsInDays: 60, products: [['PI Server', 1], ['PI Interfaces', 2]] },
    { site: '여수 사이트', endsInDays: -45, products: [['PI Server', 1], ['PI Vision', 10]] },
  ];
  for (const holding of holdings) {
    const siteId = siteIds.get(holding.site)!;
    await buildContract(tx, { organizationId, siteId, endsInDays: holding.endsInDays, tier: holding.endsInDays > 100 ? 'premium' : 'standard' });
    for (const [name, quantity] of holding.products) await buildEntitlement(tx, { organizationId, siteId, productId: productIds.get(name)!, quantity });
  }
}

