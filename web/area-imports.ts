// Sends the English messages with the code that shows them. Every key starts with its area's name
// (`feed.heroTitle` lives in areas/feed.ts; tests/integration/i18n-catalog.test.ts holds every area to
// it), so a module that names a key of an area gets an import of that area added here, and the bundler
// puts each area in the chunk of the pages that use it: the landing page's bundle carries only the
// areas of the shell and the landing, the rest arrives with its route. An area registers its English
// messages when it is evaluated (defineMessages), which is before any module importing it renders.
// A module that names keys English never shows says so: `// area-imports: not errors` leaves that area out.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { Plugin } from "vite";

// A whole string literal (`"feed.heroTitle"`, `"pay.kind_" + kind`) or a template literal's start
// (`` `errors.${code}` ``). Strings that only look like keys ("live.status", a frame type) name none.
const LITERAL = /(["'])([a-z][A-Za-z0-9]*\.[^"'`\s]*)\1|`([a-z][A-Za-z0-9]*\.[^"'`\s$]*)\$\{/g;

/** Each area's message keys, read from its file (the English block holds every one). */
export function areaKeys(areasDir: string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const file of readdirSync(areasDir).filter((f) => f.endsWith(".ts"))) {
    const area = file.slice(0, -3);
    const text = readFileSync(join(areasDir, file), "utf8");
    const keys = [...text.matchAll(/^\s*"([^"]+)":/gm)]
      .map((m) => m[1]!)
      .filter((k) => k.startsWith(`${area}.`));
    out.set(area, [...new Set(keys)]);
  }
  return out;
}

/** The areas whose keys `code` names: a key itself, or the start of keys it is completed to at run time. */
export function areasNamed(code: string, keys: ReadonlyMap<string, readonly string[]>): string[] {
  const found = new Set<string>();
  for (const m of code.matchAll(LITERAL)) {
    const whole = m[2];
    const start = m[3];
    const text = (whole ?? start)!;
    const area = text.slice(0, text.indexOf("."));
    const inArea = keys.get(area);
    if (!inArea || found.has(area)) continue;
    const named =
      start !== undefined || /[._]$/.test(text)
        ? inArea.some((k) => k.startsWith(text))
        : inArea.includes(text);
    if (named) found.add(area);
  }
  return [...found].sort();
}

export function areaImports(srcDir: string, areasDir: string): Plugin {
  let keys = areaKeys(areasDir);
  return {
    name: "fanz-area-imports",
    enforce: "pre",
    buildStart() {
      keys = areaKeys(areasDir);
    },
    transform(code, id) {
      const path = id.split("?")[0]!;
      if (!path.startsWith(srcDir) || path.startsWith(areasDir) || !/\.tsx?$/.test(path)) return null;
      const not = new Set(/area-imports: not ([\w, ]+)/.exec(code)?.[1]?.split(/[\s,]+/));
      const named = areasNamed(code, keys).filter((a) => !not.has(a));
      if (named.length === 0) return null;
      const imports = named.map((a) => `import ${JSON.stringify(join(areasDir, `${a}.ts`))};`).join("");
      // One line, so the module's own lines keep their numbers.
      return { code: imports + code, map: null };
    },
  };
}
