// Keyset pagination predicates as row-value comparisons, which SQLite and PostgreSQL both serve from a
// composite index ((key, id) < (?, ?)); the equivalent OR form makes SQLite fall back to scans.
import { sql, type Placeholder, type SQL, type SQLWrapper } from "drizzle-orm";

/** A decoded cursor, or placeholders for one in a prepared statement. */
type Position = { key: number | Placeholder; id: string | Placeholder };

/** Rows after the cursor in (key DESC, id DESC) order. */
export const before = (key: SQLWrapper, id: SQLWrapper, cursor: Position | null): SQL | undefined =>
  cursor ? sql`(${key}, ${id}) < (${cursor.key}, ${cursor.id})` : undefined;

/** Rows after the cursor in (key ASC, id ASC) order. */
export const after = (key: SQLWrapper, id: SQLWrapper, cursor: Position | null): SQL | undefined =>
  cursor ? sql`(${key}, ${id}) > (${cursor.key}, ${cursor.id})` : undefined;
