// fanzctl migrate [status|up]: show or apply database migrations.
import type { Command } from "commander";
import { openDb } from "../../src/db/client.ts";
import { migrate, migrationStatus } from "../../src/db/migrate.ts";
import { dataPaths } from "../../src/lib/paths.ts";
import { CliError } from "../errors.ts";
import { configFrom, withCommonOptions, type CommonOptions } from "../options.ts";

export function registerMigrate(program: Command): void {
  withCommonOptions(program.command("migrate").description("show or apply database migrations"))
    .argument("[action]", "status | up", "up")
    .action((action: string, opts: CommonOptions) => {
      if (action !== "status" && action !== "up") {
        throw new CliError(
          `Unknown action "${action}".`,
          "Use `fanzctl migrate status` or `fanzctl migrate up`.",
        );
      }
      const db = openDb(dataPaths(configFrom(opts).data.dir).database);
      try {
        if (action === "up") {
          const applied = migrate(db.raw.writer);
          console.log(applied.length ? `Applied: ${applied.join(", ")}` : "The database is up to date.");
        }
        for (const m of migrationStatus(db.raw.writer)) {
          const when = m.appliedAt ? new Date(m.appliedAt).toISOString() : "pending";
          console.log(`${m.applied ? "✓" : "·"} ${m.tag}  ${when}`);
        }
      } finally {
        db.close();
      }
    });
}
