// NUL (U+0000) is refused in a request's path, query and body text (JSON or URL-encoded) with 400: PostgreSQL
// cannot store or even compare text that holds it (SQLSTATE 22021 would become a 500), and SQLite would
// store what PostgreSQL refuses, so the engines would disagree. No field of the API needs it (visibleText
// refuses the other control characters too). Uploads stream past this: their parts are not text.
import type { MiddlewareHandler } from "hono";
import { Invalid } from "../../lib/errors.ts";

/** `\u0000` as JSON writes it, not preceded by an escaped backslash (`\\u0000` is the six characters). */
const JSON_NUL = /(?<!\\)(?:\\\\)*\\u0000/i;
const MESSAGE = "Text may not contain NUL characters.";
const refused = (field?: string) =>
  new Invalid(MESSAGE, field ? { fields: { [field]: "Must not contain NUL characters" } } : undefined);

/** The query parameter that holds a NUL, if one does (a NUL in the path names none). */
function nulParam(url: string): string | undefined {
  for (const [name, value] of new URL(url).searchParams) if (`${name}${value}`.includes("\0")) return name;
  return undefined;
}

/** The top-level field of a JSON body that holds a NUL, if the body parses and one does. */
function nulField(text: string): string | undefined {
  try {
    const body: unknown = JSON.parse(text);
    if (body && typeof body === "object" && !Array.isArray(body))
      for (const [k, v] of Object.entries(body)) if (`${k}${JSON.stringify(v)}`.includes("\\u0000")) return k;
  } catch {
    /* not JSON: no field to name */
  }
  return undefined;
}

export function refuseNul(isUpload: (method: string, path: string) => boolean): MiddlewareHandler {
  return async (c, next) => {
    const url = c.req.url;
    if (url.includes("%00") || url.includes("\0")) throw refused(nulParam(url));
    // GET and HEAD carry no body; asking for `c.req.raw.body` would make the node adapter build a whole
    // fetch Request for every feed read.
    if (c.req.method === "GET" || c.req.method === "HEAD") return next();
    const type = c.req.header("content-type") ?? "";
    const textBody = /json|x-www-form-urlencoded/i.test(type);
    if (textBody && !isUpload(c.req.method, c.req.path) && c.req.raw.body) {
      const text = await c.req.text();
      if (text.includes("\0") || (text.includes("%00") && !/json/i.test(type)) || JSON_NUL.test(text))
        throw refused(/json/i.test(type) ? nulField(text) : undefined);
    }
    await next();
  };
}
