// The ffmpeg lookup order, on real executables: small scripts that answer `-version` like ffmpeg does,
// each naming itself in the version, placed where config, FFMPEG_PATH and PATH point.
import { afterAll, describe, expect, it } from "vitest";
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { delimiter, dirname, join } from "node:path";
import { findFfmpeg } from "./ffmpeg.ts";

const root = mkdtempSync(join(tmpdir(), "fanz-ffmpeg-lookup-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** An executable `<dir>/ffmpeg` that reports version `name` (or fails, like a broken binary). */
function fakeFfmpeg(name: string, works = true): string {
  const dir = join(root, name);
  mkdirSync(dir, { recursive: true });
  const file = join(dir, "ffmpeg");
  writeFileSync(
    file,
    works
      ? `#!/bin/sh\necho "ffmpeg version ${name} Copyright (c) the FFmpeg developers"\n`
      : "#!/bin/sh\nexit 1\n",
  );
  chmodSync(file, 0o755);
  return file;
}

const config = fakeFfmpeg("from-config");
const env = fakeFfmpeg("from-env");
const onPath = fakeFfmpeg("on-path");
const laterOnPath = fakeFfmpeg("later-on-path");
const broken = fakeFfmpeg("broken", false);
const emptyDir = join(root, "empty");
mkdirSync(emptyDir);
const PATH = [emptyDir, dirname(onPath), dirname(laterOnPath)].join(delimiter);

describe("ffmpeg lookup: config, then FFMPEG_PATH, then PATH, then the bundled build", () => {
  it("takes the configured path over FFMPEG_PATH and PATH", () => {
    expect(findFfmpeg(config, { FFMPEG_PATH: env, PATH }).found).toEqual({
      path: config,
      source: "config",
      version: "from-config",
    });
  });

  it("takes FFMPEG_PATH over PATH when nothing is configured", () => {
    expect(findFfmpeg("", { FFMPEG_PATH: env, PATH }).found).toEqual({
      path: env,
      source: "env",
      version: "from-env",
    });
  });

  it("takes the first ffmpeg on PATH (a directory without one is passed over) over the bundled build", () => {
    expect(findFfmpeg("", { PATH }).found).toEqual({ path: onPath, source: "path", version: "on-path" });
  });

  it("passes over a candidate that does not run, saying so, to the next one", () => {
    const r = findFfmpeg(broken, { FFMPEG_PATH: join(root, "missing", "ffmpeg"), PATH });
    expect(r.found).toEqual({ path: onPath, source: "path", version: "on-path" });
    expect(r.problems).toEqual([
      `config ${broken}: does not run`,
      `env ${join(root, "missing", "ffmpeg")}: does not run`,
    ]);
  });

  it("falls back to the static build in @ffmpeg-installer/ffmpeg when nothing else runs", () => {
    const r = findFfmpeg(broken, { PATH: emptyDir });
    expect(r.problems).toEqual(["path: no ffmpeg on PATH", `config ${broken}: does not run`]);
    expect(r.found?.source).toBe("bundled");
    expect(r.found?.path).toMatch(/@ffmpeg-installer[/\\][^/\\]+[/\\]ffmpeg$/);
    // It is a real ffmpeg: the version it reports is its own, not a placeholder.
    expect(r.found?.version).toMatch(/^N-\d+|^\d+\.\d+/);
  });
});
