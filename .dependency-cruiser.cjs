// The architecture rules of DESIGN.md, checked by `npm run check` (dependency-cruiser). The rule that
// modules form no circle is checked on the collapsed module graph by scripts/check-module-graph.mjs.
/* global module */
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: "lib-is-a-leaf",
      comment: "src/lib is below the domain: it imports nothing of modules, db, http, jobs or workers.",
      severity: "error",
      from: { path: "^src/lib/" },
      to: { path: "^src/(modules|db|http|jobs|workers|events)/" },
    },
    {
      name: "workers-are-pure",
      comment: "Workers turn input files into output files; they never touch the database or a module.",
      severity: "error",
      from: { path: "^src/workers/" },
      to: { path: "^src/(modules|db|http|jobs)/" },
    },
    {
      name: "domain-below-transport",
      comment:
        "Services, repos and jobs know nothing of HTTP; only routes (routes.ts, <flow>-routes.ts) and http/ itself import http/.",
      severity: "error",
      from: {
        path: "^src/(modules|jobs|db)/",
        pathNot: "((^|/)[a-z-]*routes\\.ts$|\\.test\\.ts$)",
      },
      to: { path: "^src/http/" },
    },
    {
      name: "own-repo-only",
      comment: "A module's queries are its own: another module goes through its service.",
      severity: "error",
      from: { path: "^src/modules/([^/]+)/" },
      to: { path: "^src/modules/([^/]+)/repo\\.ts$", pathNot: "^src/modules/$1/" },
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    exclude: { path: "(^|/)node_modules/" },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.json" },
    enhancedResolveOptions: { extensions: [".ts", ".mjs", ".js"] },
  },
};
