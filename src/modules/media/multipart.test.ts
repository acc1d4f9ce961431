import { describe, expect, it } from "vitest";
import { mkdtempSync, readFileSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Writable } from "node:stream";
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
      expect(got).toMatchObject({ fileName: "a.bin", size: file.length });
      expect(got.head.equals(file.subarray(0, 64))).toBe(true);
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

  const ct = `multipart/form-data; boundary=${boundary}`;
  const part = (headers: string, content: string | Buffer) =>
    Buffer.concat([
      Buffer.from(`--${boundary}\r\n${headers}\r\n\r\n`),
      Buffer.from(content),
      Buffer.from("\r\n"),
    ]);
  const form = (...parts: Buffer[]) => Buffer.concat([...parts, Buffer.from(`--${boundary}--\r\n`)]);
  const filePart = (name: string, fileName: string, content: string | Buffer) =>
    part(`Content-Disposition: form-data; name="${name}"; filename="${fileName}"`, content);

  it("takes a file exactly at the limit", async () => {
    const dest = join(dir, "at-limit");
    const got = await receiveFile(stream(form(filePart("file", "x.bin", file)), 333), ct, dest, file.length);
    expect(got).toMatchObject({ fileName: "x.bin", size: file.length });
    expect(readFileSync(dest).equals(file)).toBe(true);
  });

  it("keeps a UTF-8 file name as sent", async () => {
    const dest = join(dir, "utf8-name");
    const got = await receiveFile(stream(form(filePart("file", "café ✓.jpg", "x")), 5), ct, dest, 100);
    expect(got).toEqual({ fileName: "café ✓.jpg", size: 1, head: Buffer.from("x") });
  });

  const refusals: [string, Buffer, string][] = [
    ["no file field", form(part('Content-Disposition: form-data; name="note"', "hi")), "no_file"],
    ["two files", form(filePart("file", "a.bin", file), filePart("file", "b.bin", file)), "too_many_files"],
    [
      "a file under another name",
      form(filePart("other", "a.bin", "x"), filePart("file", "b.bin", file)),
      "bad_multipart",
    ],
    [
      "too many fields",
      form(
        ...Array.from({ length: 50 }, (_, i) => part(`Content-Disposition: form-data; name="f${i}"`, "v")),
        filePart("file", "a.bin", file),
      ),
      "bad_multipart",
    ],
    [
      "a field over 64 KiB",
      form(
        part('Content-Disposition: form-data; name="note"', Buffer.alloc(65 * 1024, 0x61)),
        filePart("file", "a.bin", file),
      ),
      "invalid_request",
    ],
    [
      "a part header over 16 KiB",
      form(part(`Content-Disposition: form-data; name="file"; filename="${"n".repeat(17 * 1024)}"`, file)),
      "bad_multipart",
    ],
    [
      "no closing boundary",
      Buffer.concat([filePart("file", "a.bin", file), Buffer.from(`--${boundary}`)]),
      "bad_multipart",
    ],
  ];
  for (const [i, [what, whole, code]] of refusals.entries()) {
    it(`answers 400 ${code} to ${what}, leaving no file`, async () => {
      const dest = join(dir, `refused-${i}`);
      await expect(receiveFile(stream(whole, 4096), ct, dest, 1 << 20)).rejects.toMatchObject({
        kind: "invalid",
        code,
      });
      expect(existsSync(dest)).toBe(false);
    });
  }

  it("reads the rest of a refused body, so the client can read the answer", async () => {
    const whole = form(filePart("file", "a.bin", Buffer.alloc(200_000, 1)));
    let pulled = 0;
    const counted = new ReadableStream<Uint8Array>({
      pull(c) {
        if (pulled >= whole.length) return c.close();
        c.enqueue(new Uint8Array(whole.subarray(pulled, pulled + 8192)));
        pulled += 8192;
      },
    });
    const dest = join(dir, "drained");
    await expect(receiveFile(counted, ct, dest, 1000)).rejects.toMatchObject({
      kind: "too_large",
      code: "payload_too_large",
    });
    expect(pulled).toBeGreaterThanOrEqual(whole.length);
    expect(existsSync(dest)).toBe(false);
  });

  it("stores no more of a file its first bytes refuse, yet answers as for the whole file", async () => {
    const notMedia = (head: Buffer) =>
      sniffBytes(head) ? null : Object.assign(new Error("not media"), { kind: "unsupported" });
    const junk = Buffer.alloc(5000, 0x61);
    let stored = 0;
    const sink = () => {
      const w = new Writable({
        write(chunk: Buffer, _enc, cb) {
          stored += chunk.length;
          cb();
        },
      });
      return { writable: w, discard: async () => undefined };
    };
    const opts = { check: notMedia as never };
    await expect(
      receiveFile(stream(form(filePart("file", "a.txt", junk)), 512), ct, sink, 1 << 20, opts),
    ).rejects.toMatchObject({
      kind: "unsupported",
    });
    expect(stored).toBeLessThan(1024);
    // Over the limit it is still the limit that answers.
    await expect(
      receiveFile(stream(form(filePart("file", "a.txt", junk)), 512), ct, sink, 1000, opts),
    ).rejects.toMatchObject({
      kind: "too_large",
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
