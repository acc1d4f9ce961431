// The architecture rules (.dependency-cruiser.cjs, run by `npm run check`) catch what they forbid: each
// rule gets a scratch tree that breaks it, and the checker must fail naming that rule.
import { describe, expect, it } from "vitest";
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { repoRoot } from "../helpers/app-process.ts";

function cruise(files: Record<string, string>, args: string[] = []) {
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
      [
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
    [
      "no-cycles",
      {
        "src/modules/posts/service.ts":
          'import { b } from "../media/service.ts";\nexport const a = () => b;\n',
        "src/modules/media/service.ts":
          'import { a } from "../posts/service.ts";\nexport const b = () => a;\n',
      },
    ],
  ];
  for (const [rule, files] of broken) {
    if (rule === "no-cycles") continue;
    it(`fail a tree that breaks ${rule}`, () => {
      const r = cruise(files);
      expect(r.status).not.toBe(0);
      expect(r.out).toContain(`error ${rule}:`);
    });
  }

  // Reported, not failing, until the service bag is gone (see the rule's comment); then an error too.
  it("report a cycle between modules", () => {
    const r = cruise(broken.find(([rule]) => rule === "no-cycles")![1], ["--output-type", "json"]);
    const found = JSON.parse(r.out.slice(r.out.indexOf("{"))) as {
      summary: { violations: { rule: { name: string } }[] };
    };
    expect(found.summary.violations.map((v) => v.rule.name)).toContain("no-cycles");
  });
});
