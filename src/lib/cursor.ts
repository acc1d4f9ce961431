// Keyset cursors over (sort key, id): opaque base64url of "<number>:<id>". No OFFSET anywhere.
// Repos read a page after a Cursor, services cut it with page(), routes decode the client's cursor.
import { z } from "zod";
import { Invalid } from "./errors.ts";
import { isId } from "./ids.ts";

export interface Cursor {
  key: number;
  id: string;
}

export function encodeCursor(key: number, id: string): string {
  return Buffer.from(`${key}:${id}`).toString("base64url");
}

export function decodeCursor(raw: string | undefined): Cursor | null {
  if (raw === undefined || raw === "") return null;
  const text = /^[A-Za-z0-9_-]{1,100}$/.test(raw) ? Buffer.from(raw, "base64url").toString() : "";
  const m = /^(-?\d{1,16}):([a-z2-7]{26})$/.exec(text);
  if (!m || !isId(m[2]!))
    throw new Invalid("Malformed cursor.", { fields: { cursor: "Malformed cursor" } }, "bad_cursor");
  return { key: Number(m[1]), id: m[2]! };
}

/** `?cursor=&limit=` of every paged list (numbers coerced: they arrive as query-string text). */
export const pageQuery = z.object({
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});

/** The answer of a paged list, `{items, nextCursor}`, as a named schema of the API contract. */
export const pageOf = <T extends z.ZodType>(item: T, id: string) =>
  z
    .strictObject({
      items: z.array(item),
      nextCursor: z
        .string()
        .nullable()
        .meta({ description: "Send as `cursor` for the next page; null on the last page." }),
    })
    .meta({ id });

/** Given limit+1 fetched rows, returns the page and the cursor of its last row if more exist. */
export function page<T>(
  rows: T[],
  limit: number,
  keyOf: (row: T) => Cursor,
): { items: T[]; nextCursor: string | null } {
  if (rows.length <= limit) return { items: rows, nextCursor: null };
  const items = rows.slice(0, limit);
  const last = keyOf(items[items.length - 1]!);
  return { items, nextCursor: encodeCursor(last.key, last.id) };
}
