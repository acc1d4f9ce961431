// The build step that sends each English catalog area with the code that names its keys
// (web/area-imports.ts): which literals count as naming an area, and that the web build uses the step
// (without it no English message reaches the browser and every page shows its keys).
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { Plugin, UserConfig } from "vite";
import { areaKeys, areasNamed } from "../../web/area-imports.ts";

const AREAS_DIR = join(process.cwd(), "web/src/i18n/areas");

describe("web area imports", () => {
  const keys = areaKeys(AREAS_DIR);

  it("reads every area's keys from its file", () => {
    expect(keys.get("feed")).toContain("feed.heroTitle");
    expect(keys.get("nav")).toContain("nav.home");
    for (const [area, list] of keys) for (const k of list) expect(k.startsWith(`${area}.`)).toBe(true);
  });

  it("finds the areas a module's literals name, and only those", () => {
    expect(areasNamed(`t("feed.heroTitle"); t('nav.home')`, keys)).toEqual(["feed", "nav"]);
    // A template's start and a prefix completed at run time name the keys they complete to.
    expect(areasNamed("t(`errors.${code}`)", keys)).toEqual(["errors"]);
    expect(areasNamed(`hasMessage("pay.kind_" + kind)`, keys)).toEqual(["pay"]);
    // Strings shaped like keys that are not keys: a realtime frame type, a storage key, a file name.
    expect(
      areasNamed(`onFrame("live.status"); localStorage.getItem("fanz.locale"); "./feed.ts"`, keys),
    ).toEqual([]);
    expect(areasNamed(`t("feed.noSuchKey")`, keys)).toEqual([]);
  });

  it("is a plugin of the web build", async () => {
    const config = (await import("../../web/vite.config.ts")).default as UserConfig;
    const names = (config.plugins as Plugin[]).flat().map((p) => p.name);
    expect(names).toContain("fanz-area-imports");
    expect(names).toContain("fanz-locale-split");
  });
});
