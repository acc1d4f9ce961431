// Where things live on disk, derived from the data dir; and the project root for dev-mode assets.
import { join, resolve } from "node:path";
import { runtimeRoot } from "./runtime.ts";

export function dataPaths(dataDir: string) {
  const root = resolve(dataDir);
  return {
    root,
    database: join(root, "fanz.db"),
    setupToken: join(root, "setup-token"),
    secretKey: join(root, "secret.key"),
    media: join(root, "media"),
    tmp: join(root, "tmp"),
    /** Mails written by the "file" transport, one .eml each. */
    mail: join(root, "mail"),
    /** Identity documents and signed releases (encrypted), outside the media tree: no route or nginx location serves it. */
    private: join(root, "private"),
    /** The key that encrypts them, unless the config sets `[compliance] documents_key`. */
    documentsKey: join(root, "documents.key"),
    /** Live streams' HLS while they run (and their recording until it becomes a medium), on the ingest node. */
    live: join(root, "live"),
  };
}
export type DataPaths = ReturnType<typeof dataPaths>;

/** Where shipped files (web UI, templates) are: the checkout, or the single executable's unpacked assets. */
export const projectRoot = runtimeRoot;
