// The one way to reach files that ship with Fanz (the built web UI, the API reference's script). In
// development they are read from the checkout; the single executable unpacks the same paths (see
// scripts/build-binary.mjs, which packs every path of shipped-files.json) and projectRoot points there.
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { createHash } from "node:crypto";
import { extname, join, relative, sep } from "node:path";
import { encode, isCompressible, MIN_COMPRESS_BYTES, type Encoding } from "./compression.ts";
import { projectRoot } from "./paths.ts";
import shipped from "./shipped-files.json" with { type: "json" };

export interface Asset {
  body: Buffer;
  type: string;
  etag: string;
  /** The body in each content encoding: the build's pre-compressed files, else made on first use and kept. */
  encoded?: Partial<Record<Encoding, Buffer>>;
}

/** The asset's body in `encoding`, or null when its type does not compress or it is too small to gain. */
export function encodedBody(asset: Asset, encoding: Encoding): Buffer | null {
  if (!isCompressible(asset.type) || asset.body.byteLength < MIN_COMPRESS_BYTES) return null;
  const encoded = (asset.encoded ??= {});
  return (encoded[encoding] ??= encode(asset.body, encoding, "fast"));
}

const PRECOMPRESSED: Record<string, Encoding> = { ".br": "br", ".gz": "gzip" };

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".webp": "image/webp",
  ".json": "application/json",
  ".txt": "text/plain; charset=utf-8",
  ".woff2": "font/woff2",
  ".webmanifest": "application/manifest+json",
};

/**
 * Single files served as they are, by name (shipped-files.json: their paths under the project root, which
 * scripts/build-binary.mjs packs too). `apiReference`: Scalar's self-contained browser bundle (/api/docs).
 */
export const SHIPPED_FILES = shipped;

const assetOf = (file: string, body: Buffer): Asset => ({
  body,
  type: TYPES[extname(file)] ?? "application/octet-stream",
  etag: `"${createHash("sha256").update(body).digest("base64url").slice(0, 22)}"`,
});

/** One shipped file, read on first use and kept; null if it is missing. */
export function shippedFile(name: keyof typeof SHIPPED_FILES): () => Asset | null {
  let asset: Asset | null | undefined;
  return () => {
    if (asset === undefined) {
      const file = join(projectRoot, SHIPPED_FILES[name]);
      asset = existsSync(file) ? assetOf(file, readFileSync(file)) : null;
    }
    return asset;
  };
}

function walk(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) walk(full, out);
    else out.push(full);
  }
  return out;
}

/** Loads the built web UI into memory (it is small); null if it has not been built. */
export function loadWebAssets(dir = join(projectRoot, "web", "dist")): Map<string, Asset> | null {
  if (!existsSync(join(dir, "index.html"))) return null;
  const assets = new Map<string, Asset>();
  const files = walk(dir);
  const pathOf = (file: string) => "/" + relative(dir, file).split(sep).join("/");
  for (const file of files) {
    if (!PRECOMPRESSED[extname(file)]) assets.set(pathOf(file), assetOf(file, readFileSync(file)));
  }
  // The build's .br and .gz files are encodings of the file they are named after, not paths of their own.
  for (const file of files) {
    const encoding = PRECOMPRESSED[extname(file)];
    const of = encoding && assets.get(pathOf(file).slice(0, -extname(file).length));
    if (of) (of.encoded ??= {})[encoding] = readFileSync(file);
  }
  return assets;
}
