// A person's sessions as the security page lists them: which device (a readable "Chrome on Linux" from
// the User-Agent), a coarse place (the address with its last part masked), when last seen, and which is
// this one; ending one of them, or all but this one.
import type { AppContext } from "../../context.ts";
import { NotFound } from "../../lib/errors.ts";
import type { SessionStore } from "./session-store.ts";
import type { SessionRow } from "./tables.ts";

/** What a request tells about the client that signs in: its address and User-Agent. */
export interface ClientInfo {
  ip: string | null;
  userAgent: string | null;
  /** ISO 3166-1 alpha-2, from [geo]; absent or null when unknown. */
  country?: string | null;
}

export interface SessionView {
  id: string;
  device: string;
  place: string | null;
  lastSeenAt: number;
  createdAt: number;
  current: boolean;
}

const BROWSERS: [RegExp, string][] = [
  [/\bEdg(e|A|iOS)?\//, "Edge"],
  [/\b(OPR|Opera)\//, "Opera"],
  [/\bSamsungBrowser\//, "Samsung Internet"],
  [/\bVivaldi\//, "Vivaldi"],
  [/\b(Firefox|FxiOS)\//, "Firefox"],
  [/\b(HeadlessChrome|Chrome|CriOS|Chromium)\//, "Chrome"],
  [/\bVersion\/[\d.]+.*\bSafari\//, "Safari"],
  [/\bcurl\//, "curl"],
  [/^node$|\bnode-fetch\b|\bundici\b/, "a Node.js client"],
];

const SYSTEMS: [RegExp, string][] = [
  [/\biPad\b/, "iPadOS"],
  [/\b(iPhone|iPod)\b/, "iOS"],
  [/\bAndroid\b/, "Android"],
  [/\bCrOS\b/, "ChromeOS"],
  [/\bWindows\b/, "Windows"],
  [/\bMac OS X\b|\bMacintosh\b/, "macOS"],
  [/\bLinux\b|\bX11\b/, "Linux"],
];

/** "Chrome on Linux", "Safari on iOS", "Firefox", "Unknown device". */
export function describeDevice(userAgent: string | null): string {
  if (!userAgent) return "Unknown device";
  const browser = BROWSERS.find(([re]) => re.test(userAgent))?.[1];
  const system = SYSTEMS.find(([re]) => re.test(userAgent))?.[1];
  if (browser && system) return `${browser} on ${system}`;
  return browser ?? (system ? `A browser on ${system}` : "Unknown device");
}

/** The address with its last part masked: "203.0.113.x", "2001:db8:85a3::x"; null when unknown. */
export function coarsePlace(ip: string | null): string | null {
  if (!ip || ip === "unknown") return null;
  const v4 = /^(?:::ffff:)?(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.\d{1,3}$/i.exec(ip);
  if (v4) return `${v4[1]}.${v4[2]}.${v4[3]}.x`;
  if (!ip.includes(":")) return null;
  // The first three groups of an IPv6 address (a site's /48) say about as much as an IPv4 /24.
  const [head = "", tail = ""] = ip.split("::");
  const groups = [...head.split(":").filter(Boolean)];
  if (groups.length < 3 && ip.includes("::")) {
    const rest = tail.split(":").filter(Boolean);
    const zeros = 8 - groups.length - rest.length;
    groups.push(...Array<string>(Math.max(0, zeros)).fill("0"), ...rest);
  }
  return `${groups.slice(0, 3).join(":")}::x`;
}

const regionNames = new Intl.DisplayNames(["en"], { type: "region" });

/** "Germany · 203.0.113.x": the country when [geo] knows it, and the masked address. */
export function placeOf(country: string | null, ip: string | null): string | null {
  let name: string | null = null;
  try {
    name = country ? (regionNames.of(country) ?? country) : null;
  } catch {
    name = country;
  }
  const masked = coarsePlace(ip);
  return [name, masked].filter(Boolean).join(" · ") || null;
}

export function presentSession(row: SessionRow, currentId: string | null): SessionView {
  return {
    id: row.id,
    device: describeDevice(row.userAgent),
    place: placeOf(row.country, row.ip),
    lastSeenAt: row.lastSeenAt ?? row.createdAt,
    createdAt: row.createdAt,
    current: row.id === currentId,
  };
}

export function createSessionList(ctx: AppContext, sessions: SessionStore) {
  return {
    /** The person's sessions that have not expired, the most recently used first. */
    async list(userId: string, currentId: string | null): Promise<SessionView[]> {
      const rows = await sessions.ofUser(userId, ctx.clock.now());
      return rows.map((r) => presentSession(r, currentId));
    },
    /** Ends one of the person's own sessions; someone else's (or one that is gone) is a 404. */
    async revoke(userId: string, sessionId: string): Promise<void> {
      const n = await ctx.db.write((tx) => sessions.removeOwn(tx, userId, sessionId));
      if (n === 0) throw new NotFound("Session");
    },
    /** Ends every session of the person but this one; answers how many. */
    revokeOthers: (userId: string, keepId: string): Promise<number> =>
      ctx.db.write((tx) => sessions.removeOthersOf(tx, userId, keepId)),
  };
}
