// Identity documents at rest: outside the media tree (<data_dir>/private/documents/<id>, directories 0700,
// files 0600; no route and no nginx location serves that directory), encrypted with AES-256-GCM under the
// documents key (config `[compliance] documents_key`, else <data_dir>/documents.key, made once, 0600;
// never in the database).
//
// The file format is a chunked AEAD (the STREAM construction): a header "FZD1" + a 16-byte random salt;
// the file's own key is HKDF-SHA256(documents key, salt); the plaintext is cut into 64 KiB chunks, each
// sealed on its own with the nonce (chunk number, last-chunk flag) and followed by its 16-byte tag. So an
// upload is encrypted while it streams in (the plaintext never touches the disk), and a reader emits only
// chunks that authenticated: a changed, reordered, cut or extended file fails.
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto";
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { createReadStream } from "node:fs";
import { readdir, rename, rm, stat } from "node:fs/promises";
import { join } from "node:path";
import { Transform, type Readable, type TransformCallback } from "node:stream";
import { createSealer, type Sealer } from "../../lib/sealed.ts";
import { isId } from "../../lib/ids.ts";

const MAGIC = Buffer.from("FZD1");
const SALT_BYTES = 16;
const HEADER_BYTES = MAGIC.length + SALT_BYTES;
const TAG_BYTES = 16;
export const CHUNK_BYTES = 64 * 1024;
const INFO = Buffer.from("fanz compliance document v1");

/** The configured key (base64 of 32 bytes), else the key file, created (mode 0600) on first use. */
export function loadDocumentsKey(configured: string, keyFile: string): Buffer {
  if (configured) return Buffer.from(configured, "base64");
  if (!existsSync(keyFile)) {
    try {
      writeFileSync(keyFile, randomBytes(32).toString("base64") + "\n", { mode: 0o600, flag: "wx" });
    } catch (err) {
      // Another node or process on the same data dir made it first: use theirs.
      if ((err as NodeJS.ErrnoException).code !== "EEXIST") throw err;
    }
    chmodSync(keyFile, 0o600);
  }
  const key = Buffer.from(readFileSync(keyFile, "utf8").trim(), "base64");
  if (key.length !== 32) throw new Error(`${keyFile} does not hold base64 of 32 bytes`);
  return key;
}

function nonce(counter: number, last: boolean): Buffer {
  const n = Buffer.alloc(12);
  n.writeUInt32BE(counter, 7);
  n[11] = last ? 1 : 0;
  return n;
}

const fileKey = (master: Buffer, salt: Buffer) => Buffer.from(hkdfSync("sha256", master, salt, INFO, 32));

function sealChunk(key: Buffer, counter: number, last: boolean, plain: Buffer): Buffer {
  const c = createCipheriv("aes-256-gcm", key, nonce(counter, last));
  return Buffer.concat([c.update(plain), c.final(), c.getAuthTag()]);
}

function openChunk(key: Buffer, counter: number, last: boolean, record: Buffer): Buffer {
  if (record.length < TAG_BYTES) throw new Error("the document is cut short");
  const d = createDecipheriv("aes-256-gcm", key, nonce(counter, last));
  d.setAuthTag(record.subarray(record.length - TAG_BYTES));
  return Buffer.concat([d.update(record.subarray(0, record.length - TAG_BYTES)), d.final()]);
}

/** A stream that encrypts what goes through it into the document format. */
export function encryptStream(master: Buffer): Transform {
  const salt = randomBytes(SALT_BYTES);
  const key = fileKey(master, salt);
  let pending: Buffer = Buffer.alloc(0);
  let counter = 0;
  let started = false;
  return new Transform({
    transform(chunk: Buffer, _enc, done: TransformCallback) {
      if (!started) {
        this.push(Buffer.concat([MAGIC, salt]));
        started = true;
      }
      pending = pending.length ? Buffer.concat([pending, chunk]) : chunk;
      // A chunk is sealed once more bytes follow it, so the last one is known to be last.
      while (pending.length > CHUNK_BYTES) {
        this.push(sealChunk(key, counter++, false, pending.subarray(0, CHUNK_BYTES)));
        pending = pending.subarray(CHUNK_BYTES);
      }
      done();
    },
    flush(done: TransformCallback) {
      if (!started) this.push(Buffer.concat([MAGIC, salt]));
      this.push(sealChunk(key, counter, true, pending));
      done();
    },
  });
}

/** A stream that decrypts the document format; it fails (and emits nothing more) on any alteration. */
export function decryptStream(master: Buffer): Transform {
  let key: Buffer | null = null;
  let pending: Buffer = Buffer.alloc(0);
  let counter = 0;
  const record = CHUNK_BYTES + TAG_BYTES;
  return new Transform({
    transform(chunk: Buffer, _enc, done: TransformCallback) {
      try {
        pending = pending.length ? Buffer.concat([pending, chunk]) : chunk;
        if (!key) {
          if (pending.length < HEADER_BYTES) return done();
          if (!pending.subarray(0, MAGIC.length).equals(MAGIC)) throw new Error("not a document file");
          key = fileKey(master, pending.subarray(MAGIC.length, HEADER_BYTES));
          pending = pending.subarray(HEADER_BYTES);
        }
        while (pending.length > record) {
          this.push(openChunk(key, counter++, false, pending.subarray(0, record)));
          pending = pending.subarray(record);
        }
        done();
      } catch (err) {
        done(err as Error);
      }
    },
    flush(done: TransformCallback) {
      try {
        if (!key) throw new Error("the document is cut short");
        this.push(openChunk(key, counter, true, pending));
        done();
      } catch (err) {
        done(err as Error);
      }
    },
  });
}

export interface SniffedDocument {
  mime: "image/jpeg" | "image/png" | "image/webp" | "application/pdf";
  ext: "jpg" | "png" | "webp" | "pdf";
}

/** What a document's first bytes say it is; only photos (JPEG, PNG, WebP) and PDFs are accepted. */
export function sniffDocument(head: Buffer): SniffedDocument | null {
  const ascii = (from: number, to: number) => head.subarray(from, to).toString("latin1");
  if (head.length >= 3 && head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff)
    return { mime: "image/jpeg", ext: "jpg" };
  if (head.length >= 8 && head.subarray(0, 8).equals(Buffer.from("89504e470d0a1a0a", "hex")))
    return { mime: "image/png", ext: "png" };
  if (ascii(0, 4) === "RIFF" && ascii(8, 12) === "WEBP") return { mime: "image/webp", ext: "webp" };
  if (ascii(0, 5) === "%PDF-") return { mime: "application/pdf", ext: "pdf" };
  return null;
}

export const extensionOf = (mime: string): string =>
  ({ "image/jpeg": "jpg", "image/png": "png", "image/webp": "webp", "application/pdf": "pdf" })[mime] ??
  "bin";

/** The documents directory: where files go, how they are read back and removed. */
export function documentStore(privateDir: string, master: Buffer) {
  const docs = join(privateDir, "documents");
  const tmp = join(privateDir, "tmp");
  for (const dir of [privateDir, docs, tmp]) {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    chmodSync(dir, 0o700);
  }
  const pathOf = (id: string) => {
    if (!isId(id)) throw new Error(`not a document id: ${id}`);
    return join(docs, id);
  };
  return {
    /** The sealer for identity fields in the database (the same key). */
    sealer: createSealer(master) as Sealer,
    /** Where an upload is written while it arrives (encrypted already). */
    tmpPath: (id: string) => join(tmp, `${id}.part`),
    encrypt: () => encryptStream(master),
    /** Moves a received file into place. */
    commit: (id: string) => rename(join(tmp, `${id}.part`), pathOf(id)),
    /** The plaintext of a stored document, authenticated chunk by chunk. */
    open(id: string): Readable {
      const src = createReadStream(pathOf(id));
      const out = decryptStream(master);
      src.on("error", (err) => out.destroy(err));
      return src.pipe(out);
    },
    /** The stored (encrypted) file, for tests and doctor-like checks. */
    storedPath: pathOf,
    async remove(ids: string[]): Promise<void> {
      for (const id of ids) await rm(pathOf(id), { force: true });
      for (const id of ids) await rm(join(tmp, `${id}.part`), { force: true });
    },
    /** Removes partial uploads a crash left behind (older than `olderThanMs`). */
    async sweepTmp(olderThanMs: number, now = Date.now()): Promise<number> {
      let removed = 0;
      for (const name of await readdir(tmp).catch(() => [] as string[])) {
        const st = await stat(join(tmp, name)).catch(() => null);
        if (st && now - st.mtimeMs > olderThanMs) {
          await rm(join(tmp, name), { force: true });
          removed++;
        }
      }
      return removed;
    },
  };
}

export type DocumentStore = ReturnType<typeof documentStore>;
