// Loads the configuration: defaults < TOML file < FANZ_<SECTION>__<KEY> env vars < explicit overrides (CLI flags).
// Every bad key is reported at once so an operator fixes the file in one go.
import { readFileSync, existsSync } from "node:fs";
import { parse as parseToml } from "smol-toml";
import { configSchema, type Config } from "./schema.ts";

export class ConfigError extends Error {
  constructor(public readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
  }
}

type Raw = Record<string, Record<string, unknown>>;

export interface LoadOptions {
  /** Path of a TOML file; when absent, ./config.toml is used if it exists. */
  file?: string;
  env?: NodeJS.ProcessEnv;
  /** Highest-priority values, e.g. from --port / --data-dir. */
  overrides?: Partial<{ [S in keyof Config]: Partial<Config[S]> }>;
}

/** Turns an env string into the type the schema's default has at that key. */
function coerceEnv(value: string, sample: unknown): unknown {
  // Lists (e.g. payments.ccbill_webhook_ips) are comma-separated in the environment.
  if (Array.isArray(sample))
    return value
      .split(",")
      .map((v) => v.trim())
      .filter(Boolean);
  // Nested tables (e.g. auth.oidc with its list of providers) come as JSON.
  if (typeof sample === "object" && sample !== null) {
    try {
      return JSON.parse(value) as unknown;
    } catch {
      return value;
    }
  }
  if (typeof sample === "number") return value.trim() === "" ? value : Number(value);
  if (typeof sample === "boolean") {
    if (/^(true|1|yes|on)$/i.test(value)) return true;
    if (/^(false|0|no|off)$/i.test(value)) return false;
    return value;
  }
  return value;
}

export function loadConfig(opts: LoadOptions = {}): { config: Config; file: string | null } {
  const env = opts.env ?? process.env;
  const problems: string[] = [];
  const raw: Raw = {};
  const defaults = configSchema.parse({}) as unknown as Raw;

  const file = opts.file ?? env.FANZ_CONFIG ?? (existsSync("config.toml") ? "config.toml" : undefined);
  if (file) {
    try {
      const parsed = parseToml(readFileSync(file, "utf8")) as Raw;
      for (const [k, v] of Object.entries(parsed)) raw[k] = { ...(v as Record<string, unknown>) };
    } catch (err) {
      throw new ConfigError([`${file}: ${(err as Error).message.split("\n")[0]}`]);
    }
  }

  const shortcuts: Record<string, [string, string]> = {
    FANZ_PORT: ["server", "port"],
    FANZ_HOST: ["server", "host"],
    FANZ_DATA_DIR: ["data", "dir"],
  };
  for (const [name, value] of Object.entries(env)) {
    if (value === undefined || !name.startsWith("FANZ_") || name === "FANZ_CONFIG") continue;
    let target = shortcuts[name];
    if (!target) {
      const m = /^FANZ_([A-Z0-9]+)__([A-Z0-9_]+)$/.exec(name);
      if (!m) continue;
      target = [m[1]!.toLowerCase(), m[2]!.toLowerCase()];
    }
    const [section, key] = target;
    const sample = defaults[section]?.[key];
    if (sample === undefined) {
      problems.push(`${name}: there is no setting ${section}.${key}`);
      continue;
    }
    raw[section] = { ...raw[section], [key]: coerceEnv(value, sample) };
  }

  for (const [section, values] of Object.entries(opts.overrides ?? {})) {
    for (const [key, value] of Object.entries(values ?? {})) {
      if (value !== undefined) raw[section] = { ...raw[section], [key]: value };
    }
  }

  const result = configSchema.safeParse(raw);
  if (!result.success) {
    for (const issue of result.error.issues) {
      if (issue.code === "unrecognized_keys") {
        for (const key of issue.keys) problems.push(`${[...issue.path, key].join(".")}: unknown setting`);
      } else {
        problems.push(`${issue.path.join(".") || "(root)"}: ${issue.message}`);
      }
    }
  }
  if (result.success && result.data.db.dialect === "postgres" && !result.data.db.url)
    problems.push(
      'db.url: required when db.dialect = "postgres" (postgres://user:password@host:5432/database)',
    );
  if (result.success && result.data.storage.driver === "s3") {
    const st = result.data.storage;
    const missing = (
      [
        ["s3_bucket", st.s3_bucket],
        ["s3_access_key_id", st.s3_access_key_id],
        ["s3_secret_access_key", st.s3_secret_access_key],
      ] as const
    ).filter(([, v]) => !v);
    for (const [key] of missing) problems.push(`storage.${key}: required when storage.driver = "s3"`);
  }
  if (result.success && result.data.email.transport === "smtp" && !result.data.email.smtp_url)
    problems.push('email.smtp_url: required when email.transport = "smtp" (smtp://user:password@host:587)');
  if (problems.length > 0 || !result.success) throw new ConfigError(problems);
  return { config: result.data, file: file ?? null };
}

/** The public URL people use, derived from config when not set. */
export function publicUrl(config: Config): string {
  return (config.server.public_url || `http://localhost:${config.server.port}`).replace(/\/+$/, "");
}
