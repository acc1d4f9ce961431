import { describe, expect, it } from "vitest";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parse } from "smol-toml";
import { readFileSync } from "node:fs";
import { ConfigError, loadConfig } from "./load.ts";
import { configSchema } from "./schema.ts";

const toml = (text: string) => {
  const file = join(mkdtempSync(join(tmpdir(), "fanz-cfg-")), "config.toml");
  writeFileSync(file, text);
  return file;
};

describe("config", () => {
  it("uses documented defaults", () => {
    const { config } = loadConfig({ file: "/dev/null", env: {} });
    expect(config.server.port).toBe(8080);
    expect(config.data.dir).toBe("./data");
    expect(config.payments.hold_days).toBe(7);
  });

  it("layers file < env < overrides, coercing env strings to the key's type", () => {
    const file = toml('[server]\nport = 9000\nhost = "0.0.0.0"\n[payments]\nhold_days = 3\n');
    const { config } = loadConfig({
      file,
      env: { FANZ_PAYMENTS__HOLD_DAYS: "14", FANZ_SERVER__TRUST_PROXY: "true", FANZ_DATA_DIR: "/srv/fanz" },
      overrides: { server: { port: 9100 } },
    });
    expect(config.server.port).toBe(9100);
    expect(config.server.host).toBe("0.0.0.0");
    expect(config.payments.hold_days).toBe(14);
    expect(config.server.trust_proxy).toBe(true);
    expect(config.data.dir).toBe("/srv/fanz");
  });

  it("reports every bad key at once", () => {
    const file = toml(
      '[server]\nport = "eighty"\ncolour = "red"\n[nosuch]\nx = 1\n[auth]\ncookie_secure = "sometimes"\n',
    );
    let err: unknown;
    try {
      loadConfig({ file, env: { FANZ_PAYMENTS__HOLD_DAYS: "soon", FANZ_BOGUS__KEY: "1" } });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ConfigError);
    const problems = (err as ConfigError).problems.join("\n");
    for (const key of [
      "server.port",
      "server.colour",
      "nosuch",
      "auth.cookie_secure",
      "payments.hold_days",
      "FANZ_BOGUS__KEY",
    ]) {
      expect(problems).toContain(key);
    }
  });

  it("requires a bucket and credentials for the s3 storage driver, listing each missing one", () => {
    expect(loadConfig({ file: "/dev/null", env: {} }).config.storage.driver).toBe("local");
    let err: unknown;
    try {
      loadConfig({
        file: "/dev/null",
        env: { FANZ_STORAGE__DRIVER: "s3", FANZ_STORAGE__S3_ACCESS_KEY_ID: "k" },
      });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ConfigError);
    expect((err as ConfigError).problems).toEqual([
      'storage.s3_bucket: required when storage.driver = "s3"',
      'storage.s3_secret_access_key: required when storage.driver = "s3"',
    ]);
    const { config } = loadConfig({
      file: toml('[storage]\ndriver = "s3"\ns3_bucket = "media"\ns3_access_key_id = "k"\n'),
      env: { FANZ_STORAGE__S3_SECRET_ACCESS_KEY: "s", FANZ_STORAGE__S3_FORCE_PATH_STYLE: "true" },
    });
    expect(config.storage).toMatchObject({ driver: "s3", s3_bucket: "media", s3_force_path_style: true });
  });

  it("reads sign-in providers from [[auth.oidc.providers]] or as JSON from FANZ_AUTH__OIDC", () => {
    const file = toml(
      '[[auth.oidc.providers]]\nid = "google"\nname = "Google"\nissuer = "https://accounts.google.com"\nclient_id = "c"\n',
    );
    const fromFile = loadConfig({ file, env: {} }).config.auth.oidc.providers;
    expect(fromFile).toEqual([
      {
        id: "google",
        name: "Google",
        issuer: "https://accounts.google.com",
        client_id: "c",
        client_secret: "",
        scopes: ["openid", "email", "profile"],
      },
    ]);
    const one = { id: "kc", name: "Keycloak", issuer: "https://id.example.com/realms/x", client_id: "site" };
    const env = { FANZ_AUTH__OIDC: JSON.stringify({ providers: [one] }) };
    expect(loadConfig({ file: "/dev/null", env }).config.auth.oidc.providers[0]?.id).toBe("kc");
    const twice = { FANZ_AUTH__OIDC: JSON.stringify({ providers: [one, one] }) };
    expect(() => loadConfig({ file: "/dev/null", env: twice })).toThrow(/provider ids must be unique/);
    const badId = { FANZ_AUTH__OIDC: JSON.stringify({ providers: [{ ...one, id: "Not OK" }] }) };
    expect(() => loadConfig({ file: "/dev/null", env: badId })).toThrow(/auth\.oidc\.providers\.0\.id/);
  });

  it("config.example.toml documents every key with its default", () => {
    const example = parse(readFileSync("config.example.toml", "utf8"));
    const defaults = configSchema.parse({});
    expect(example).toEqual(JSON.parse(JSON.stringify(defaults)));
  });
});
