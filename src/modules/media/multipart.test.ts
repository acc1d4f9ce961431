import { describe, expect, it } from "vitest";
import { mkdtempSync, readFileSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { receiveFile } from "./multipart.ts";
import { sanitizeFileName } from "./service.ts";
import { sniffBytes } from "./sniff.ts";

const boundary = "----fanzBoundary7MA4YWxk";
const body = (file: Buffer, fileName = "a.bin") =>
  Buffer.concat([
    Buffer.from(
      `preamble to ignore\r\n--${boundary}\r\nContent-Disposition: form-data; name="note"\r\n\r\nhello\r\n`,
    ),
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\n` +
        `Content-Type: application/octet-stream\r\n\r\n`,
    ),
    file,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);

/** The body as a stream cut into chunks of `size` bytes (boundaries straddle chunks). */
const stream = (buf: Buffer, size: number) =>
  new ReadableStream<Uint8Array>({
    start(c) {
      for (let i = 0; i < buf.length; i += size) c.enqueue(new Uint8Array(buf.subarray(i, i + size)));
      c.close();
    },
  });

describe("multipart upload reader", () => {
  const dir = mkdtempSync(join(tmpdir(), "fanz-mp-"));
  // Content that contains near-boundaries and CRLFs.
  const file = Buffer.concat([
    Buffer.from(`\r\n--${boundary.slice(0, -1)}X\r\n`),
    Buffer.alloc(5000, 0xab),
    Buffer.from("\r\n--"),
  ]);

  for (const size of [1, 7, 64, 100_000]) {
    it(`extracts the file part exactly with ${size}-byte chunks`, async () => {
      const dest = join(dir, `out-${size}`);
      const got = await receiveFile(
        stream(body(file), size),
        `multipart/form-data; boundary=${boundary}`,
        dest,
        1 << 20,
      );
      expect(got).toEqual({ fileName: "a.bin", size: file.length });
      expect(readFileSync(dest).equals(file)).toBe(true);
    });
  }

  it("cuts off at the limit and removes the partial file", async () => {
    const dest = join(dir, "too-big");
    await expect(
      receiveFile(stream(body(file), 512), `multipart/form-data; boundary=${boundary}`, dest, 1000),
    ).rejects.toMatchObject({ kind: "too_large" });
    expect(existsSync(dest)).toBe(false);
  });

  it("refuses a truncated body and a missing boundary", async () => {
    const dest = join(dir, "cut");
    const whole = body(file);
    await expect(
      receiveFile(
        stream(whole.subarray(0, whole.length - 30), 256),
        `multipart/form-data; boundary=${boundary}`,
        dest,
        1 << 20,
      ),
    ).rejects.toMatchObject({ kind: "invalid" });
    expect(existsSync(dest)).toBe(false);
    await expect(receiveFile(stream(whole, 256), "application/json", dest, 1 << 20)).rejects.toMatchObject({
      kind: "invalid",
    });
  });

  it("sanitises file names and sniffs types from bytes", () => {
    expect(sanitizeFileName("../../etc/passwd")).toBe("passwd");
    expect(sanitizeFileName("C:\\Users\\me\\photo.jpg")).toBe("photo.jpg");
    expect(sanitizeFileName("..\u202eevil\u0000.jpg")).toBe("evil.jpg");
    expect(sanitizeFileName("")).toBe("upload");
    expect(sniffBytes(Buffer.from([0xff, 0xd8, 0xff, 0xe0]))).toEqual({ kind: "image", mime: "image/jpeg" });
    expect(sniffBytes(Buffer.from("<html><script>"))).toBeNull();
    expect(sniffBytes(Buffer.concat([Buffer.from([0, 0, 0, 0x20]), Buffer.from("ftypqt  ")]))).toEqual({
      kind: "video",
      mime: "video/quicktime",
    });
  });
});
