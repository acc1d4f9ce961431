// The web client's API types, generated from the OpenAPI document the app serves (GET /api/v1/openapi.json)
// by openapi-typescript and formatted with the repo's prettier config. Used by scripts/gen-api-types.ts
// (writes web/src/api/schema.gen.ts) and by the test that fails when the committed file is stale.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import openapiTS, { astToString, type OpenAPI3 } from "openapi-typescript";
import prettier from "prettier";
import { loadConfig } from "../src/config/load.ts";
import { createLogger } from "../src/lib/logger.ts";
import { buildApp } from "../src/main.ts";

export const SCHEMA_FILE = fileURLToPath(new URL("../web/src/api/schema.gen.ts", import.meta.url));

const HEADER = `// Generated from the API's OpenAPI document (GET /api/v1/openapi.json) by scripts/gen-api-types.ts:
// do not edit. After changing a route's schemas run \`npm run gen:api\` (node --import tsx
// scripts/gen-api-types.ts); tests/integration/api-types.test.ts fails while this file is stale.
`;

/** The document as the app serves it, from a throwaway app on a temporary data dir. */
export async function liveDocument(): Promise<OpenAPI3> {
  const dir = mkdtempSync(join(tmpdir(), "fanz-openapi-"));
  try {
    const { config } = loadConfig({ file: "/dev/null", env: { FANZ_DATA_DIR: dir } });
    const built = await buildApp(config, { logger: createLogger("error"), web: null });
    try {
      const res = await built.app.request("/api/v1/openapi.json");
      if (res.status !== 200) throw new Error(`GET /api/v1/openapi.json answered ${res.status}`);
      return (await res.json()) as OpenAPI3;
    } finally {
      await built.ctx.db.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The TypeScript of a document: `paths`, `operations`, `components` and one alias per named schema. */
export async function renderApiTypes(document: OpenAPI3): Promise<string> {
  const ast = await openapiTS(document, {
    // `export type Post = components["schemas"]["Post"]`, so the web imports names, not paths.
    rootTypes: true,
    rootTypesNoSchemaPrefix: true,
    // A default (e.g. `payWith: "wallet"`) makes a field optional to send, not required.
    defaultNonNullable: false,
  });
  const options = (await prettier.resolveConfig(SCHEMA_FILE)) ?? {};
  return prettier.format(HEADER + "\n" + astToString(ast), { ...options, filepath: SCHEMA_FILE });
}
