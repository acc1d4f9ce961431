// `npm run build:binary`: dist/fanzctl, one file that runs alone (Node single executable application).
// esbuild bundles the server + CLI into one CommonJS script (a Node 20 SEA main must be CommonJS and its
// own `require` sees only built-ins). Everything that must exist on disk — the native packages and their
// dependencies, the pre-bundled worker, the built web UI, single shipped files (the API reference's
// script), the config templates — travels as ONE SEA asset ("pack"), unpacked once per content hash into a
// cache dir by the boot code below (written to a temp dir, then renamed, so a half-written cache is never
// used). src/lib/runtime.ts tells the app where it is.
import { build } from "esbuild";
import { execFileSync } from "node:child_process";
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
  chmodSync,
} from "node:fs";
import { join, relative, sep } from "node:path";

const root = new URL("..", import.meta.url).pathname.replace(/\/$/, "");
// FANZ_BUILD_OUT: another output dir than dist/ (the container test builds there, so it never races the
// binary test's build); FANZ_BUILD_VERSION: the version this build reports (an "upgrade" in a test).
const outDir = process.env.FANZ_BUILD_OUT || join(root, "dist");
const out = join(outDir, "sea");
const NATIVE = ["better-sqlite3", "sharp", "@node-rs/argon2", "piscina"];
// Large trees a running server never reads.
const SKIP = [
  /^node_modules\/better-sqlite3\/(deps|src)\//,
  /\/build\/Release\/obj/,
  /\.a$/,
  /\/\.bin\//,
  /\.md$/,
  /\.d\.ts$/,
];

function step(title) {
  process.stdout.write(`• ${title}\n`);
}

/** A package and everything it depends on that is installed here (optional platform packages included). */
function closure(names) {
  const seen = new Set();
  const visit = (name) => {
    if (seen.has(name)) return;
    const dir = join(root, "node_modules", name);
    if (!existsSync(join(dir, "package.json"))) return;
    seen.add(name);
    const pkg = JSON.parse(readFileSync(join(dir, "package.json"), "utf8"));
    for (const dep of Object.keys({ ...pkg.dependencies, ...pkg.optionalDependencies })) visit(dep);
  };
  names.forEach(visit);
  return [...seen];
}

function walk(dir, files = []) {
  for (const name of readdirSync(dir)) {
    const full = join(dir, name);
    const st = statSync(full, { throwIfNoEntry: false });
    if (!st) continue;
    if (st.isDirectory()) walk(full, files);
    else if (st.isFile()) files.push(full);
  }
  return files;
}

/** [u32 index length][index JSON: [path, size, mode][]][file bytes…] */
function pack(entries) {
  const index = [];
  const chunks = [];
  for (const [rel, abs] of entries) {
    const data = readFileSync(abs);
    index.push([rel, data.length, statSync(abs).mode & 0o777]);
    chunks.push(data);
  }
  const head = Buffer.from(JSON.stringify(index));
  const len = Buffer.alloc(4);
  len.writeUInt32LE(head.length);
  return Buffer.concat([len, head, ...chunks]);
}

const BOOT = `
(function () {
  var sea; try { sea = require("node:sea"); } catch (e) { return; }
  if (!sea.isSea()) return;
  var fs = require("node:fs"), path = require("node:path"), os = require("node:os"), crypto = require("node:crypto");
  var pack = Buffer.from(sea.getAsset("pack"));
  var hash = crypto.createHash("sha256").update(pack).digest("hex").slice(0, 16);
  var base = process.env.FANZ_CACHE_DIR || path.join(process.env.XDG_CACHE_HOME || path.join(os.homedir(), ".cache"), "fanz");
  var dir = path.join(base, hash);
  if (!fs.existsSync(path.join(dir, ".complete"))) {
    var tmp = dir + ".tmp-" + process.pid;
    var n = pack.readUInt32LE(0), index = JSON.parse(pack.subarray(4, 4 + n).toString()), off = 4 + n;
    for (var i = 0; i < index.length; i++) {
      var f = path.join(tmp, index[i][0]);
      fs.mkdirSync(path.dirname(f), { recursive: true });
      fs.writeFileSync(f, pack.subarray(off, off + index[i][1]), { mode: index[i][2] });
      off += index[i][1];
    }
    fs.writeFileSync(path.join(tmp, ".complete"), "");
    try { fs.renameSync(tmp, dir); } catch (e) {
      if (!fs.existsSync(path.join(dir, ".complete"))) throw e;
      fs.rmSync(tmp, { recursive: true, force: true });
    }
  }
  globalThis.__fanzRoot = dir;
  globalThis.__fanzRequire = require("node:module").createRequire(path.join(dir, "package.json"));
})();
var require = (function (builtinOnly) {
  var isBuiltin = builtinOnly("node:module").isBuiltin;
  return function (id) {
    return globalThis.__fanzRequire && !isBuiltin(id) ? globalThis.__fanzRequire(id) : builtinOnly(id);
  };
})(require);
`;

rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
const pkg = JSON.parse(readFileSync(join(root, "package.json"), "utf8"));
if (process.env.FANZ_BUILD_VERSION) pkg.version = process.env.FANZ_BUILD_VERSION;
/** The bundled package.json (where the app reads its version) with this build's version. */
const versionPlugin = {
  name: "fanz-version",
  setup(b) {
    b.onLoad({ filter: /[\\/]package\.json$/ }, (args) =>
      args.path === join(root, "package.json")
        ? { contents: JSON.stringify(pkg), loader: "json" }
        : undefined,
    );
  },
};
const external = [...NATIVE, "@ffmpeg-installer/ffmpeg", "tsx", "tsx/*"];

step("bundling server + CLI (esbuild, CommonJS)");
await build({
  entryPoints: [join(root, "cli/index.ts")],
  outfile: join(out, "fanzctl.cjs"),
  bundle: true,
  platform: "node",
  target: "node20",
  format: "cjs",
  external,
  plugins: [versionPlugin],
  banner: { js: BOOT },
  logLevel: "error",
  logOverride: { "empty-import-meta": "silent" },
});

step("bundling the worker");
await build({
  stdin: {
    contents: 'module.exports = require("./src/workers/tasks.ts").default;',
    resolveDir: root,
    loader: "js",
  },
  outfile: join(out, "worker.cjs"),
  bundle: true,
  platform: "node",
  target: "node20",
  format: "cjs",
  external,
  logLevel: "error",
  logOverride: { "empty-import-meta": "silent" },
});

step("packing native packages, worker, web UI, shipped files and templates");
if (!existsSync(join(root, "web/dist/index.html")))
  throw new Error("web/dist is missing: run `npm run build:web` first");
const entries = [];
for (const name of closure(NATIVE)) {
  for (const f of walk(join(root, "node_modules", name))) {
    const rel = relative(root, f).split(sep).join("/");
    if (!SKIP.some((re) => re.test(rel))) entries.push([rel, f]);
  }
}
for (const f of walk(join(root, "web/dist"))) entries.push([relative(root, f).split(sep).join("/"), f]);
// Single files the app serves as they are (src/lib/assets.ts: the API reference's script).
for (const rel of Object.values(JSON.parse(readFileSync(join(root, "src/lib/shipped-files.json"), "utf8"))))
  entries.push([rel, join(root, rel)]);
for (const dir of ["nginx", "systemd"]) {
  for (const f of walk(join(root, dir))) entries.push([relative(root, f).split(sep).join("/"), f]);
}
entries.push(["worker.cjs", join(out, "worker.cjs")]);
writeFileSync(
  join(out, "package.json"),
  JSON.stringify({ name: "fanz-runtime", version: pkg.version, private: true }),
);
entries.push(["package.json", join(out, "package.json")]);
writeFileSync(join(out, "pack.bin"), pack(entries));

step("building the single executable (node --experimental-sea-config + postject)");
writeFileSync(
  join(out, "sea-config.json"),
  JSON.stringify({
    main: join(out, "fanzctl.cjs"),
    output: join(out, "sea-prep.blob"),
    disableExperimentalSEAWarning: true,
    useCodeCache: false,
    assets: { pack: join(out, "pack.bin") },
  }),
);
execFileSync(process.execPath, ["--experimental-sea-config", join(out, "sea-config.json")], {
  stdio: "inherit",
});
const binary = join(outDir, "fanzctl");
copyFileSync(process.execPath, binary);
chmodSync(binary, 0o755);
try {
  // Before injecting: stripping afterwards would damage the injected blob.
  execFileSync("strip", [binary]);
} catch {
  // strip is optional (binutils); the binary works unstripped, only bigger.
}
execFileSync(
  process.execPath,
  [
    join(root, "node_modules/postject/dist/cli.js"),
    binary,
    "NODE_SEA_BLOB",
    join(out, "sea-prep.blob"),
    "--sentinel-fuse",
    "NODE_SEA_FUSE_fce680ab2cc467b6e072b8b5df1996b2",
  ],
  { stdio: "inherit" },
);
const mb = (statSync(binary).size / 1048576).toFixed(1);
step(`dist/fanzctl: ${mb} MB (${entries.length} packed files)`);
