import { describe, expect, it } from "vitest";
import Database from "better-sqlite3";
import { migrate, migrationStatus } from "./migrate.ts";

describe("migrate", () => {
  it("a migration that fails midway leaves the database as it was", () => {
    const db = new Database(":memory:");
    const good = { tag: "0000_a", hash: "h0", sql: "CREATE TABLE a (id INTEGER);" };
    const broken = {
      tag: "0001_b",
      hash: "h1",
      sql: "CREATE TABLE b (id INTEGER);\n--> statement-breakpoint\nINSERT INTO a VALUES (1);\n--> statement-breakpoint\nALTER TABLE nope ADD x INTEGER;",
    };
    expect(migrate(db, [good])).toEqual(["0000_a"]);
    expect(() => migrate(db, [good, broken])).toThrow(/nope/);
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all();
    expect(tables).toEqual([{ name: "_migrations" }, { name: "a" }]);
    expect(db.prepare("SELECT count(*) n FROM a").get()).toEqual({ n: 0 });
    expect(migrationStatus(db, [good, broken]).map((m) => m.applied)).toEqual([true, false]);
  });

  it("refuses a database written by a newer version", () => {
    const db = new Database(":memory:");
    migrate(db, [
      { tag: "0000_a", hash: "h", sql: "CREATE TABLE a (id INTEGER);" },
      { tag: "0009_future", hash: "f", sql: "SELECT 1;" },
    ]);
    expect(() => migrate(db, [{ tag: "0000_a", hash: "h", sql: "CREATE TABLE a (id INTEGER);" }])).toThrow(
      /newer Fanz/,
    );
  });
});
