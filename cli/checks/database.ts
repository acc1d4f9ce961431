// Doctor: the database file exists and PRAGMA integrity_check finds nothing wrong; names the engine.
import { existsSync } from "node:fs";
import { checkIntegrity } from "../lib/db-health.ts";
import type { Check } from "./types.ts";

export const databaseCheck: Check = {
  title: "Database integrity",
  run(ctx) {
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
