// Picks the media storage driver from the [storage] settings. The S3 driver (and the AWS SDK) is loaded
// only when configured, so the default start-up does not pay for it.
import type { Logger } from "../logger.ts";
import { localStorage } from "./local.ts";
import type { S3Settings } from "./s3.ts";
import type { MediaStorage } from "./types.ts";

export type { MediaStorage, StoredFile, FileStat, ByteRange, Incoming, Workspace } from "./types.ts";
export { contentTypeOf } from "./types.ts";

export interface StorageSettings extends S3Settings {
  driver: "local" | "s3";
}

export async function createStorage(
  settings: StorageSettings,
  dirs: { media: string; tmp: string },
  logger: Logger,
): Promise<MediaStorage> {
  if (settings.driver === "local") return localStorage(dirs);
  const { s3Storage } = await import("./s3.ts");
  return s3Storage(settings, dirs, logger);
}
