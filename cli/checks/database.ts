// Doctor: the database answers and is sound, naming the engine: SQLite's file exists and PRAGMA
// integrity_check finds nothing wrong; PostgreSQL's server answers on the configured URL.
import { existsSync } from "node:fs";
import { checkIntegrity, checkPostgres } from "../lib/db-health.ts";
import { redactUrl } from "../lib/pg-conn.ts";
import type { Check } from "./types.ts";

export const databaseCheck: Check = {
  title: "Database integrity",
  async run(ctx) {
    if (ctx.config.db.dialect === "postgres") {
      const url = ctx.config.db.url;
      const { problems, engine } = await checkPostgres(url);
      if (problems.length === 0) {
        ctx.dbHealthy = true;
        return { status: "pass", message: `${redactUrl(url)}: ok (${engine})` };
      }
      return {
        status: "fail",
        message: problems.join("; "),
        suggestion:
          "Start PostgreSQL (e.g. `systemctl start postgresql`) and check [db] url: host, port, user, password, database.",
      };
    }
    const file = ctx.paths.database;
    if (!existsSync(file)) {
      return {
        status: "fail",
        message: `no database at ${file}`,
        suggestion: "Check data.dir / --data-dir; `fanzctl serve` creates the database on first start.",
      };
    }
    const { problems, engine } = checkIntegrity(file);
    if (problems.length === 0) {
      ctx.dbHealthy = true;
      return { status: "pass", message: `${file}: ok (${engine})` };
    }
    return {
      status: "fail",
      message: `${file}: ${problems.slice(0, 3).join("; ")}`,
      suggestion:
        "Stop the service and restore the latest good backup (`fanzctl backup --list`, `fanzctl restore`).",
    };
  },
};
