// Job name -> handler. Handlers run on the main thread: they hand the heavy part to the worker pool
// (pure: files in, files out) and record the outcome in the DB through onDone / onFailed, which run
// inside the transaction that settles the job.
import type { DrizzleDb } from "../db/client.ts";

export interface RunningJob {
  id: string;
  /** 1 for the first run. */
  attempt: number;
  /** Reports progress 0..100; stored with the next lock renewal. */
  progress(percent: number): void;
}

export interface JobHandler {
  run(payload: unknown, job: RunningJob): Promise<unknown>;
  onDone?(tx: DrizzleDb, payload: unknown, result: unknown): Promise<void>;
  onFailed?(tx: DrizzleDb, payload: unknown, reason: string): Promise<void>;
}

export type JobRegistry = Record<string, JobHandler>;

/** Thrown by a handler when retrying cannot help (a corrupt upload): the job fails at once. */
export class PermanentJobError extends Error {}
