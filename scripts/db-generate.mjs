// Generates the next migration for both engines under one name (`npm run db:generate -- --name what`),
// then embeds them: the tags stay numbered alike.
import { execFileSync } from "node:child_process";

const at = process.argv.indexOf("--name");
const name = at > 0 ? process.argv[at + 1] : undefined;
if (!name) {
  console.error("usage: npm run db:generate -- --name <what the migration does>");
  process.exit(2);
}
execFileSync(process.execPath, ["--import", "tsx", "scripts/write-pg-tables.ts"], { stdio: "inherit" });
const kit = (...args) =>
  execFileSync("npx", ["drizzle-kit", "generate", ...args, "--name", name], { stdio: "inherit" });
kit();
kit("--config", "drizzle.pg.config.ts");
execFileSync(process.execPath, ["scripts/embed-migrations.mjs"], { stdio: "inherit" });
