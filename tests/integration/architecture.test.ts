// The architecture rules (.dependency-cruiser.cjs, run by `npm run check`) catch what they forbid: each
// rule gets a scratch tree that breaks it, and the checker must fail naming that rule.
import { describe, expect, it } from "vitest";
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { repoRoot } from "../helpers/app-process.ts";

/** Runs a checker (dependency-cruiser, or the module-graph script) on a scratch tree. */
function cruise(files: Record<string, string>, args: string[] = [], moduleGraph = false) {
  const dir = mkdtempSync(join(tmpdir(), "fanz-arch-"));
  try {
    writeFileSync(
      join(dir, "tsconfig.json"),
      JSON.stringify({
        compilerOptions: { allowImportingTsExtensions: true, noEmit: true, module: "nodenext" },
      }),
    );
    for (const [path, text] of Object.entries(files)) {
      mkdirSync(dirname(join(dir, path)), { recursive: true });
      writeFileSync(join(dir, path), text);
    }
    const r = spawnSync(
      process.execPath,
      moduleGraph
        ? [join(repoRoot, "scripts/check-module-graph.mjs"), ...args]
        : [
            join(repoRoot, "node_modules/dependency-cruiser/bin/dependency-cruise.mjs"),
            "src",
            "--config",
            join(repoRoot, ".dependency-cruiser.cjs"),
            ...args,
          ],
      { cwd: dir, encoding: "utf8" },
    );
    return { status: r.status, out: r.stdout + r.stderr };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const leaf = "export const x = 1;\n";

describe("architecture rules", () => {
  it("pass a tree that keeps them", () => {
    const r = cruise({
      "src/lib/money.ts": leaf,
      "src/modules/posts/repo.ts": 'import { x } from "../../lib/money.ts";\nexport const y = x;\n',
      "src/modules/posts/service.ts": 'import { y } from "./repo.ts";\nexport const z = y;\n',
      "src/modules/posts/routes.ts":
        'import { z } from "./service.ts";\nimport { e } from "../../http/errors.ts";\nexport const r = [z, e];\n',
      "src/http/errors.ts": "export const e = 1;\n",
    });
    expect(r.status, r.out).toBe(0);
  });

  const broken: [string, Record<string, string>][] = [
    [
      "lib-is-a-leaf",
      {
        "src/modules/posts/service.ts": leaf,
        "src/lib/bad.ts": 'import { x } from "../modules/posts/service.ts";\nexport const y = x;\n',
      },
    ],
    [
      "workers-are-pure",
      {
        "src/db/client.ts": leaf,
        "src/workers/image.worker.ts": 'import { x } from "../db/client.ts";\nexport const y = x;\n',
      },
    ],
    [
      "domain-below-transport",
      {
        "src/http/errors.ts": leaf,
        "src/modules/posts/service.ts": 'import { x } from "../../http/errors.ts";\nexport const y = x;\n',
      },
    ],
    [
      "own-repo-only",
      {
        "src/modules/posts/repo.ts": leaf,
        "src/modules/media/service.ts": 'import { x } from "../posts/repo.ts";\nexport const y = x;\n',
      },
    ],
  ];
  for (const [rule, files] of broken) {
    it(`fail a tree that breaks ${rule}`, () => {
      const r = cruise(files);
      expect(r.status).not.toBe(0);
      expect(r.out).toContain(`error ${rule}:`);
    });
  }

  // Services get collaborators as constructor arguments, so a type-only import is a real dependency,
  // and a cycle may run through files that do not import each other directly.
  const modules = {
    "src/modules/users/service.ts": "export type UsersService = { byId(id: string): string };\n",
    "src/modules/posts/service.ts":
      'import type { UsersService } from "../users/service.ts";\nexport const posts = (u: UsersService) => u;\n',
    "src/modules/posts/routes.ts":
      'import type { MediaService } from "../media/service.ts";\nexport type R = MediaService;\n',
    "src/modules/media/service.ts":
      'import { posts } from "../posts/service.ts";\nexport type MediaService = typeof posts;\n',
  };
  it("pass a module graph without a circle (routes are the transport, outside it)", () => {
    const r = cruise(modules, ["--print"], true);
    expect(r.status, r.out).toBe(0);
    expect(r.out).toContain("media -> posts");
  });

  it("fail a circle between modules, also through type-only imports and other files", () => {
    const r = cruise(
      {
        ...modules,
        "src/modules/users/cards.ts":
          'import type { MediaService } from "../media/service.ts";\nexport type Card = MediaService;\n',
      },
      [],
      true,
    );
    expect(r.status).toBe(1);
    expect(r.out).toContain("module-cycle: ");
    expect(r.out).toMatch(
      /users -> media -> posts -> users|media -> posts -> users -> media|posts -> users -> media -> posts/,
    );
    expect(r.out).toContain("src/modules/users/cards.ts -> src/modules/media/service.ts");
  });
});
