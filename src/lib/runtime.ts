// Where Fanz's shipped files are. In development that is the source checkout; in the single executable
// it is the directory the embedded assets were unpacked to by the boot code (scripts/build-binary.mjs),
// which announces it as globalThis.__fanzRoot before any module is evaluated. Every read of a shipped file
// and every load of a native package goes through here, so both paths behave alike.
import { createRequire } from "node:module";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const unpacked = (globalThis as { __fanzRoot?: string }).__fanzRoot;

/** True inside the single executable. */
export const isSingleExecutable = unpacked !== undefined;

/** The checkout root (development) or the unpacked asset directory (single executable). */
export const runtimeRoot: string = unpacked ?? resolve(fileURLToPath(new URL("../..", import.meta.url)));

/** `require` that resolves packages from the shipped node_modules (e.g. optional native ones). */
export const runtimeRequire = createRequire(join(runtimeRoot, "package.json"));
