// IP address parsing for the locality rules (spec §4), without node:net so browsers can run it.

export type ParsedAddress = { version: 4 | 6; bytes: number[] };

const IPV4_OCTET = /^(0|[1-9]\d{0,2})$/;
const IPV6_GROUP = /^[0-9a-f]{1,4}$/;

function parseIpv4Bytes(text: string): number[] | undefined {
  const parts = text.split(".");
  if (parts.length !== 4) return undefined;
  const bytes: number[] = [];
  for (const part of parts) {
    // Leading zeros are refused: some parsers read them as octal, so their meaning is unclear.
    if (!IPV4_OCTET.test(part)) return undefined;
    const value = Number(part);
    if (value > 255) return undefined;
    bytes.push(value);
  }
  return bytes;
}

function parseIpv6Groups(text: string): number[] | undefined {
  let body = text;
  const tail: number[] = [];
  // An embedded IPv4 tail (::ffff:127.0.0.1) stands for the last two groups.
  if (body.includes(".")) {
    const cut = body.lastIndexOf(":");
    const v4 = parseIpv4Bytes(body.slice(cut + 1));
    if (cut < 0 || !v4) return undefined;
    const [a = 0, b = 0, c = 0, d = 0] = v4;
    tail.push((a << 8) | b, (c << 8) | d);
    body = body.slice(0, cut + 1);
    if (body.endsWith(":") && !body.endsWith("::")) body = body.slice(0, -1);
  }
  const halves = body.split("::");
  if (halves.length > 2) return undefined;
  const toGroups = (half: string | undefined): number[] | undefined => {
    if (!half) return [];
    const groups = half.split(":");
    if (!groups.every((group) => IPV6_GROUP.test(group))) return undefined;
    return groups.map((group) => parseInt(group, 16));
  };
  const head = toGroups(halves[0]);
  const rest = toGroups(halves[1]);
  if (!head || !rest) return undefined;
  const given = head.length + rest.length + tail.length;
  if (halves.length === 1) return given === 8 ? [...head, ...tail] : undefined;
  if (given > 7) return undefined;
  return [...head, ...new Array<number>(8 - given).fill(0), ...rest, ...tail];
}

/** Parses an IPv4 or IPv6 literal (brackets, zone ids and case tolerated). */
export function parseIpAddress(raw: string | undefined): ParsedAddress | undefined {
  let text = (raw ?? "").trim().toLowerCase();
  if (text.startsWith("[") && text.endsWith("]")) text = text.slice(1, -1);
  const zone = text.indexOf("%");
  if (zone >= 0) text = text.slice(0, zone);
  if (!text) return undefined;
  if (!text.includes(":")) {
    const bytes = parseIpv4Bytes(text);
    return bytes ? { version: 4, bytes } : undefined;
  }
  const groups = parseIpv6Groups(text);
  if (!groups) return undefined;
  const isMapped = groups.slice(0, 5).every((g) => g === 0) && groups[5] === 0xffff;
  const bytes = groups.flatMap((g) => [g >> 8, g & 0xff]);
  return isMapped ? { version: 4, bytes: bytes.slice(12) } : { version: 6, bytes };
}

function isLoopbackParsed(address: ParsedAddress): boolean {
  const { bytes } = address;
  if (address.version === 4) return bytes[0] === 127;
  return bytes.slice(0, 15).every((b) => b === 0) && bytes[15] === 1;
}

/** 127.0.0.0/8, ::1 and ::ffff:127.x, bracketed or not. */
export function isLoopbackAddress(addr: string | undefined): boolean {
  const parsed = parseIpAddress(addr);
  return parsed ? isLoopbackParsed(parsed) : false;
}

/** Loopback, RFC 1918, link-local 169.254/16, CGNAT 100.64/10, IPv6 ULA fc00::/7 and fe80::/10. */
export function isPrivateOrLoopbackAddress(addr: string | undefined): boolean {
  const parsed = parseIpAddress(addr);
  if (!parsed) return false;
  if (isLoopbackParsed(parsed)) return true;
  const [a = -1, b = -1] = parsed.bytes;
  if (parsed.version === 4) {
    return (
      a === 10 ||
      (a === 172 && b >= 16 && b <= 31) ||
      (a === 192 && b === 168) ||
      (a === 169 && b === 254) ||
      (a === 100 && b >= 64 && b <= 127)
    );
  }
  return (a & 0xfe) === 0xfc || (a === 0xfe && (b & 0xc0) === 0x80);
}

/** Whether `addr` equals `entry`, or lies in it when `entry` is a CIDR block ("10.0.0.0/8"). */
export function addressMatches(addr: string | undefined, entry: string): boolean {
  const parsed = parseIpAddress(addr);
  const [base = "", prefixText] = entry.trim().split("/");
  const block = parseIpAddress(base);
  if (!parsed || !block || parsed.version !== block.version) return false;
  const width = parsed.bytes.length * 8;
  const prefix = prefixText === undefined ? width : Number(prefixText);
  if (!Number.isInteger(prefix) || prefix < 0 || prefix > width) return false;
  for (let bit = 0; bit < prefix; bit += 1) {
    const mask = 0x80 >> (bit % 8);
    const index = Math.floor(bit / 8);
    if (((parsed.bytes[index] ?? 0) & mask) !== ((block.bytes[index] ?? 0) & mask)) return false;
  }
  return true;
}
