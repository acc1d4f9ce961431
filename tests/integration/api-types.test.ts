// The web client's types (web/src/api/schema.gen.ts) are generated from the OpenAPI document; this fails
// when a route's schemas changed and nobody regenerated them (`npm run gen:api`).
import { readFileSync } from "node:fs";
import { expect, it } from "vitest";
import { liveDocument, renderApiTypes, SCHEMA_FILE } from "../../scripts/api-types.ts";

it("web/src/api/schema.gen.ts is what the live document generates", async () => {
  const generated = await renderApiTypes(await liveDocument());
  const committed = readFileSync(SCHEMA_FILE, "utf8");
  // Compare line by line first: a failure then names the first line that differs, not 150 kB of text.
  const a = committed.split("\n");
  const b = generated.split("\n");
  const first = a.findIndex((line, i) => line !== b[i]);
  expect(
    first === -1 && a.length === b.length
      ? null
      : { line: first + 1, committed: a[first], generated: b[first] },
    "web/src/api/schema.gen.ts is stale: run `npm run gen:api` (node --import tsx scripts/gen-api-types.ts)",
  ).toBeNull();
  expect(generated).toBe(committed);
});
