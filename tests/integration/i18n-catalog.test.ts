// The web UI's message catalogs (web/src/i18n/areas): every language has every key, no message is
// empty, a translation uses the same {placeholders} as English, and every error code the server can
// send has a message in the errors area. Missing keys are also type errors (defineMessages); this
// catches what types cannot (empty strings, placeholders, codes the server added).
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";

type Message = string | Record<string, string>;
type Area = Record<string, Record<string, Message>>;

const AREAS_DIR = join(process.cwd(), "web/src/i18n/areas");
const LOCALES = ["en", "es", "de", "fr", "pt-BR"];

async function loadAreas(): Promise<[string, Area][]> {
  const files = readdirSync(AREAS_DIR).filter((f) => f.endsWith(".ts"));
  const out: [string, Area][] = [];
  for (const f of files) {
    // A file URL: the web's modules are not part of the server's TypeScript project.
    const mod = (await import(pathToFileURL(join(AREAS_DIR, f)).href)) as { default: Area };
    out.push([f, mod.default]);
  }
  return out;
}

function placeholders(msg: Message): string[] {
  const texts = typeof msg === "string" ? [msg] : Object.values(msg);
  return [...new Set(texts.flatMap((s) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1] ?? "")))].sort();
}

function texts(msg: Message): string[] {
  return typeof msg === "string" ? [msg] : Object.values(msg);
}

describe("web message catalogs", () => {
  it("every area is listed in catalog.ts", () => {
    const catalog = readFileSync(join(AREAS_DIR, "../catalog.ts"), "utf8");
    for (const f of readdirSync(AREAS_DIR).filter((x) => x.endsWith(".ts"))) {
      expect(catalog, `${f} is not imported in catalog.ts`).toContain(`./areas/${f.replace(/\.ts$/, "")}"`);
    }
  });

  it("every language has every key, no empty message, the same placeholders as English", async () => {
    const areas = await loadAreas();
    expect(areas.length).toBeGreaterThan(5);
    const seen = new Map<string, string>();
    for (const [file, area] of areas) {
      expect(Object.keys(area).sort(), file).toEqual([...LOCALES].sort());
      const en = area.en ?? {};
      const prefix = file.replace(/\.ts$/, "");
      for (const key of Object.keys(en)) {
        expect(key.startsWith(`${prefix}.`), `${file}: ${key} should start with ${prefix}.`).toBe(true);
        expect(seen.get(key), `${key} is in ${seen.get(key)} and ${file}`).toBeUndefined();
        seen.set(key, file);
      }
      for (const loc of LOCALES) {
        const cat = area[loc] ?? {};
        expect(Object.keys(cat).sort(), `${file} ${loc}: keys`).toEqual(Object.keys(en).sort());
        for (const [key, msg] of Object.entries(cat)) {
          for (const text of texts(msg)) expect(text.trim(), `${file} ${loc} ${key} is empty`).not.toBe("");
          if (typeof msg !== "string")
            expect(msg.other, `${file} ${loc} ${key}: plural needs other`).toBeTruthy();
          expect(placeholders(msg), `${file} ${loc} ${key}: placeholders`).toEqual(
            placeholders(en[key] ?? ""),
          );
        }
      }
    }
  });

  it("every error code the server sends has a message in the errors area", async () => {
    const errors = (await loadAreas()).find(([f]) => f === "errors.ts")?.[1].en ?? {};
    const codes = serverErrorCodes();
    expect(codes.size).toBeGreaterThan(80);
    const missing = [...codes].filter((c) => !(`errors.${c}` in errors));
    expect(missing, "add these codes to web/src/i18n/areas/errors.ts").toEqual([]);
  });
});

const ERROR_CLASSES =
  "Invalid|Unauthorized|PaymentRequired|Forbidden|NotFound|Conflict|TooLarge|UnsupportedMediaType|" +
  "TooManyRequests|UpstreamFailed|Unavailable|LegallyUnavailable";

/** The codes in `new Conflict(…, "code")` and `code: "…"` across the server's source. */
function serverErrorCodes(): Set<string> {
  const codes = new Set([
    "invalid_request",
    "unauthorized",
    "forbidden",
    "not_found",
    "conflict",
    "internal",
  ]);
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const p = join(dir, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (p.endsWith(".ts") && !p.endsWith(".test.ts")) scan(readFileSync(p, "utf8"));
    }
  };
  const scan = (src: string) => {
    for (const m of src.matchAll(/code: "([a-z]+(?:_[a-z]+)*)", message:/g)) codes.add(m[1] ?? "");
    for (const m of src.matchAll(new RegExp(`new (?:${ERROR_CLASSES})\\(`, "g"))) {
      const args = balanced(src, (m.index ?? 0) + m[0].length);
      // The code is the last snake_case literal among the arguments (ternaries give two).
      const lits = [...args.matchAll(/"([a-z]+(?:_[a-z0-9]+)+|[a-z]+)"(?=\s*[,)?:]|\s*$)/g)].map(
        (x) => x[1] ?? "",
      );
      const snake = lits.filter((l) => l.includes("_") || /^(blocked|removed|muted)$/.test(l));
      for (const c of snake.slice(-2)) codes.add(c);
    }
  };
  walk(join(process.cwd(), "src"));
  return codes;
}

/** The text up to the parenthesis that closes the one just opened at `start`, strings skipped. */
function balanced(src: string, start: number): string {
  let depth = 1;
  let quote: string | null = null;
  let i = start;
  for (; i < src.length && depth > 0; i++) {
    const c = src[i];
    if (quote) {
      if (c === "\\") i++;
      else if (c === quote) quote = null;
    } else if (c === '"' || c === "'" || c === "`") quote = c;
    else if (c === "(" || c === "{" || c === "[") depth++;
    else if (c === ")" || c === "}" || c === "]") depth--;
  }
  return src.slice(start, i - 1);
}
