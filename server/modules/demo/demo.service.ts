import type { CustomerRole, StaffRole } from '../../../common/permissions';
import type { ServiceContext } from '../../platform/context';
import { buildMember, buildOrganization, buildSite, buildUser, DEFAULT_PASSWORD } from '../../test/factories';
import { findOrganizationByName, updateOrganization } from '../organizations/organizations.repository';
import { loadDemoCases } from './demo-cases';
import { loadDemoCatalog } from './demo-catalog';
import { loadDemoKnowledge } from './demo-knowledge';

export const DEMO_ORGANIZATION = 'A석유화학';
export const DEMO_PASSWORD = DEFAULT_PASSWORD;

interface DemoPerson { email: string; name: string; company: string; role?: CustomerRole; sites?: string[]; staffRole?: StaffRole }

const STAFF: DemoPerson[] = [
  // The vendor administrator: Settings, the catalog and everything else of the console.
  { email: 'admin@atrium.example', name: '오세훈', company: 'Atrium', staffRole: 'vendor_admin' },
  { email: 'support@atrium.example', name: '박지원', company: 'Atrium', staffRole: 'support_engineer' },
  { email: 'agent@atrium.example', name: '이상담', company: 'Atrium', staffRole: 'agent' },
  { email: 'am@atrium.example', name: '정영업', company: 'Atrium', staffRole: 'account_manager' },
];

const CUSTOMERS: DemoPerson[] = [
  { email: 'owner@a-petrochem.example', name: '김민준', company: 'A석유화학', role: 'owner' },
  { email: 'admin@a-petrochem.example', name: '이서연', company: 'A석유화학', role: 'admin' },
  { email: 'super@a-petrochem.example', name: '최도윤', company: 'A석유화학', role: 'super', sites: ['울산 1공장', '울산 2공장'] },
  { email: 'support@a-petrochem.example', name: '정하은', company: 'A석유화학', role: 'support', sites: ['여수 사이트'] },
  { email: 'download@a-petrochem.example', name: '강지호', company: 'A석유화학', role: 'download', sites: ['울산 1공장'] },
  { email: 'viewer@a-petrochem.example', name: '윤수아', company: 'A석유화학', role: 'viewer', sites: ['여수 사이트'] },
  // A partner's engineer from another company, limited to one site.
  { email: 'partner@hanbit-eng.example', name: '한태양', company: '한빛엔지니어링', role: 'support', sites: ['울산 2공장'] },
];

export interface DemoResult { created: boolean; organization: string; accounts: { email: string; role: string }[]; password: string }

/**
 * Fills the demo data set: the organization A석유화학 with its three sites, members of every role,
 * a partner's user and vendor staff, the catalog with each site's products and contracts (one
 * in force, one within 90 days of its end, one past its grace period), and cases in every status. Running it again changes nothing.
 */
export async function loadDemoData(ctx: ServiceContext): Promise<DemoResult> {
  const accounts = [...STAFF, ...CUSTOMERS].map((p) => ({ email: p.email, role: p.staffRole ?? p.role ?? '' }));
  if (await findOrganizationByName(ctx.db, DEMO_ORGANIZATION)) return { created: false, organization: DEMO_ORGANIZATION, accounts, password: DEMO_PASSWORD };
  await ctx.db.transaction(async (db) => {
    const tx = { ...ctx, db };
    // Every demo person's id by email (staff first, then the customers).
    const peopleIds = new Map<string, string>();
    for (const person of STAFF) peopleIds.set(person.email, (await buildUser(tx, { email: person.email, name: person.name, company: person.company, staffRole: person.staffRole ?? null })).id);
    const organization = await buildOrganization(tx, { name: DEMO_ORGANIZATION, notes: '여수·울산 공장 운영. 정기 점검은 분기별.' });
    // The account team shown on Contact us: the account manager and a support engineer as success manager.
    await updateOrganization(db, organization.id, { accountManagerId: peopleIds.get('am@atrium.example')!, successManagerId: peopleIds.get('support@atrium.example')! });
    const siteIds = new Map<string, string>();
    for (const name of ['여수 사이트', '울산 1공장', '울산 2공장']) siteIds.set(name, (await buildSite(tx, { organizationId: organization.id, name })).id);
    // A sub-site, like a My Systems folder inside a folder.
    await buildSite(tx, { organizationId: organization.id, name: '울산 1공장 변전실', parentId: siteIds.get('울산 1공장')! });
    for (const person of CUSTOMERS) {
      const user = await buildUser(tx, { email: person.email, name: person.name, company: person.company });
      peopleIds.set(person.email, user.id);
      await buildMember(tx, { organizationId: organization.id, userId: user.id, role: person.role!, siteIds: (person.sites ?? []).map((s) => siteIds.get(s)!) });
    }
    await loadDemoCatalog(tx, organization.id, siteIds);
    await loadDemoCases(tx, organization.id, siteIds, peopleIds);
    await loadDemoKnowledge(tx, peopleIds);
    const other = await buildOrganization(tx, { name: 'B전자' });
    await buildSite(tx, { organizationId: other.id, name: '구미 사업장' });
    const otherOwner = await buildUser(tx, { email: 'owner@b-elec.example', name: '오세훈', company: 'B전자' });
    await buildMember(tx, { organizationId: other.id, userId: otherOwner.id, role: 'owner' });
  });
  return { created: true, organization: DEMO_ORGANIZATION, accounts: [...accounts, { email: 'owner@b-elec.example', role: 'owner' }], password: DEMO_PASSWORD };
}
