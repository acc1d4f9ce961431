import { defineConfig, type Plugin } from "vite";
import solid from "vite-plugin-solid";
import { readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { extname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { encode, MIN_COMPRESS_BYTES } from "../src/lib/compression.ts";
import { areaImports } from "./area-imports.ts";
import { localeSplit } from "./locale-split.ts";

const root = fileURLToPath(new URL(".", import.meta.url));
const outDir = join(root, "dist");

const TEXT = new Set([".js", ".css", ".html", ".svg", ".json", ".webmanifest", ".txt"]);

/** Writes a .br and a .gz beside every text file of the build: the app serves them as they are. */
function precompress(): Plugin {
  const walk = (dir: string): string[] =>
    readdirSync(dir).flatMap((name) => {
      const full = join(dir, name);
      return statSync(full).isDirectory() ? walk(full) : [full];
    });
  return {
    name: "fanz-precompress",
    apply: "build",
    closeBundle() {
      for (const file of walk(outDir)) {
        if (!TEXT.has(extname(file))) continue;
        const body = readFileSync(file);
        if (body.byteLength < MIN_COMPRESS_BYTES) continue;
        writeFileSync(`${file}.br`, encode(body, "br", "max"));
        writeFileSync(`${file}.gz`, encode(body, "gzip", "max"));
      }
    },
  };
}

export default defineConfig({
  root,
  plugins: [
    areaImports(join(root, "src"), join(root, "src/i18n/areas")),
    solid(),
    localeSplit(join(root, "src/i18n/areas")),
    precompress(),
  ],
  build: { outDir: "dist", emptyOutDir: true, target: "es2022", sourcemap: false },
  server: {
    port: 5173,
    proxy: {
      "/api": "http://localhost:8080",
      "/healthz": "http://localhost:8080",
      "/manifest.webmanifest": "http://localhost:8080",
    },
  },
});
