// A minimal MaxMind DB writer (format 2.0, https://maxmind.github.io/MaxMind-DB/) so the geo tests can
// build a small GeoLite2-Country-shaped database: an IPv6 search tree with IPv4 under ::/96, 24-bit
// records, a data section of maps, strings and unsigned integers, and the metadata map after
// "\xAB\xCD\xEFMaxMind.com".
import { isIPv4, isIPv6 } from "node:net";

type Value = string | number | bigint | Value[] | { [k: string]: Value };

/** Encodes a control byte (type, size) and returns it with its extended bytes. */
function control(type: number, size: number): Buffer {
  const head: number[] = [];
  let sizeBits: number;
  const ext: number[] = [];
  if (size < 29) sizeBits = size;
  else if (size < 29 + 256) {
    sizeBits = 29;
    ext.push(size - 29);
  } else if (size < 285 + 65536) {
    sizeBits = 30;
    const s = size - 285;
    ext.push(s >> 8, s & 0xff);
  } else {
    sizeBits = 31;
    const s = size - 65821;
    ext.push((s >> 16) & 0xff, (s >> 8) & 0xff, s & 0xff);
  }
  if (type <= 7) head.push((type << 5) | sizeBits);
  else head.push(sizeBits, type - 7); // extended type: 0 in the top bits, the type - 7 next
  return Buffer.from([...head, ...ext]);
}

function uintBytes(n: bigint): Buffer {
  const out: number[] = [];
  while (n > 0n) {
    out.unshift(Number(n & 0xffn));
    n >>= 8n;
  }
  return Buffer.from(out);
}

function encode(v: Value): Buffer {
  if (typeof v === "string") {
    const b = Buffer.from(v, "utf8");
    return Buffer.concat([control(2, b.length), b]);
  }
  if (typeof v === "number" || typeof v === "bigint") {
    const n = BigInt(v);
    const b = uintBytes(n);
    // uint16 (5), uint32 (6), uint64 (9)
    const type = n < 1n << 16n ? 5 : n < 1n << 32n ? 6 : 9;
    return Buffer.concat([control(type, b.length), b]);
  }
  if (Array.isArray(v)) return Buffer.concat([control(11, v.length), ...v.map(encode)]);
  const entries = Object.entries(v);
  return Buffer.concat([control(7, entries.length), ...entries.flatMap(([k, x]) => [encode(k), encode(x)])]);
}

/** The 128 bits of an address (IPv4 as ::a.b.c.d, i.e. under ::/96) and the prefix length in that tree. */
function bitsOf(cidr: string): { bits: number[]; length: number } {
  const [addr, len] = cidr.split("/") as [string, string | undefined];
  const bytes: number[] = new Array(16).fill(0);
  let prefix: number;
  if (isIPv4(addr)) {
    addr.split(".").forEach((p, i) => (bytes[12 + i] = Number(p)));
    prefix = 96 + Number(len ?? 32);
  } else if (isIPv6(addr)) {
    const [head, tail] = addr.split("::") as [string, string | undefined];
    const h = head ? head.split(":") : [];
    const t = tail ? tail.split(":") : [];
    const groups = [...h, ...new Array(8 - h.length - t.length).fill("0"), ...t];
    groups.forEach((g, i) => {
      const n = parseInt(g, 16);
      bytes[i * 2] = n >> 8;
      bytes[i * 2 + 1] = n & 0xff;
    });
    prefix = Number(len ?? 128);
  } else throw new Error(`not an address: ${addr}`);
  const bits: number[] = [];
  for (let i = 0; i < 128; i++) bits.push((bytes[i >> 3]! >> (7 - (i & 7))) & 1);
  return { bits, length: prefix };
}

interface Node {
  kids: [Node | number | null, Node | number | null];
}

/**
 * A GeoLite2-Country-like database: each network (CIDR, IPv4 or IPv6) to an ISO country code.
 * `{ "127.0.0.2/32": "DE" }`.
 */
export function buildCountryMmdb(networks: Record<string, string>): Buffer {
  // The data section: one record per distinct country.
  const dataParts: Buffer[] = [];
  const offsets = new Map<string, number>();
  let dataSize = 0;
  for (const iso of new Set(Object.values(networks))) {
    const rec = encode({
      continent: { code: "EU", names: { en: "Europe" } },
      country: { iso_code: iso, names: { en: iso } },
    });
    offsets.set(iso, dataSize);
    dataParts.push(rec);
    dataSize += rec.length;
  }
  const root: Node = { kids: [null, null] };
  for (const [cidr, iso] of Object.entries(networks)) {
    const { bits, length } = bitsOf(cidr);
    let node = root;
    for (let depth = 0; depth < length - 1; depth++) {
      const b = bits[depth]!;
      let next = node.kids[b];
      if (typeof next !== "object" || next === null) {
        next = { kids: [null, null] };
        node.kids[b] = next;
      }
      node = next;
    }
    node.kids[bits[length - 1]!] = offsets.get(iso)!; // a data offset (number)
  }
  // Number the nodes breadth-first (root = 0).
  const order: Node[] = [];
  const queue: Node[] = [root];
  while (queue.length) {
    const n = queue.shift()!;
    order.push(n);
    for (const k of n.kids) if (k !== null && typeof k === "object") queue.push(k);
  }
  const index = new Map(order.map((n, i) => [n, i]));
  const nodeCount = order.length;
  const tree = Buffer.alloc(nodeCount * 6);
  const recordOf = (k: Node | number | null): number =>
    k === null ? nodeCount : typeof k === "number" ? nodeCount + 16 + k : index.get(k)!;
  order.forEach((n, i) => {
    tree.writeUIntBE(recordOf(n.kids[0]), i * 6, 3);
    tree.writeUIntBE(recordOf(n.kids[1]), i * 6 + 3, 3);
  });
  const metadata = encode({
    binary_format_major_version: 2,
    binary_format_minor_version: 0,
    build_epoch: BigInt(Math.floor(Date.now() / 1000)),
    database_type: "GeoLite2-Country",
    description: { en: "Fanz test database" },
    ip_version: 6,
    languages: ["en"],
    node_count: nodeCount,
    record_size: 24,
  });
  return Buffer.concat([
    tree,
    Buffer.alloc(16),
    ...dataParts,
    Buffer.from("abcdef4d61784d696e642e636f6d", "hex"),
    metadata,
  ]);
}
