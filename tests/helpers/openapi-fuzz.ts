// Values for the operations of the app's own OpenAPI document, from a seeded PRNG: plausible ones that follow
// each schema (so requests get past validation into the services), and hostile ones (wrong types, huge and
// deep values, injection strings, NUL, bidi and lone surrogates). Used by the contract fuzzing test and the
// sqlmap script; the same seed always gives the same values.
import type { Rng } from "./prng.ts";

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type Schema = Record<string, any>;
export interface OpenApiDocument {
  paths: Record<string, Record<string, any>>;
  components?: { schemas?: Record<string, Schema> };
}

/**
 * Strings that broke other systems: SQL and NoSQL injection, template and path tricks, header splitting,
 * control, bidi and zero-width characters, lone surrogates. None of them contains the words a leaked database
 * error or stack trace would (the test looks for those in answers, and these strings come back in posts).
 */
export const INJECTIONS: readonly string[] = [
  "' OR '1'='1",
  "' OR 1=1 --",
  '" OR ""="',
  "1; DROP TABLE users; --",
  "'); DELETE FROM posts; --",
  "' UNION SELECT password_hash, email FROM users --",
  "1' AND (SELECT 1 FROM (SELECT SLEEP(3))x) --",
  "1 AND pg_sleep(3) IS NULL",
  "'||(SELECT randomblob(100000000))||'",
  "admin'/*",
  "%' AND 1=1 AND '%'='",
  "\\'; --",
  '{"$gt": ""}',
  "$where: 1 == 1",
  "<script>alert(1)</script>",
  '"><img src=x onerror=alert(1)>',
  "javascript:alert(1)",
  "${7*7}",
  "{{7*7}}",
  "#{7*7}",
  "../../../../etc/passwd",
  "..%2f..%2f..%2fetc%2fpasswd",
  "....//....//etc/passwd",
  "C:\\Windows\\win.ini",
  "file:///etc/passwd",
  "\r\nSet-Cookie: fanz_session=x",
  "a\u0000b",
  "\u0000",
  "\u0000' OR 1=1",
  "\u202eevil.exe\u202c",
  "\u2066hidden\u2069",
  "\u200b\u200c\u200d\ufeff",
  "\u001b[31mred",
  "\ud800",
  "\udfff\ud800",
  "𝕏𝕏𝕏🏴‍☠️",
  "ﷺ".repeat(50),
  "Ç̵̢̡̛̛̜̗̹̮̝̗̫͓̣̰̪̳͖̹͇̈́͌͐̓̅̔̅̃̈́́̾̌̏͌̚͝",
  "__proto__",
  "constructor",
  "prototype",
  "toString",
  "NaN",
  "Infinity",
  "-1",
  "0",
  "-0",
  "1e309",
  "99999999999999999999999999999999",
  "0x7fffffffffffffff",
  "null",
  "undefined",
  "true",
  "[]",
  "{}",
  "",
  " ",
  "%",
  "%00",
  "%zz",
  "*",
  "?",
  "#",
  "/",
  "\\",
  "..",
  ".",
];

const ID_CHARS = "abcdefghijklmnopqrstuvwxyz234567";
export const randomId = (rnd: Rng) => Array.from({ length: 26 }, () => rnd.pick([...ID_CHARS])).join("");
const WORD = "abcdefghijklmnopqrstuvwxyz";
const word = (rnd: Rng, min: number, max: number) =>
  Array.from({ length: rnd.int(min, max) }, () => rnd.pick([...WORD])).join("");

/** Follows `$ref`s into the document's components. */
export function resolver(doc: OpenApiDocument) {
  return function resolve(schema: Schema | undefined): Schema {
    let s = schema ?? {};
    for (let hops = 0; typeof s.$ref === "string" && hops < 20; hops++) {
      const name = s.$ref.replace("#/components/schemas/", "");
      s = {
        ...doc.components?.schemas?.[name],
        ...Object.fromEntries(Object.entries(s).filter(([k]) => k !== "$ref")),
      };
    }
    return s;
  };
}

/** Real ids and names seen so far, by the kind of thing they came from (the path segment). */
export interface Pools {
  ids(kind: string): string[];
  names(): string[];
}

/** A value that follows `schema` (best effort), with real ids and usernames where a field names one. */
export function plausible(
  doc: OpenApiDocument,
  schema: Schema | undefined,
  rnd: Rng,
  pools: Pools,
  field = "",
  depth = 0,
): Json {
  const s = resolver(doc)(schema);
  if ("const" in s) return s.const as Json;
  if (Array.isArray(s.enum)) return rnd.pick(s.enum as Json[]);
  const branches = (s.anyOf ?? s.oneOf) as Schema[] | undefined;
  if (branches?.length) {
    const nonNull = branches.filter((b) => b.type !== "null");
    return plausible(
      doc,
      rnd.chance(0.9) && nonNull.length ? rnd.pick(nonNull) : rnd.pick(branches),
      rnd,
      pools,
      field,
      depth,
    );
  }
  if (Array.isArray(s.allOf))
    return plausible(doc, Object.assign({}, ...s.allOf.map(resolver(doc))), rnd, pools, field, depth);
  let type = s.type;
  if (Array.isArray(type))
    type =
      rnd.chance(0.9) && type.some((t) => t !== "null")
        ? rnd.pick(type.filter((t) => t !== "null"))
        : rnd.pick(type);
  if (!type && s.properties) type = "object";
  switch (type) {
    case "null":
      return null;
    case "boolean":
      return rnd.chance(0.5);
    case "integer":
    case "number": {
      const lo =
        typeof s.minimum === "number"
          ? s.minimum
          : typeof s.exclusiveMinimum === "number"
            ? s.exclusiveMinimum + 1
            : 0;
      const hi =
        typeof s.maximum === "number"
          ? s.maximum
          : typeof s.exclusiveMaximum === "number"
            ? s.exclusiveMaximum - 1
            : lo + 1000;
      // Small values are the interesting ones (prices, months, limits); the bounds too.
      const top = Math.min(hi, lo + rnd.pick([1, 10, 1000, 100000]));
      const n = rnd.chance(0.1) ? rnd.pick([lo, hi]) : rnd.int(Math.ceil(lo), Math.floor(top));
      return type === "integer" ? Math.trunc(n) : n;
    }
    case "array": {
      const min = s.minItems ?? 0;
      const max = Math.min(s.maxItems ?? 3, min + 3);
      if (depth > 6) return [];
      return Array.from({ length: rnd.int(min, Math.max(min, max)) }, () =>
        plausible(doc, s.items, rnd, pools, field, depth + 1),
      );
    }
    case "object": {
      const out: Record<string, Json> = {};
      if (depth > 6) return out;
      const required = new Set<string>(s.required ?? []);
      for (const [name, prop] of Object.entries<Schema>(s.properties ?? {})) {
        if (required.has(name) || rnd.chance(0.5))
          out[name] = plausible(doc, prop, rnd, pools, name, depth + 1);
      }
      return out;
    }
    case "string":
    default:
      return plausibleString(s, rnd, pools, field);
  }
}

function plausibleString(s: Schema, rnd: Rng, pools: Pools, field: string): string {
  const f = field.toLowerCase();
  if (s.pattern === "^[a-z2-7]{26}$" || /ids?$/.test(field)) {
    const real = pools.ids(f.replace(/ids?$/, "").replace(/s$/, ""));
    return real.length && rnd.chance(0.8) ? rnd.pick(real) : randomId(rnd);
  }
  if (/^(username|creator|to)$/.test(field) && s.format !== "email") {
    const names = pools.names();
    if (names.length && rnd.chance(0.8)) return rnd.pick(names);
  }
  switch (s.format) {
    case "email":
      return `${word(rnd, 3, 10)}@example.com`;
    case "uri":
      // Loopback only: a test sends nothing anywhere else.
      return `http://127.0.0.1:9/${word(rnd, 1, 8)}`;
    case "date":
      return `${rnd.int(1900, 2030)}-${String(rnd.int(1, 12)).padStart(2, "0")}-${String(rnd.int(1, 28)).padStart(2, "0")}`;
    case "date-time":
      return new Date(Date.UTC(2026, rnd.int(0, 11), rnd.int(1, 28), rnd.int(0, 23))).toISOString();
    case "binary":
      return word(rnd, 1, 20);
  }
  if (typeof s.pattern === "string" && /A-Za-z0-9_-/.test(s.pattern)) return word(rnd, 8, 40);
  if (/cents|amount/i.test(field)) return String(rnd.int(1, 5000));
  const min = s.minLength ?? 1;
  const max = Math.max(min, Math.min(s.maxLength ?? 24, 40));
  return word(rnd, min, max);
}

/** A hostile value of any type: the thing a careless handler would choke on. */
export function hostile(rnd: Rng): Json {
  switch (rnd.int(0, 11)) {
    case 0:
    case 1:
    case 2:
      return rnd.pick(INJECTIONS);
    case 3:
      // A plausible prefix and an injection: gets past "looks like a word" checks that stop at the start.
      return word(rnd, 3, 8) + rnd.pick(INJECTIONS);
    case 4: {
      // Huge: most are under the 1 MiB JSON limit, some over it.
      const n = rnd.pick([300, 5000, 70_000, 400_000, 1_200_000]);
      return rnd.pick(["A", "é", "𝕏", "\u0000", "'", "\u202e"]).repeat(n);
    }
    case 5: {
      // Deep: arrays or objects nested a few thousand levels.
      const depth = rnd.pick([64, 600, 3000]);
      let v: Json = rnd.chance(0.5) ? "x" : 1;
      for (let i = 0; i < depth; i++) v = rnd.chance(0.5) ? [v] : { a: v };
      return v;
    }
    case 6:
      // Wide.
      return rnd.chance(0.5)
        ? Array.from({ length: rnd.pick([1000, 20_000]) }, (_, i) => i)
        : Object.fromEntries(Array.from({ length: rnd.pick([500, 5000]) }, (_, i) => [`k${i}`, i]));
    case 7:
      return rnd.pick([1e308, -1e308, 2 ** 63, -(2 ** 63), 2 ** 53 + 2, -1, 0, -0, 0.5, 1e-300, 4294967296]);
    case 8:
      return rnd.pick([true, false, null, "", 0, [], {}, [null], { "": "" }] as Json[]);
    case 9:
      return JSON.parse(
        rnd.pick([
          '{"__proto__": {"role": "admin", "isAdmin": true}}',
          '{"constructor": {"prototype": {"role": "admin"}}}',
          '{"toString": 1, "valueOf": "x", "hasOwnProperty": null}',
        ]),
      ) as Json;
    case 10:
      // Ids that look right but name nothing, or nearly right.
      return rnd.pick([
        randomId(rnd),
        randomId(rnd).toUpperCase(),
        randomId(rnd) + "a",
        "a".repeat(26),
        "0".repeat(26),
      ]);
    default:
      // Cursors: not base64url, base64url of junk, well-formed with extreme keys.
      return rnd.pick([
        "!!!",
        Buffer.from("not a cursor").toString("base64url"),
        Buffer.from(`9999999999999999:${randomId(rnd)}`).toString("base64url"),
        Buffer.from(`-9999999999999999:${randomId(rnd)}`).toString("base64url"),
        Buffer.from(`1e308:${randomId(rnd)}`).toString("base64url"),
        Buffer.from(`0:${"a".repeat(26)}' OR 1=1`).toString("base64url"),
        "A".repeat(100),
      ]);
  }
}

/** A plausible body with some of it broken: a field hostile, a required one missing, an unknown one added. */
export function mutated(doc: OpenApiDocument, schema: Schema | undefined, rnd: Rng, pools: Pools): Json {
  const v = plausible(doc, schema, rnd, pools);
  if (v === null || typeof v !== "object" || Array.isArray(v)) return rnd.chance(0.5) ? hostile(rnd) : v;
  const keys = Object.keys(resolver(doc)(schema).properties ?? {});
  const edits = rnd.int(1, 3);
  for (let i = 0; i < edits; i++) {
    const what = rnd.int(0, 9);
    if (what <= 6 && keys.length) v[rnd.pick(keys)] = hostile(rnd);
    else if (what === 7 && keys.length) delete v[rnd.pick(keys)];
    else v[rnd.chance(0.5) ? word(rnd, 3, 9) : String(rnd.pick(INJECTIONS))] = hostile(rnd);
  }
  return v;
}

/** `hostile` as text that fits in a URL path segment or query value (encoded, or raw bad escapes). */
export function hostileText(rnd: Rng): string {
  const v = hostile(rnd);
  const text = typeof v === "string" ? v : JSON.stringify(v);
  return text.length > 4000 ? text.slice(0, rnd.pick([300, 4000])) : text;
}

export function encodeSegment(text: string): string {
  try {
    return encodeURIComponent(text);
  } catch {
    // A lone surrogate: send its bytes as they would arrive from a broken client (not valid UTF-8).
    return text.replace(/[\ud800-\udfff]/g, "%ED%A0%80").replace(/[^A-Za-z0-9%]/g, (c) => {
      try {
        return encodeURIComponent(c);
      } catch {
        return "%ED%A0%80";
      }
    });
  }
}
