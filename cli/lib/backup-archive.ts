// The backup archive: a .tar.gz holding fanz-backup.json (first, so `--list` reads only the start),
// the database (fanz.db, an SQLite online-backup snapshot; or fanz.pgdump, pg_dump's custom format of a
// PostgreSQL site, see pg-dump.ts), media/**, private/** (the compliance documents, encrypted) and
// documents.key (their key, when the site uses the key file), secret.key (the key that decrypts payout
// details, when the site uses the key file), config.toml (when a file is in use) and manifest.json (last: SHA-256 and size
// of every file, computed while the files stream into the archive).
import Database from "better-sqlite3";
import { createHash } from "node:crypto";
import { once } from "node:events";
import { createWriteStream } from "node:fs";
import { mkdir, readdir, readFile, rename, rm, stat } from "node:fs/promises";
import { basename, dirname, isAbsolute, join, normalize, resolve } from "node:path";
import pkg from "../../package.json" with { type: "json" };
import type { Config } from "../../src/config/schema.ts";
import { sqliteMigrations } from "../../src/db/migrations/sqlite.ts";
import { CliError } from "../errors.ts";
import { dumpForBackup } from "./pg-dump.ts";
import { formatBytes, type createSteps } from "./steps.ts";
import { createTarGz, readTarGz, STOP, type EntrySink } from "./tar.ts";

type Steps = ReturnType<typeof createSteps>;

export interface BackupInfo {
  format: "fanz-backup";
  formatVersion: 1;
  fanzVersion: string;
  /** Applied migration tags of the database in the archive. */
  schema: string[];
  createdAt: string;
  media: boolean;
  config: boolean;
  /** Holds <data_dir>/secret.key (absent in backups made before the key file existed). */
  secretKey?: boolean;
  /** Holds <data_dir>/private/** and documents.key (absent in backups made before compliance records). */
  documents?: boolean;
  /** The database engine (absent in backups made before PostgreSQL: SQLite). */
  engine?: "sqlite" | "postgres";
  /** PostgreSQL backups: versions, and the row count of every table in the dump's snapshot. */
  postgres?: {
    serverVersion: string;
    pgDumpVersion: string;
    pgDumpMajor: number;
    rowCounts: Record<string, number>;
  };
}

export const backupEngine = (info: BackupInfo): "sqlite" | "postgres" => info.engine ?? "sqlite";

export interface ManifestFile {
  path: string;
  size: number;
  sha256: string;
}

export interface Manifest extends BackupInfo {
  files: ManifestFile[];
}

export const INFO_ENTRY = "fanz-backup.json";
export const MANIFEST_ENTRY = "manifest.json";
export const DB_ENTRY = "fanz.db";
export const PG_DUMP_ENTRY = "fanz.pgdump";
export const CONFIG_ENTRY = "config.toml";
export const SECRET_KEY_ENTRY = "secret.key";
export const DOCUMENTS_KEY_ENTRY = "documents.key";
/** Compliance documents (KYC, releases): kept whatever `--no-media` says, they are records the law asks for. */
export const PRIVATE_PREFIX = "private/";
/** Entries restored readable by the site's user only. */
const isSecretEntry = (path: string) =>
  path === SECRET_KEY_ENTRY || path === DOCUMENTS_KEY_ENTRY || path.startsWith(PRIVATE_PREFIX);
export const BACKUP_NAME = /^fanz-\d{8}T\d{6}Z(-\d+)?\.tar\.gz$/;

/** `[backup] dir`, else <data_dir>/backups. */
export function backupsDir(config: Config): string {
  return config.backup.dir ? resolve(config.backup.dir) : join(resolve(config.data.dir), "backups");
}

/** A backup named on the command line: a path, or a bare name as `backup --list` prints it. */
export async function findBackup(arg: string, config: Config): Promise<string> {
  const dir = backupsDir(config);
  const candidates = [resolve(arg)];
  if (basename(arg) === arg) candidates.push(join(dir, arg));
  for (const file of candidates) {
    const s = await stat(file).catch(() => null);
    if (s?.isFile()) return file;
  }
  throw new CliError(
    `${arg} does not exist${basename(arg) === arg ? ` (here or in ${dir})` : ""}.`,
    "Run `fanzctl backup --list` to see the backups by name.",
  );
}

export function defaultBackupName(now = new Date()): string {
  const ts = now
    .toISOString()
    .replace(/\.\d{3}Z$/, "Z")
    .replace(/[-:]/g, "");
  return `fanz-${ts}.tar.gz`;
}

async function exists(p: string): Promise<boolean> {
  return stat(p).then(
    () => true,
    () => false,
  );
}

/** Every regular file under dir, relative paths with forward slashes, sorted. */
async function walk(dir: string, rel = ""): Promise<{ rel: string; abs: string; size: number }[]> {
  const out: { rel: string; abs: string; size: number }[] = [];
  let entries;
  try {
    entries = await readdir(join(dir, rel), { withFileTypes: true });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "ENOENT") return out;
    throw err;
  }
  for (const e of entries.sort((a, b) => a.name.localeCompare(b.name))) {
    const r = rel ? `${rel}/${e.name}` : e.name;
    if (e.isDirectory()) out.push(...(await walk(dir, r)));
    else if (e.isFile()) {
      // A file removed between listing and stat (e.g. a stale upload cleaned) is simply not in the backup.
      const s = await stat(join(dir, r)).catch(() => null);
      if (s) out.push({ rel: r, abs: join(dir, r), size: s.size });
    }
  }
  return out;
}

/**
 * The copy's applied migration tags and media ids; also turns it into a self-contained file (no -wal /
 * -shm beside it).
 */
function finishCopy(dbFile: string): { schema: string[]; mediaIds: Set<string> } {
  const db = new Database(dbFile, { fileMustExist: true });
  try {
    db.pragma("journal_mode = DELETE");
    const hasTable = (name: string) =>
      db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(name) !== undefined;
    if (!hasTable("_migrations")) return { schema: [], mediaIds: new Set() };
    const schema = (db.prepare("SELECT tag FROM _migrations ORDER BY tag").all() as { tag: string }[]).map(
      (r) => r.tag,
    );
    const mediaIds = hasTable("media")
      ? new Set(db.prepare("SELECT id FROM media").pluck().all() as string[])
      : new Set<string>();
    return { schema, mediaIds };
  } finally {
    db.close();
  }
}

export interface CreateBackupOptions {
  databaseFile: string;
  /** A PostgreSQL site: its database is dumped with pg_dump instead of copying databaseFile. */
  postgresUrl?: string;
  mediaDir: string;
  configFile: string | null;
  /** Included when the file exists (it does not when the key is set in the config). */
  secretKeyFile: string;
  /** <data_dir>/private: every file in it is included. */
  privateDir: string;
  /** Included when the file exists (it does not when `[compliance] documents_key` is set). */
  documentsKeyFile: string;
  dest: string;
  media: boolean;
  steps: Steps;
}

/** SQLite: the online backup API copies a consistent snapshot while the site keeps writing. */
async function snapshotSqlite(databaseFile: string, dbCopy: string, steps: Steps) {
  const s1 = steps.step("Snapshot the database");
  const src = new Database(databaseFile, { fileMustExist: true });
  try {
    src.pragma("busy_timeout = 5000");
    const pageSize = src.pragma("page_size", { simple: true }) as number;
    await src.backup(dbCopy, {
      progress({ totalPages, remainingPages }) {
        s1.progress((totalPages - remainingPages) * pageSize, totalPages * pageSize);
        // The rest in one step: a step holds a read snapshot, so the copy cannot be restarted by
        // concurrent writes (which a slow page-by-page copy would be, forever, on a busy site).
        return Math.max(totalPages, 100);
      },
    });
  } finally {
    src.close();
  }
  const size = (await stat(dbCopy)).size;
  s1.done(formatBytes(size));
  return { size, ...finishCopy(dbCopy) };
}

/** Writes a backup to `dest` (through `dest.partial`, renamed when complete). */
export async function createBackup(o: CreateBackupOptions): Promise<Manifest> {
  if (!o.postgresUrl && !(await exists(o.databaseFile))) {
    throw new CliError(
      `There is no database at ${o.databaseFile}.`,
      "Check --data-dir / data.dir, or start the site once so it creates its database.",
    );
  }
  await mkdir(dirname(o.dest), { recursive: true });
  const partial = `${o.dest}.partial`;
  const dbCopy = `${o.dest}.db-partial`;
  const files: ManifestFile[] = [];
  let tar: ReturnType<typeof createTarGz> | null = null;
  try {
    const snap = o.postgresUrl
      ? { entry: PG_DUMP_ENTRY, ...(await dumpForBackup(o.postgresUrl, dbCopy, o.steps)) }
      : { entry: DB_ENTRY, ...(await snapshotSqlite(o.databaseFile, dbCopy, o.steps)), postgres: undefined };
    const { schema, mediaIds, size: dbSize } = snap;

    // Only media/<id>/ of rows in the snapshot: a directory without a row (an upload cut by a crash, or
    // one filed after the snapshot) is nothing the restored site could use.
    const mediaFiles = o.media
      ? (await walk(o.mediaDir)).filter((f) => mediaIds.has(f.rel.split("/")[0]!))
      : [];
    const configText = o.configFile ? await readFile(o.configFile) : null;
    const readIfThere = (file: string) =>
      readFile(file).catch((err: NodeJS.ErrnoException) => {
        if (err.code === "ENOENT") return null;
        throw err;
      });
    const secretKey = await readIfThere(o.secretKeyFile);
    const documentsKey = await readIfThere(o.documentsKeyFile);
    const privateFiles = await walk(o.privateDir);
    const info: BackupInfo = {
      format: "fanz-backup",
      formatVersion: 1,
      fanzVersion: pkg.version,
      schema,
      createdAt: new Date().toISOString(),
      media: o.media,
      config: configText !== null,
      secretKey: secretKey !== null,
      documents: true,
      engine: o.postgresUrl ? "postgres" : "sqlite",
      ...(snap.postgres ? { postgres: snap.postgres } : {}),
    };

    tar = createTarGz(partial);
    await tar.add(INFO_ENTRY, Buffer.from(JSON.stringify(info, null, 2)));

    const s2 = o.steps.step("Archive the database");
    const dbHash = createHash("sha256");
    let dbDone = 0;
    await tar.addFile(snap.entry, dbCopy, dbSize, (c) => {
      dbHash.update(c);
      dbDone += c.length;
      s2.progress(dbDone, dbSize);
    });
    files.push({ path: snap.entry, size: dbSize, sha256: dbHash.digest("hex") });
    s2.done();
    await rm(dbCopy, { force: true });

    if (o.media) {
      const total = mediaFiles.reduce((n, f) => n + f.size, 0);
      const s3 = o.steps.step(`Archive media (${mediaFiles.length} files)`);
      let done = 0;
      for (const f of mediaFiles) {
        const h = createHash("sha256");
        await tar.addFile(`media/${f.rel}`, f.abs, f.size, (c) => {
          h.update(c);
          done += c.length;
          s3.progress(done, total);
        });
        files.push({ path: `media/${f.rel}`, size: f.size, sha256: h.digest("hex") });
      }
      s3.done(formatBytes(total));
    }
    if (privateFiles.length > 0) {
      const s5 = o.steps.step(`Archive compliance documents (${privateFiles.length} files)`);
      for (const f of privateFiles) {
        const h = createHash("sha256");
        await tar.addFile(`${PRIVATE_PREFIX}${f.rel}`, f.abs, f.size, (c) => void h.update(c));
        files.push({ path: `${PRIVATE_PREFIX}${f.rel}`, size: f.size, sha256: h.digest("hex") });
      }
      s5.done();
    }
    for (const [path, content] of [
      [SECRET_KEY_ENTRY, secretKey],
      [DOCUMENTS_KEY_ENTRY, documentsKey],
      [CONFIG_ENTRY, configText],
    ] as const) {
      if (!content) continue;
      await tar.add(path, content);
      files.push({ path, size: content.length, sha256: createHash("sha256").update(content).digest("hex") });
    }
    const manifest: Manifest = { ...info, files };
    await tar.add(MANIFEST_ENTRY, Buffer.from(JSON.stringify(manifest, null, 2)));
    const s4 = o.steps.step("Finish the archive");
    await tar.finish();
    tar = null;
    await rename(partial, o.dest);
    s4.done(formatBytes((await stat(o.dest)).size));
    return manifest;
  } finally {
    tar?.abort();
    await rm(partial, { force: true });
    for (const f of [dbCopy, `${dbCopy}-wal`, `${dbCopy}-shm`, `${dbCopy}-journal`])
      await rm(f, { force: true });
  }
}

/** The first entry only: cheap even for a huge archive. */
export async function readBackupInfo(file: string): Promise<BackupInfo | null> {
  let info: BackupInfo | null = null;
  const chunks: Buffer[] = [];
  let first = true;
  await readTarGz(file, (e) => {
    if (!first) return STOP;
    first = false;
    if (e.path !== INFO_ENTRY) return STOP;
    return {
      write: (c) => void chunks.push(c),
      end: () => {
        info = JSON.parse(Buffer.concat(chunks).toString("utf8")) as BackupInfo;
      },
    };
  });
  return info;
}

function safeEntryPath(p: string): string {
  const n = normalize(p);
  if (isAbsolute(n) || n.startsWith("..") || n.includes("\0")) {
    throw new CliError(`The archive holds an unsafe path: ${p}`, "This is not a Fanz backup; do not use it.");
  }
  return n;
}

export interface ExtractOptions {
  /** Where an entry goes (absolute path), or null to only check its checksum. */
  destFor(path: string): string | null;
  /** Called with the first entry's info before any data is written; throw to refuse the archive. */
  onInfo?(info: BackupInfo): void;
  /** Compressed bytes of the archive read so far. */
  onProgress?(bytes: number): void;
}

const tampered = (detail: string) =>
  new CliError(
    `The backup failed verification: ${detail}.`,
    "The archive is damaged or was modified; use another backup.",
  );

/**
 * Reads the whole archive, writing entries where destFor says and hashing every one, then checks all
 * of them against manifest.json. Throws (CliError) on any mismatch; the caller discards what was written.
 */
export async function extractAndVerify(file: string, o: ExtractOptions): Promise<Manifest> {
  const seen = new Map<string, { size: number; sha256: string }>();
  let info: BackupInfo | null = null;
  let manifest: Manifest | null = null;
  let index = 0;
  try {
    await readTarGz(
      file,
      async (e) => {
        const path = safeEntryPath(e.path);
        if (index++ === 0) {
          if (path !== INFO_ENTRY) throw tampered("it does not start with fanz-backup.json");
        } else if (!info) throw tampered("fanz-backup.json is missing");
        if (path === INFO_ENTRY || path === MANIFEST_ENTRY) {
          if (e.size > 64 * 1024 * 1024) throw tampered(`${path} is implausibly large`);
          const chunks: Buffer[] = [];
          return {
            write: (c) => void chunks.push(c),
            end: () => {
              const text = Buffer.concat(chunks).toString("utf8");
              let parsed: unknown;
              try {
                parsed = JSON.parse(text);
              } catch {
                throw tampered(`${path} is not valid JSON`);
              }
              if (path === INFO_ENTRY) {
                info = parsed as BackupInfo;
                if (info.format !== "fanz-backup") throw tampered("this is not a Fanz backup");
                o.onInfo?.(info);
              } else manifest = parsed as Manifest;
            },
          } satisfies EntrySink;
        }
        if (seen.has(path)) throw tampered(`${path} appears twice`);
        const dest = o.destFor(path);
        const hash = createHash("sha256");
        let size = 0;
        let ws: ReturnType<typeof createWriteStream> | null = null;
        let wsError: Error | null = null;
        if (dest) {
          await mkdir(dirname(dest), { recursive: true, mode: isSecretEntry(path) ? 0o700 : 0o750 });
          ws = createWriteStream(dest, { flags: "wx", mode: isSecretEntry(path) ? 0o600 : 0o640 });
          ws.on("error", (err) => (wsError = err));
        }
        return {
          async write(c) {
            hash.update(c);
            size += c.length;
            if (wsError)
              throw new CliError(
                `Cannot write ${dest}: ${(wsError as Error).message}`,
                "Check free space and permissions.",
              );
            if (ws && !ws.write(c)) await once(ws, "drain");
          },
          async end() {
            if (ws) {
              ws.end();
              if (!ws.closed) await once(ws, "close").catch(() => undefined);
              if (wsError)
                throw new CliError(
                  `Cannot write ${dest}: ${(wsError as Error).message}`,
                  "Check free space and permissions.",
                );
            }
            seen.set(path, { size, sha256: hash.digest("hex") });
          },
        } satisfies EntrySink;
      },
      o.onProgress,
    );
  } catch (err) {
    if (err instanceof CliError) throw err;
    throw tampered((err as Error).message.replace(/\.$/, ""));
  }
  const m = manifest as Manifest | null;
  if (!m || !Array.isArray(m.files)) throw tampered("manifest.json is missing");
  const i = info as BackupInfo | null;
  if (!i || JSON.stringify(i.schema) !== JSON.stringify(m.schema) || backupEngine(i) !== backupEngine(m))
    throw tampered("fanz-backup.json and manifest.json disagree");
  for (const f of m.files) {
    const got = seen.get(f.path);
    if (!got) throw tampered(`${f.path} is listed in the manifest but missing`);
    if (got.size !== f.size || got.sha256 !== f.sha256)
      throw tampered(`${f.path} does not match its checksum`);
    seen.delete(f.path);
  }
  if (seen.size > 0) throw tampered(`${[...seen.keys()][0]} is not listed in the manifest`);
  const dbEntry = backupEngine(m) === "postgres" ? PG_DUMP_ENTRY : DB_ENTRY;
  if (!m.files.some((f) => f.path === dbEntry)) throw tampered("it holds no database");
  return m;
}

/** Migration tags in a backup that this build does not know (it was made by a newer Fanz). */
export function unknownTags(schema: string[]): string[] {
  const known = new Set(sqliteMigrations.map((m) => m.tag));
  return schema.filter((t) => !known.has(t));
}

export interface ListedBackup {
  file: string;
  size: number;
  mtimeMs: number;
  info: BackupInfo | null;
}

export async function listBackups(dir: string): Promise<ListedBackup[]> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "ENOENT") return [];
    throw err;
  }
  const out: ListedBackup[] = [];
  for (const name of names.filter((n) => BACKUP_NAME.test(n))) {
    const file = join(dir, name);
    const s = await stat(file);
    const info = await readBackupInfo(file).catch(() => null);
    out.push({ file, size: s.size, mtimeMs: s.mtimeMs, info });
  }
  // Newest first.
  return out.sort((a, b) => b.mtimeMs - a.mtimeMs || b.file.localeCompare(a.file));
}

/** Removes the oldest backups in dir beyond the newest `keep`; returns the removed files. */
export async function applyRetention(dir: string, keep: number): Promise<string[]> {
  const all = await listBackups(dir);
  const old = all.slice(keep);
  for (const b of old) await rm(b.file, { force: true });
  return old.map((b) => b.file);
}
