// Keyset pagination predicates as row-value comparisons, which SQLite and PostgreSQL both serve from a
// composite index ((key, id) < (?, ?)); the equivalent OR form makes SQLite fall back to scans.
import { sql, type SQL, type SQLWrapper } from "drizzle-orm";
import type { Cursor } from "../http/pagination.ts";

/** Rows after the cursor in (key DESC, id DESC) order. */
export const before = (key: SQLWrapper, id: SQLWrapper, cursor: Cursor | null): SQL | undefined =>
  cursor ? sql`(${key}, ${id}) < (${cursor.key}, ${cursor.id})` : undefined;

/** Rows after the cursor in (key ASC, id ASC) order. */
export const after = (key: SQLWrapper, id: SQLWrapper, cursor: Cursor | null): SQL | undefined =>
  cursor ? sql`(${key}, ${id}) > (${cursor.key}, ${cursor.id})` : undefined;
