// Which processes have a file open (Linux /proc): lets restore refuse a site that is running on a port it
// does not know about. Processes of other users are invisible without root; elsewhere this finds nothing.
import { readdir, readFile, readlink } from "node:fs/promises";

export async function processesUsing(file: string): Promise<{ pid: number; command: string }[]> {
  let pids: string[];
  try {
    pids = (await readdir("/proc")).filter((n) => /^\d+$/.test(n) && Number(n) !== process.pid);
  } catch {
    return [];
  }
  const found: { pid: number; command: string }[] = [];
  for (const pid of pids) {
    let fds: string[];
    try {
      fds = await readdir(`/proc/${pid}/fd`);
    } catch {
      continue;
    }
    for (const fd of fds) {
      const target = await readlink(`/proc/${pid}/fd/${fd}`).catch(() => "");
      if (target === file) {
        const cmd = await readFile(`/proc/${pid}/cmdline`, "utf8").catch(() => "");
        found.push({ pid: Number(pid), command: cmd.split("\0").filter(Boolean).join(" ").slice(0, 120) });
        break;
      }
    }
  }
  return found;
}
