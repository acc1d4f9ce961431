import { brotliDecompressSync, gunzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { encode, isCompressible, negotiateEncoding } from "./compression.ts";

describe("negotiateEncoding", () => {
  it("prefers brotli, honours q-values and refusals, and falls back to none", () => {
    expect(negotiateEncoding("gzip, deflate, br, zstd")).toBe("br");
    expect(negotiateEncoding("gzip")).toBe("gzip");
    expect(negotiateEncoding("br;q=0.5, gzip;q=0.8")).toBe("gzip");
    expect(negotiateEncoding("br;q=0, gzip;q=0")).toBeNull();
    expect(negotiateEncoding("*")).toBe("br");
    expect(negotiateEncoding("*;q=0.3, br;q=0")).toBe("gzip");
    expect(negotiateEncoding("identity")).toBeNull();
    expect(negotiateEncoding("")).toBeNull();
    expect(negotiateEncoding(undefined)).toBeNull();
    expect(negotiateEncoding("gzip;q=abc, br;q=2")).toBe("br");
  });

  it("names the text types that compress", () => {
    expect(isCompressible("text/javascript; charset=utf-8")).toBe(true);
    expect(isCompressible("application/json")).toBe(true);
    expect(isCompressible("image/svg+xml")).toBe(true);
    expect(isCompressible("image/png")).toBe(false);
    expect(isCompressible(null)).toBe(false);
  });

  it("encodes reversibly at both levels", () => {
    const body = Buffer.from(
      JSON.stringify({ items: Array.from({ length: 200 }, (_, i) => ({ i, t: "post" })) }),
    );
    for (const q of ["max", "fast"] as const) {
      const br = encode(body, "br", q);
      const gz = encode(body, "gzip", q);
      expect(br.byteLength).toBeLessThan(body.byteLength / 4);
      expect(brotliDecompressSync(br).equals(body)).toBe(true);
      expect(gunzipSync(gz).equals(body)).toBe(true);
    }
  });
});
