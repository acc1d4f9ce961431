// The outbound guard for requests the site makes to addresses its users chose (outgoing webhooks): which
// addresses are not public (private, loopback, link-local, unique-local, CGNAT, multicast, unspecified,
// reserved; IPv4 and IPv6, including IPv4 embedded in IPv6), and a `lookup` for node:http that resolves the
// name itself and hands the socket only an address it checked, so a name that resolves differently a
// second time (DNS rebinding) cannot slip a private address past the check.
import { lookup as dnsLookup, type LookupAddress } from "node:dns";
import { isIP, type LookupFunction } from "node:net";

/** [first address, prefix length] */
type Range = [string, number];

const V4_BLOCKED: Range[] = [
  ["0.0.0.0", 8], // "this network", unspecified
  ["10.0.0.0", 8],
  ["100.64.0.0", 10], // CGNAT
  ["127.0.0.0", 8],
  ["169.254.0.0", 16], // link-local (cloud metadata lives here)
  ["172.16.0.0", 12],
  ["192.0.0.0", 24],
  ["192.0.2.0", 24],
  ["192.88.99.0", 24],
  ["192.168.0.0", 16],
  ["198.18.0.0", 15],
  ["198.51.100.0", 24],
  ["203.0.113.0", 24],
  ["224.0.0.0", 4], // multicast
  ["240.0.0.0", 4], // reserved, broadcast
];

const V6_BLOCKED: Range[] = [
  ["::", 128], // unspecified
  ["::1", 128], // loopback
  ["100::", 64], // discard
  ["2001:db8::", 32], // documentation
  ["fc00::", 7], // unique-local
  ["fe80::", 10], // link-local
  ["fec0::", 10], // old site-local
  ["ff00::", 8], // multicast
];

function v4Bytes(ip: string): number[] {
  return ip.split(".").map(Number);
}

/** The 16 bytes of an IPv6 address (with a dotted IPv4 tail or `::`), or null. */
function v6Bytes(ip: string): number[] | null {
  let s = ip.toLowerCase();
  const zone = s.indexOf("%");
  if (zone >= 0) s = s.slice(0, zone);
  let tail: number[] = [];
  const lastColon = s.lastIndexOf(":");
  if (s.slice(lastColon + 1).includes(".")) {
    const v4 = s.slice(lastColon + 1);
    if (isIP(v4) !== 4) return null;
    tail = v4Bytes(v4);
    s = s.slice(0, lastColon + 1) + "0:0";
  }
  const halves = s.split("::");
  if (halves.length > 2) return null;
  const part = (h: string) => (h === "" ? [] : h.split(":"));
  const head = part(halves[0]!);
  const rest = halves.length === 2 ? part(halves[1]!) : [];
  const missing = 8 - head.length - rest.length;
  if (missing < 0 || (halves.length === 1 && missing !== 0)) return null;
  const groups = [...head, ...Array<string>(missing).fill("0"), ...rest];
  const bytes: number[] = [];
  for (const g of groups) {
    const n = parseInt(g, 16);
    if (!/^[0-9a-f]{1,4}$/.test(g) || Number.isNaN(n)) return null;
    bytes.push(n >> 8, n & 0xff);
  }
  if (tail.length) bytes.splice(12, 4, ...tail);
  return bytes;
}

function inRange(bytes: number[], range: Range, toBytes: (s: string) => number[] | null): boolean {
  const base = toBytes(range[0])!;
  let bits = range[1];
  for (let i = 0; bits > 0; i++, bits -= 8) {
    const mask = bits >= 8 ? 0xff : (0xff << (8 - bits)) & 0xff;
    if ((bytes[i]! & mask) !== (base[i]! & mask)) return false;
  }
  return true;
}

/**
 * Why `ip` is not a public address ("loopback", "private"…), or null when it is public. IPv4 carried in
 * IPv6 (mapped `::ffff:a.b.c.d`, compatible, NAT64 `64:ff9b::/96`, 6to4 `2002::/16`) is judged as IPv4.
 */
export function nonPublicReason(ip: string): string | null {
  const family = isIP(ip.split("%")[0]!);
  if (family === 4) {
    const b = v4Bytes(ip);
    const hit = V4_BLOCKED.find((r) => inRange(b, r, v4Bytes));
    if (!hit) return null;
    const [first] = hit;
    if (first === "127.0.0.0") return "loopback";
    if (first === "169.254.0.0") return "link-local";
    if (first === "100.64.0.0") return "carrier-grade NAT";
    if (first === "224.0.0.0") return "multicast";
    if (first === "0.0.0.0") return "unspecified";
    if (["10.0.0.0", "172.16.0.0", "192.168.0.0"].includes(first)) return "private";
    return "reserved";
  }
  if (family !== 6) return "not an IP address";
  const b = v6Bytes(ip);
  if (!b) return "not an IP address";
  const embedded = (from: number) => nonPublicReason(b.slice(from, from + 4).join("."));
  const zeros = (n: number) => b.slice(0, n).every((x) => x === 0);
  if (zeros(10) && b[10] === 0xff && b[11] === 0xff) return embedded(12); // ::ffff:a.b.c.d
  if (zeros(12) && !(b[12] === 0 && b[13] === 0 && b[14] === 0 && (b[15] ?? 0) <= 1)) return embedded(12);
  if (inRange(b, ["64:ff9b::", 96], v6Bytes)) return embedded(12);
  if (b[0] === 0x20 && b[1] === 0x02) return embedded(2);
  const hit = V6_BLOCKED.find((r) => inRange(b, r, v6Bytes));
  if (!hit) return null;
  const [first] = hit;
  if (first === "::1") return "loopback";
  if (first === "::") return "unspecified";
  if (first === "fe80::") return "link-local";
  if (first === "fc00::") return "unique-local";
  if (first === "ff00::") return "multicast";
  return "reserved";
}

/** An address the guard refused; `code` is the API's error code. */
export class RefusedAddress extends Error {
  readonly code = "address_not_allowed";
  constructor(
    readonly host: string,
    readonly address: string,
    readonly reason: string,
  ) {
    super(
      address === host
        ? `${address} is a ${reason} address; only public addresses receive webhooks.`
        : `${host} resolves to ${address}, a ${reason} address; only public addresses receive webhooks.`,
    );
  }
}

export type Resolver = (host: string) => Promise<LookupAddress[]>;

/** The system resolver (getaddrinfo: /etc/hosts, then DNS), every address of the name. */
export const systemResolver: Resolver = (host) =>
  new Promise((ok, fail) =>
    dnsLookup(host, { all: true, verbatim: true }, (err, addrs) => (err ? fail(err) : ok(addrs))),
  );

/** URL hosts come bracketed for IPv6 (`[::1]`). */
const bare = (host: string) => (host.startsWith("[") && host.endsWith("]") ? host.slice(1, -1) : host);

/**
 * The addresses `host` resolves to, all of them checked: throws RefusedAddress when any is not public
 * (unless private ones are allowed). A literal address is checked as it is.
 */
export async function resolveChecked(
  host: string,
  opts: { allowPrivate: boolean; resolve?: Resolver },
): Promise<LookupAddress[]> {
  const name = bare(host);
  const family = isIP(name);
  const addrs = family ? [{ address: name, family }] : await (opts.resolve ?? systemResolver)(name);
  if (addrs.length === 0) throw new Error(`${name} does not resolve.`);
  if (!opts.allowPrivate) {
    for (const a of addrs) {
      const reason = nonPublicReason(a.address);
      if (reason) throw new RefusedAddress(name, a.address, reason);
    }
  }
  return addrs;
}

/**
 * A `lookup` for http.request / net.connect that resolves through resolveChecked, so the socket connects
 * to exactly the address that was checked. (A literal IP host skips `lookup`: check it with
 * resolveChecked before the request, as deliveries do.)
 */
export function checkedLookup(opts: { allowPrivate: boolean; resolve?: Resolver }): LookupFunction {
  return (hostname, options, callback) => {
    resolveChecked(hostname, opts).then(
      (addrs) => {
        const wanted = typeof options === "object" ? options.family : undefined;
        const pick = addrs.find((a) => !wanted || a.family === wanted) ?? addrs[0]!;
        if (typeof options === "object" && options.all) callback(null, [pick]);
        else callback(null, pick.address, pick.family);
      },
      (err: NodeJS.ErrnoException) => callback(err, "", 0),
    );
  };
}
