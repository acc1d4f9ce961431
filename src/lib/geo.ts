// Where a request comes from, as an ISO 3166-1 alpha-2 country, for creators' geo-blocking. Two sources,
// both chosen by the operator ([geo] in the config):
//   - `country_header`: a header a trusted proxy or CDN sets (CF-IPCountry, nginx's geoip2 module). It is
//     read only when configured, since anyone can send any header to a site that is reached directly.
//   - `database`: a MaxMind GeoLite2/GeoIP2 Country .mmdb, read with the maxmind package's Reader. It is
//     read once, and read again when the file changes (a monthly geoipupdate replaces it); a file that
//     cannot be read keeps the previous one.
// The header wins when it names a country; otherwise the database is asked. Unknown stays unknown (null):
// a creator's block applies only where the country is known.
import { readFileSync, statSync, unwatchFile, watchFile } from "node:fs";
import { Reader, type CountryResponse } from "maxmind";
import { countryCode } from "./countries.ts";
import type { Logger } from "./logger.ts";

export interface GeoSettings {
  database: string;
  country_header: string;
}

/** What the lookup reads of a request. */
export interface GeoRequest {
  /** The client's address as the app takes it (the trusted proxy's X-Forwarded-For, or the socket). */
  ip: string;
  header(name: string): string | undefined;
}

export interface GeoLookup {
  /** The request's country (upper-case alpha-2), or null when no source knows it. */
  countryOf(req: GeoRequest): string | null;
  /** Which sources are configured (for readiness and doctor). */
  readonly sources: { database: string | null; header: string | null };
  /** Stops watching the database file. */
  close(): void;
}

/** How often the database file's modification time is looked at (a stat call). */
const WATCH_INTERVAL_MS = 2000;

/** IPv4 as the socket reports it on a dual-stack listener (::ffff:a.b.c.d) is looked up as IPv4. */
const plainIp = (ip: string) => (ip.startsWith("::ffff:") && ip.includes(".") ? ip.slice(7) : ip);

export function createGeoLookup(settings: GeoSettings, logger: Logger): GeoLookup {
  const header = settings.country_header.trim().toLowerCase() || null;
  const path = settings.database.trim() || null;
  let reader: Reader<CountryResponse> | null = null;

  const load = (why: "open" | "reload") => {
    try {
      reader = new Reader<CountryResponse>(readFileSync(path!));
      logger.info("geo database loaded", { path, why, built: reader.metadata.buildEpoch.toISOString() });
    } catch (err) {
      // At start a broken file is a configuration error worth seeing; on reload the old data stays.
      logger.error("geo database could not be read", { path, why, err: String(err) });
    }
  };

  if (path) {
    load("open");
    let last = statSync(path, { throwIfNoEntry: false })?.mtimeMs ?? 0;
    watchFile(path, { persistent: false, interval: WATCH_INTERVAL_MS }, (cur) => {
      // A replaced file (rename over it) or a rewritten one; a removed file keeps the loaded data.
      if (cur.mtimeMs === 0 || cur.mtimeMs === last) return;
      last = cur.mtimeMs;
      load("reload");
    });
  }

  return {
    sources: { database: path, header },
    countryOf(req) {
      if (header) {
        const fromHeader = countryCode(req.header(header));
        if (fromHeader) return fromHeader;
      }
      if (!reader || !req.ip || req.ip === "unknown") return null;
      try {
        const rec = reader.get(plainIp(req.ip));
        return countryCode(rec?.country?.iso_code ?? rec?.registered_country?.iso_code);
      } catch {
        return null; // not an address the database can parse
      }
    },
    close() {
      if (path) unwatchFile(path);
    },
  };
}
