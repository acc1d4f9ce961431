// Doctor: the data directory exists, this user can write in it, and it belongs to the fanz user when there is one (database, media, backups live there).
import { randomBytes } from "node:crypto";
import { rm, stat, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { fanzUser } from "../lib/system-user.ts";
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
    // On an installed server doctor runs as root, which can write anywhere: what matters is the service's user.
    const user = fanzUser();
    if (user && s.uid !== user.uid) {
      return {
        status: "fail",
        message: `${root} is owned by uid ${s.uid}, not by the fanz user the service runs as`,
        suggestion: `chown -R fanz:fanz ${root}`,
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
