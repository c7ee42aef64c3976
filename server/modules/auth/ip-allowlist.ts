import { BlockList, isIP } from 'node:net';
import type { SecuritySettings } from '../../../common/schemas/settings';
import type { StaffRole } from '../../../common/permissions';
import type { ServiceContext } from '../../platform/context';
import { AppError } from '../../platform/errors';
import { getSetting } from '../settings/settings.service';

/** Turns `192.168.1.*` into `192.168.1.0/24` (a `*` stands for whole trailing octets). */
function wildcardToCidr(rule: string): string | null {
  const parts = rule.split('.');
  const firstStar = parts.indexOf('*');
  if (firstStar === -1) return null;
  if (parts.slice(firstStar).some((p) => p !== '*')) return null;
  const fixed = parts.slice(0, firstStar);
  return `${[...fixed, ...Array(4 - fixed.length).fill('0')].join('.')}/${fixed.length * 8}`;
}

const compiled = new WeakMap<readonly string[], BlockList>();

/** Compiles allowed-IP rules (address, CIDR, IPv4 wildcard) into a BlockList; throws on a bad rule. */
export function compileIpRules(rules: readonly string[]): BlockList {
  const cached = compiled.get(rules);
  if (cached) return cached;
  const list = new BlockList();
  for (const raw of rules) {
    const rule = wildcardToCidr(raw.trim()) ?? raw.trim();
    const [address = '', prefix] = rule.split('/');
    const family = isIP(address);
    if (family === 0) throw new Error(`not an address: ${raw}`);
    const type = family === 4 ? 'ipv4' : 'ipv6';
    if (prefix === undefined) list.addAddress(address, type);
    else {
      const bits = Number(prefix);
      if (!Number.isInteger(bits) || bits < 0 || bits > (family === 4 ? 32 : 128)) throw new Error(`bad prefix: ${raw}`);
      list.addSubnet(address, bits, type);
    }
  }
  compiled.set(rules, list);
  return list;
}

/** True when the address is allowed by the rules; an empty list allows every address. */
export function isIpAllowed(rules: readonly string[], ip: string | null): boolean {
  if (rules.length === 0) return true;
  if (!ip) return false;
  const address = ip.startsWith('::ffff:') && isIP(ip.slice(7)) === 4 ? ip.slice(7) : ip;
  const family = isIP(address);
  if (family === 0) return false;
  return compileIpRules(rules).check(address, family === 4 ? 'ipv4' : 'ipv6');
}

/** Which list governs a staff role: agents have their own (seed 001: 상담원 허용 IP). */
export function allowlistFor(settings: SecuritySettings, staffRole: StaffRole | null): readonly string[] {
  if (!staffRole) return [];
  return staffRole === 'agent' ? settings.agentAllowedIps : settings.consoleAllowedIps;
}

/** Refuses vendor staff outside their allowed IPs (403 auth.ip_not_allowed); customers are not limited. */
export async function assertIpAllowed(ctx: ServiceContext, user: { staffRole: StaffRole | null }, ip: string | null): Promise<void> {
  if (!user.staffRole) return;
  const settings = await getSetting(ctx, 'security');
  if (!isIpAllowed(allowlistFor(settings, user.staffRole), ip)) throw new AppError('auth.ip_not_allowed', 403);
}
