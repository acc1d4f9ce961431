// Workers are pure: they read a local original and write local outputs. This gets them those files from
// whichever storage holds the medium.
import type { MediaStorage } from "../../lib/storage/index.ts";

/**
 * Runs a worker task on local files: the medium's original and a directory for its outputs (on the local
 * driver the medium's own directory; with a bucket, copies in data_dir/tmp whose outputs are uploaded
 * when the task succeeds). The temporary copies go either way.
 */
export async function inWorkspace<R extends { ok: boolean }>(
  storage: MediaStorage,
  id: string,
  task: (input: string, outDir: string) => Promise<R>,
): Promise<R> {
  const ws = await storage.workspace(id);
  try {
    const result = await task(ws.input, ws.outDir);
    if (result.ok) await ws.save();
    return result;
  } finally {
    await ws.release();
  }
}
