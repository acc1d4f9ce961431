// The `fanz` system user that `fanzctl install` creates and the service runs as (null when absent: a
// site run by hand). Doctor checks that what the service needs is its own, not root's.
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, statSync } from "node:fs";

export interface SystemUser {
  uid: number;
  gid: number;
}

export function fanzUser(passwd = "/etc/passwd"): SystemUser | null {
  let text = "";
  try {
    text = readFileSync(passwd, "utf8");
  } catch {
    return null;
  }
  const line = text.split("\n").find((l) => l.startsWith("fanz:"));
  if (!line) return null;
  const [, , uid, gid] = line.split(":");
  return { uid: Number(uid), gid: Number(gid) };
}

/** Whether `user` may read `file` by its mode bits (owner, group, others), and enter its directory. */
export function readableBy(user: SystemUser, file: string, bit: "r" | "x" = "r"): boolean {
  const s = statSync(file);
  const shift = bit === "r" ? 2 : 0;
  if (s.uid === user.uid) return ((s.mode >> 6) & (1 << shift)) !== 0;
  if (s.gid === user.gid) return ((s.mode >> 3) & (1 << shift)) !== 0;
  return (s.mode & (1 << shift)) !== 0;
}

/**
 * After root ran a command on an installed server's data (restore, migrate, seed, backup), what it wrote
 * goes back to the fanz user, or the service could not write its own database or serve its media. Only
 * when `dataDir` belongs to that user (the installed layout); a site run by hand is left as it is.
 */
export function returnToServiceUser(dataDir: string, paths: string[] = [dataDir]): void {
  const user = fanzUser();
  if (!user || process.getuid?.() !== 0) return;
  try {
    if (statSync(dataDir).uid !== user.uid) return;
  } catch {
    return;
  }
  const existing = paths.filter((p) => existsSync(p));
  if (existing.length === 0) return;
  const r = spawnSync("chown", ["-R", `${user.uid}:${user.gid}`, ...existing], { encoding: "utf8" });
  if (r.status !== 0) throw new Error(`chown -R fanz:fanz ${existing.join(" ")} failed: ${r.stderr.trim()}`);
}
