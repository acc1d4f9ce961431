// Media on local disk under data_dir/media/<id>/ (the default): uploads arrive in data_dir/tmp and are
// renamed into place, workers read and write the medium's directory itself, nginx can serve the files.
import { constants, createReadStream, createWriteStream } from "node:fs";
import { access, mkdir, readdir, rename, rm, stat } from "node:fs/promises";
import { dirname, join } from "node:path";
import { pipeline } from "node:stream/promises";
import { newId } from "../ids.ts";
import type { Incoming, MediaStorage, StoredFile } from "./types.ts";

/** Keys are "<id>/<file>": never a path that leaves the media directory. */
export function checkKey(key: string): string {
  if (
    !/^[A-Za-z0-9_-]+(\/[A-Za-z0-9_.-]+)*\/?$/.test(key) ||
    key.split("/").some((p) => p === ".." || p === ".")
  )
    throw new Error(`not a media key: ${JSON.stringify(key)}`);
  return key;
}

export function localStorage(dirs: { media: string; tmp: string }): MediaStorage {
  const pathOf = (key: string) => join(dirs.media, checkKey(key));

  function file(key: string): StoredFile {
    const path = pathOf(key);
    return {
      key,
      async stat() {
        const st = await stat(path).catch(() => null);
        if (!st?.isFile()) return null;
        return {
          size: st.size,
          etag: `"${st.size.toString(36)}-${Math.floor(st.mtimeMs).toString(36)}"`,
          modified: st.mtime,
        };
      },
      open: async (range) => createReadStream(path, range ?? {}),
    };
  }

  function receive(key: string): Incoming {
    const dest = pathOf(key);
    const tmp = join(dirs.tmp, `${key.replace(/\//g, ".")}.upload`);
    const writable = createWriteStream(tmp, { flags: "wx", mode: 0o640 });
    let committed = false;
    return {
      writable,
      localPath: tmp,
      async commit() {
        await mkdir(dirname(dest), { recursive: true });
        await rename(tmp, dest);
        committed = true;
      },
      async discard() {
        if (!writable.closed) {
          const closed = new Promise<void>((ok) => writable.once("close", () => ok()));
          writable.destroy();
          await closed;
        }
        await rm(tmp, { force: true });
        // A fresh upload's directory holds nothing else.
        if (committed) await rm(join(dirs.media, key.split("/")[0]!), { recursive: true, force: true });
      },
    };
  }

  return {
    driver: "local",
    localDir: dirs.media,
    receive,
    file,
    async put(key, body) {
      const dest = pathOf(key);
      const tmp = join(dirs.tmp, `${newId()}.put`);
      try {
        await pipeline(body, createWriteStream(tmp, { flags: "wx", mode: 0o640 }));
        await mkdir(dirname(dest), { recursive: true });
        await rename(tmp, dest);
      } finally {
        await rm(tmp, { force: true });
      }
    },
    async deletePrefix(prefix) {
      await rm(pathOf(prefix), { recursive: true, force: true });
    },
    async *listPrefixes() {
      const entries = await readdir(dirs.media, { withFileTypes: true }).catch(() => []);
      yield entries.filter((e) => e.isDirectory()).map((e) => e.name);
    },
    async lastModified(prefix) {
      const st = await stat(pathOf(prefix)).catch(() => null);
      return st ? st.mtimeMs : null;
    },
    // Workers read and write the medium's own directory: no copies.
    async workspace(id) {
      const dir = pathOf(`${id}/`);
      return {
        input: join(dir, "original"),
        outDir: dir,
        save: async () => undefined,
        release: async () => undefined,
      };
    },
    abortStaleUploads: async () => 0,
    async problem() {
      try {
        await access(dirs.media, constants.W_OK);
        return null;
      } catch {
        return "the media directory is not writable";
      }
    },
  };
}
