// What a doctor check sees and returns. One check per file in this directory; doctor.ts runs them in order.
import type { Config } from "../../src/config/schema.ts";
import type { DataPaths } from "../../src/lib/paths.ts";
import type { buildApp } from "../../src/main.ts";

export type CheckStatus = "pass" | "warn" | "fail";

export interface CheckResult {
  status: CheckStatus;
  message: string;
  /** What to do about a warn or fail. */
  suggestion?: string;
}

export interface DoctorContext {
  config: Config;
  configFile: string | null;
  paths: DataPaths;
  /** The app on the live database, opened on first use (never migrates: see migrations check). */
  app(): ReturnType<typeof buildApp>;
  /** Set by the migrations check: false when the database is not exactly at this build's schema. */
  schemaCurrent: boolean;
  /** `doctor --fix`: checks that can repair do (only what nothing refers to), then report. */
  fix: boolean;
  /** Set by the database check: false when the file is missing or fails integrity_check. */
  dbHealthy: boolean;
}

export interface Check {
  title: string;
  run(ctx: DoctorContext): CheckResult | Promise<CheckResult>;
}
