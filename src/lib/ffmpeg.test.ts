import { describe, expect, it } from "vitest";
import { findFfmpeg } from "./ffmpeg.ts";

describe("ffmpeg lookup", () => {
  it("takes config, then FFMPEG_PATH, then PATH, then the bundled static build", () => {
    const none = findFfmpeg("/nonexistent/ffmpeg", { FFMPEG_PATH: "/also/missing", PATH: "" });
    expect(none.problems).toEqual([
      "path: no ffmpeg on PATH",
      "config /nonexistent/ffmpeg: does not run",
      "env /also/missing: does not run",
    ]);
    // Nothing on PATH: the static build inside @ffmpeg-installer/ffmpeg keeps video working.
    expect(none.found).toMatchObject({ source: "bundled" });
    expect(none.found!.path).toContain("@ffmpeg-installer");
  });

  it("prefers a system ffmpeg on PATH when there is one", () => {
    const r = findFfmpeg("", { PATH: "/usr/bin:/bin" });
    if (r.found?.source === "path") expect(r.found.path).toBe("/usr/bin/ffmpeg");
    else expect(r.found?.source).toBe("bundled");
  });
});
