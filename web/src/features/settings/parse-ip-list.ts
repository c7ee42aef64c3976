export interface ParsedIpList {
  /** The entries, trimmed, without blank lines. */
  entries: string[];
  /** For each entry, its line in the text (1-based), to point at it in error messages. */
  lines: number[];
  /** The entries that are not an address, a CIDR block or a trailing IPv4 wildcard. */
  invalid: { line: number; value: string }[];
  /** The entries that repeat an earlier one (compared without case, as the server does), with its line. */
  duplicates: { line: number; value: string; firstLine: number }[];
}

const ipv4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})(?:\/(\d{1,2}))?$/;
const ipv4Wildcard = /^\d{1,3}(\.(\d{1,3}|\*)){3}$/;
const ipv6 = /^([0-9a-fA-F:]+:[0-9a-fA-F:.]*)(?:\/(\d{1,3}))?$/;

const isOctet = (part: string) => Number(part) <= 255;

/**
 * True for one allowed-IP entry as the server accepts it (common/schemas/settings.ts `IpRule`): an
 * address (`203.0.113.7`, `2001:db8::1`), a CIDR block (`10.0.0.0/8`) or an IPv4 wildcard where `*`
 * stands for whole trailing octets (`192.168.1.*`, `10.*.*.*`).
 */
export function isIpRule(value: string): boolean {
  const v4 = ipv4.exec(value);
  if (v4) return v4.slice(1, 5).every((part) => isOctet(part ?? '')) && (v4[5] === undefined || Number(v4[5]) <= 32);
  if (ipv4Wildcard.test(value)) {
    const parts = value.split('.');
    const firstWildcard = parts.indexOf('*');
    return parts.every((part, index) => (index < firstWildcard ? isOctet(part) : part === '*'));
  }
  const v6 = ipv6.exec(value);
  return Boolean(v6) && value.length <= 64 && (v6?.[2] === undefined || Number(v6[2]) <= 128);
}

/** Reads an allowed-IP textarea: one entry per line, blank lines ignored; an empty list allows every address. */
export function parseIpList(text: string): ParsedIpList {
  const result: ParsedIpList = { entries: [], lines: [], invalid: [], duplicates: [] };
  const firstLines = new Map<string, number>();
  text.split(/\r?\n/).forEach((raw, index) => {
    const value = raw.trim();
    if (!value) return;
    const line = index + 1;
    result.entries.push(value);
    result.lines.push(line);
    if (!isIpRule(value)) result.invalid.push({ line, value });
    const firstLine = firstLines.get(value.toLowerCase());
    if (firstLine === undefined) firstLines.set(value.toLowerCase(), line);
    else result.duplicates.push({ line, value, firstLine });
  });
  return result;
}
