// A media file past ustar's 8 GiB size field (a long video, say) goes into a backup the system tar lists
// with its true size, and --verify reads it back whole (finding manifest.json after it proves the size was
// read right). The file is sparse, so the disk holds almost nothing; the archive is ~40 MB of gzip.
import { afterAll, describe, expect, it } from "vitest";
import { spawn, spawnSync } from "node:child_process";
import {
  closeSync,
  ftruncateSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  rmSync,
  statSync,
  writeSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { repoRoot } from "../helpers/app-process.ts";

/** Asynchronous: minutes of work must not block the test worker's event loop. */
const fanzctl = (args: string[]) =>
  new Promise<{ status: number | null; stdout: string; stderr: string }>((ok) => {
    const child = spawn(process.execPath, ["cli/bin.mjs", ...args], {
      cwd: repoRoot,
      env: { ...process.env, FANZ_LOG__LEVEL: "error", FANZ_ADMIN_PASSWORD: "large-password-1" },
      stdio: "pipe",
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    child.once("exit", (status) => ok({ status, stdout, stderr }));
  });

// Just past what ustar's 11 octal digits hold (8 GiB - 1).
const SIZE = 8 * 1024 ** 3 + 1024 * 1024;
const MEDIA_ID = "longvideolongvideolongvide";
const dataDir = mkdtempSync(join(tmpdir(), "fanz-backup-large-"));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describe("a backup holding a file over 8 GiB", () => {
  it("is listed by the system tar with its size and passes --verify", { timeout: 400_000 }, async () => {
    const admin = await fanzctl([
      "user",
      "create-admin",
      "--data-dir",
      dataDir,
      "--email",
      "l@example.com",
      "--username",
      "large",
    ]);
    expect(admin.status, admin.stderr).toBe(0);
    // Backups carry the media directories of rows in their snapshot, so the video gets a row.
    const db = new Database(join(dataDir, "fanz.db"));
    const owner = (db.prepare("SELECT id FROM users LIMIT 1").get() as { id: string }).id;
    db.prepare(
      `INSERT INTO media (id, owner_id, kind, mime, size_bytes, original_name, status, created_at, updated_at)
       VALUES (?, ?, 'video', 'video/mp4', ?, 'long.mp4', 'processing', 0, 0)`,
    ).run(MEDIA_ID, owner, SIZE);
    db.close();
    mkdirSync(join(dataDir, "media", MEDIA_ID), { recursive: true });
    const video = join(dataDir, "media", MEDIA_ID, "original");
    const fd = openSync(video, "w");
    ftruncateSync(fd, SIZE);
    // Real bytes at both ends, the last ones beyond the 8 GiB mark.
    writeSync(fd, Buffer.from("start of the video"), 0, undefined, 0);
    writeSync(fd, Buffer.from("end of the video"), 0, undefined, SIZE - 16);
    closeSync(fd);
    expect(statSync(video).size).toBe(SIZE);
    expect(statSync(video).blocks * 512).toBeLessThan(64 * 1024 * 1024);

    const archive = join(dataDir, "large.tar.gz");
    const backup = await fanzctl(["backup", "--data-dir", dataDir, "--to", archive]);
    expect(backup.status, backup.stderr).toBe(0);

    // The system tar reads the entry's size from its header; the first MBs of the archive hold it.
    const listed = spawnSync(
      "sh",
      ["-c", `gzip -dc '${archive}' | head -c 8388608 | tar -tvf - 2>/dev/null`],
      {
        encoding: "utf8",
      },
    );
    const line = listed.stdout.split("\n").find((l) => l.endsWith(`media/${MEDIA_ID}/original`));
    expect(line, listed.stdout).toMatch(new RegExp(`\\s${SIZE}\\s`));

    const verify = await fanzctl(["backup", "--data-dir", dataDir, "--verify", archive]);
    expect(verify.status, verify.stderr).toBe(0);
    expect(verify.stdout).toContain("Backup OK");
  });
});
