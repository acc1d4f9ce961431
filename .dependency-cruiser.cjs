// The architecture rules of DESIGN.md, checked by `npm run check` (dependency-cruiser).
/* global module */
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: "no-cycles",
      comment:
        "Modules may not need each other in a circle; one reacts to the other's event instead. A warning " +
        "until the service bag (context.ts -> services.ts) gives way to explicit dependencies, which " +
        "closes every module into one circle today.",
      severity: "info",
      from: { path: "^src/" },
      to: { circular: true, dependencyTypesNot: ["type-only"] },
    },
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
      comment: "Services, repos and jobs know nothing of HTTP; only routes (and http/ itself) import http/.",
      severity: "error",
      from: {
        path: "^src/(modules|jobs|db)/",
        pathNot: "(^src/modules/[^/]+/routes\\.ts$|[^/]*-routes\\.ts$|\\.test\\.ts$)",
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
