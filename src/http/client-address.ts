// Who a request comes from, for per-address limits and geo-blocking: the same answer for HTTP requests
// (app.ts) and /ws upgrades (ws.ts).
import type { AppContext } from "../context.ts";

/**
 * The address per-address limits count. Behind the trusted proxy it is the LAST X-Forwarded-For entry,
 * the one that proxy appended; entries before it are whatever the client sent, and anyone can send any.
 */
function clientAddress(
  ctx: Pick<AppContext, "config">,
  header: (name: string) => string | undefined,
  remote: () => string | undefined,
): string {
  if (ctx.config.server.trust_proxy) {
    const fwd = header("x-forwarded-for")?.split(",").at(-1)?.trim();
    if (fwd) return fwd;
  }
  return remote() ?? "unknown";
}

/** The client's address and country (null when unknown). */
export function clientOrigin(
  ctx: Pick<AppContext, "config" | "geo">,
  header: (name: string) => string | undefined,
  remote: () => string | undefined,
): { ip: string; country: string | null } {
  const ip = clientAddress(ctx, header, remote);
  return { ip, country: ctx.geo.countryOf({ ip, header }) };
}
