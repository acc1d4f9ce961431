// What the worker pool can do. Every task is pure: input file(s) in, output files out, a plain result.
import { processImage, type ImageTask, type ImageResult } from "./image.worker.ts";
import {
  processProfileImage,
  type ProfileImageResult,
  type ProfileImageTask,
} from "./profile-image.worker.ts";
import { processVideo, type VideoTask, type VideoResult } from "./video.worker.ts";

/** Proves a worker thread starts and answers (for /readyz). */
export interface PingTask {
  kind: "ping";
}

export type WorkerTask = ImageTask | VideoTask | ProfileImageTask | PingTask;
export type WorkerResult<T extends WorkerTask> = T extends ImageTask
  ? ImageResult
  : T extends VideoTask
    ? VideoResult
    : T extends ProfileImageTask
      ? ProfileImageResult
      : T extends PingTask
        ? { pong: true }
        : never;

export default async function runTask(task: WorkerTask): Promise<WorkerResult<WorkerTask>> {
  switch (task.kind) {
    case "image":
      return processImage(task);
    case "video":
      return processVideo(task);
    case "profile-image":
      return processProfileImage(task);
    case "ping":
      return { pong: true };
  }
}
