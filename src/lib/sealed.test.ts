import { describe, expect, it } from "vitest";
import { mkdtempSync, readFileSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createSealer, loadSecretKey } from "./sealed.ts";

describe("sealed", () => {
  it("round-trips, hides the text and refuses tampered data or another key", () => {
    const dir = mkdtempSync(join(tmpdir(), "fanz-seal-"));
    const file = join(dir, "secret.key");
    const key = loadSecretKey("", file);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(loadSecretKey("", file).equals(key)).toBe(true);
    const s = createSealer(key);
    const sealed = s.seal("GB82 WEST 1234 5698 7654 32");
    expect(Buffer.from(sealed, "base64").toString("latin1")).not.toContain("WEST");
    expect(s.open(sealed)).toBe("GB82 WEST 1234 5698 7654 32");
    const bytes = Buffer.from(sealed, "base64");
    bytes[bytes.length - 1]! ^= 1;
    expect(() => s.open(bytes.toString("base64"))).toThrow();
    const other = createSealer(Buffer.alloc(32, 7));
    expect(() => other.open(sealed)).toThrow();
    expect(readFileSync(file, "utf8").trim()).toMatch(/^[0-9a-f]{64}$/);
  });
});
