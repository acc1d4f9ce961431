// Where things live on disk, derived from the data dir; and the project root for dev-mode assets.
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

export function dataPaths(dataDir: string) {
  const root = resolve(dataDir);
  return {
    root,
    database: join(root, "fanz.db"),
    setupToken: join(root, "setup-token"),
    media: join(root, "media"),
    tmp: join(root, "tmp"),
  };
}
export type DataPaths = ReturnType<typeof dataPaths>;

/** The source checkout root (dev path); the single executable replaces this with extracted assets. */
export const projectRoot = resolve(fileURLToPath(new URL("../..", import.meta.url)));
