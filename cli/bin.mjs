#!/usr/bin/env node
// fanzctl entry for the source checkout: TypeScript is loaded through tsx. The single executable
// bundles cli/index.ts instead.
import { register } from "tsx/esm/api";

register();
await import("./index.ts");
