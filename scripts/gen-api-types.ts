// Writes web/src/api/schema.gen.ts from the app's OpenAPI document (see scripts/api-types.ts).
import { writeFileSync } from "node:fs";
import { relative } from "node:path";
import { liveDocument, renderApiTypes, SCHEMA_FILE } from "./api-types.ts";

const t0 = performance.now();
const document = await liveDocument();
const source = await renderApiTypes(document);
writeFileSync(SCHEMA_FILE, source);
const ops = Object.values(document.paths ?? {}).reduce((n, item) => n + Object.keys(item).length, 0);
console.log(
  `${relative(process.cwd(), SCHEMA_FILE)}: ${ops} operations, ${source.length} characters, ` +
    `${Math.round(performance.now() - t0)} ms`,
);
