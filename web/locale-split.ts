// Sends a reader only their own language. Each catalog area (src/i18n/areas/*.ts) holds all five
// languages, so the type checker sees a missing key; bundled as they are, the four a reader does not
// use would be most of the first visit's JavaScript. This plugin keeps English in the area modules
// (the fallback every page needs) and builds one module per other language,
// `virtual:fanz-locale/<locale>`, that src/i18n/catalog.ts imports on demand.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { transformWithEsbuild, type Plugin } from "vite";

const PREFIX = "virtual:fanz-locale/";
const RESOLVED = "\0fanz-locale:";

type Node = { type: string; start: number; end: number; [k: string]: unknown };
type Property = Node & { key: Node & { name?: string; value?: unknown }; value: Node };

function keyName(p: Property): string {
  return String(p.key.name ?? p.key.value);
}

/** The `{ en: …, es: … }` object passed to defineMessages in an area module's default export. */
function localesObject(ast: Node): Node & { properties: Property[] } {
  const body = ast.body as Node[];
  const decl = body.find((n) => n.type === "ExportDefaultDeclaration") as
    (Node & { declaration: Node }) | undefined;
  const call = decl?.declaration as (Node & { arguments: Node[] }) | undefined;
  const arg = call?.type === "CallExpression" ? call.arguments[0] : undefined;
  if (!arg || arg.type !== "ObjectExpression")
    throw new Error("a catalog area must export defineMessages({...})");
  return arg as Node & { properties: Property[] };
}

export function localeSplit(areasDir: string): Plugin {
  const isArea = (id: string) => id.startsWith(areasDir) && id.endsWith(".ts");
  return {
    name: "fanz-locale-split",
    enforce: "post",
    resolveId(id) {
      return id.startsWith(PREFIX) ? RESOLVED + id.slice(PREFIX.length) : null;
    },
    async load(id) {
      if (!id.startsWith(RESOLVED)) return null;
      const locale = id.slice(RESOLVED.length);
      const parts: string[] = [];
      for (const file of readdirSync(areasDir).filter((f) => f.endsWith(".ts"))) {
        const full = join(areasDir, file);
        this.addWatchFile(full);
        const { code } = await transformWithEsbuild(readFileSync(full, "utf8"), full, { loader: "ts" });
        const obj = localesObject(this.parse(code) as unknown as Node);
        const prop = obj.properties.find((p) => keyName(p) === locale);
        if (!prop) throw new Error(`${file} has no ${locale} messages`);
        parts.push(code.slice(prop.value.start, prop.value.end));
      }
      return `export default Object.assign({}, ${parts.join(",\n")});`;
    },
    transform(code, id) {
      if (!isArea(id)) return null;
      const obj = localesObject(this.parse(code) as unknown as Node);
      const en = obj.properties.find((p) => keyName(p) === "en");
      if (!en) throw new Error(`${id} has no English messages`);
      const out = `${code.slice(0, obj.start)}{ en: ${code.slice(en.value.start, en.value.end)} }${code.slice(obj.end)}`;
      return { code: out, map: null };
    },
  };
}
