// Doctor: the data directory exists and this user can write in it (database, media, backups live there).
import { randomBytes } from "node:crypto";
import { rm, stat, writeFile } from "node:fs/promises";
import { join } from "node:path";
import type { Check } from "./types.ts";

export const dataDirCheck: Check = {
  title: "Data directory writable",
  async run(ctx) {
    const root = ctx.paths.root;
    const s = await stat(root).catch(() => null);
    if (!s?.isDirectory()) {
      return {
        status: "fail",
        message: `${root} does not exist`,
        suggestion: "Check data.dir / --data-dir, or run `fanzctl serve` once to create it.",
      };
    }
    const probe = join(root, `.doctor-${randomBytes(4).toString("hex")}`);
    try {
      await writeFile(probe, "ok");
      await rm(probe, { force: true });
      return { status: "pass", message: root };
    } catch (err) {
      return {
        status: "fail",
        message: `cannot write in ${root}: ${(err as Error).message}`,
        suggestion: `Give the user running Fanz write access: chown -R fanz: ${root}`,
      };
    }
  },
};
