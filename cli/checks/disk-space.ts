// Doctor: free space on the data directory's filesystem (uploads, video renditions and backups need room).
import { statfs } from "node:fs/promises";
import { backupsDir } from "../lib/backup-archive.ts";
import { formatBytes } from "../lib/steps.ts";
import type { Check } from "./types.ts";

const GB = 1024 ** 3;

export const diskSpaceCheck: Check = {
  title: "Free disk space",
  async run(ctx) {
    const s = await statfs(ctx.paths.root).catch(() => null);
    if (!s) return { status: "warn", message: `cannot read the filesystem of ${ctx.paths.root}` };
    const free = s.bavail * s.bsize;
    const total = s.blocks * s.bsize;
    const pct = total > 0 ? Math.round((free / total) * 100) : 0;
    const message = `${formatBytes(free)} free of ${formatBytes(total)} (${pct}%)`;
    const suggestion = `Free some space or move data.dir to a larger disk; old backups are in ${backupsDir(ctx.config)} ([backup] dir puts them on another disk).`;
    if (free < 0.2 * GB) return { status: "fail", message, suggestion };
    if (free < 2 * GB || pct < 5) return { status: "warn", message, suggestion };
    return { status: "pass", message };
  },
};
