// The module graph rule of the design: src/modules/* may not need each other in a circle. A service
// gets its collaborators as constructor arguments, so most edges are type-only imports; they count.
// Routes (the transport on top), tests and tables.ts (foreign keys) do not. Runs dependency-cruiser on
// the tree in the working directory, collapses files to modules, and fails naming each cycle and the
// imports that make it. `--print` lists the graph.
import { spawnSync } from "node:child_process";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const r = spawnSync(
  process.execPath,
  [
    join(root, "node_modules/dependency-cruiser/bin/dependency-cruise.mjs"),
    "src",
    "--config",
    join(root, ".dependency-cruiser.cjs"),
    "--output-type",
    "json",
  ],
  { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 },
);
let result;
try {
  result = JSON.parse(r.stdout);
} catch {
  console.error(`dependency-cruiser failed:\n${r.stderr}`);
  process.exit(2);
}

const moduleOf = (path) => /^src\/modules\/([^/]+)\//.exec(path)?.[1] ?? null;
const outside = (path) => /(^|\/|-)routes\.ts$|\.test\.ts$|\/tables\.ts$/.test(path);
const graph = new Map();
const because = new Map();
for (const m of result.modules) {
  const from = moduleOf(m.source);
  if (!from || outside(m.source)) continue;
  for (const dep of m.dependencies) {
    const to = moduleOf(dep.resolved);
    if (!to || to === from || outside(dep.resolved)) continue;
    if (!graph.has(from)) graph.set(from, new Set());
    graph.get(from).add(to);
    const key = `${from}>${to}`;
    if (!because.has(key)) because.set(key, `${m.source} -> ${dep.resolved}`);
  }
}

if (process.argv.includes("--print")) {
  for (const [from, to] of [...graph].sort(([a], [b]) => a.localeCompare(b)))
    console.log(`${from} -> ${[...to].sort().join(", ")}`);
}

const state = new Map();
const stack = [];
const cycles = [];
function visit(n) {
  state.set(n, "open");
  stack.push(n);
  for (const m of graph.get(n) ?? []) {
    if (state.get(m) === "open") cycles.push([...stack.slice(stack.indexOf(m)), m]);
    else if (!state.has(m)) visit(m);
  }
  stack.pop();
  state.set(n, "done");
}
for (const n of graph.keys()) if (!state.has(n)) visit(n);

if (cycles.length > 0) {
  for (const c of cycles) {
    console.error(`module-cycle: ${c.join(" -> ")}`);
    for (let i = 0; i < c.length - 1; i++) console.error(`    ${because.get(`${c[i]}>${c[i + 1]}`)}`);
  }
  console.error(
    `\n${cycles.length} module cycle(s): one module must react to the other's event, or take a port.`,
  );
  process.exit(1);
}
