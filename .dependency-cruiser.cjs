/**
 * The layers of src/, enforced in CI (`npm run layers`); docs/architecture.md draws them. Imports only go down:
 *
 *   entry points   cli/  action/  server/      never each other
 *   the app        index.ts                    the app wired: handlers on events, the app state
 *   processes      schedule/  redis/           the monthly job; what processes share through Redis
 *   handlers       handlers/                   read from the edge, decide in the core, write through the edge
 *   edge           github/                     one module per GitHub capability
 *   core           render/
 *                  classify/   tally/          siblings: neither imports the other
 *                  strategy/
 *                  text/                       small helpers the whole core uses
 *
 * The core is pure: no Node built-in, no GitHub client, no Probot.
 */
const CORE = "^src/(text|strategy|classify|tally|render)/";

/** A folder may import only itself and the folders named. */
const layer = (name, folder, allowed) => ({
  name,
  severity: "error",
  comment: `src/${folder}/ imports only from ${["itself", ...allowed.map((f) => `src/${f}/`)].join(", ")}`,
  from: { path: `^src/${folder}/` },
  to: { path: "^src/", pathNot: [`^src/${folder}/`, ...allowed.map((f) => `^src/${f}/`)] },
});

module.exports = {
  forbidden: [
    {
      name: "no-cycles",
      severity: "error",
      comment: "modules importing each other, directly or round a loop",
      from: {},
      to: { circular: true },
    },
    layer("text-layer", "text", []),
    layer("strategy-layer", "strategy", ["text"]),
    layer("classify-layer", "classify", ["strategy", "text"]),
    layer("tally-layer", "tally", ["strategy", "text"]),
    layer("render-layer", "render", ["classify", "tally", "strategy", "text"]),
    layer("github-layer", "github", ["render", "classify", "tally", "strategy", "text"]),
    layer("handlers-layer", "handlers", ["github", "render", "classify", "tally", "strategy", "text"]),
    layer("schedule-layer", "schedule", [
      "redis",
      "handlers",
      "github",
      "render",
      "classify",
      "tally",
      "strategy",
      "text",
    ]),
    layer("redis-layer", "redis", [
      "schedule",
      "handlers",
      "github",
      "render",
      "classify",
      "tally",
      "strategy",
      "text",
    ]),
    {
      name: "the-app-from-below",
      severity: "error",
      comment: "src/index.ts wires the app: it imports no entry point",
      from: { path: "^src/index\\.ts$" },
      to: { path: "^src/(cli|action|server)/" },
    },
    {
      name: "entry-points-apart",
      severity: "error",
      comment: "cli/, action/ and server/ are separate entry points: none imports another",
      from: { path: "^src/(cli|action|server)/" },
      to: { path: "^src/(cli|action|server)/", pathNot: ["^src/$1/"] },
    },
    {
      name: "core-is-pure",
      severity: "error",
      comment: "the core does no I/O: no Node built-ins, no GitHub client, no Probot",
      from: { path: CORE },
      to: { dependencyTypes: ["core"] },
    },
    {
      name: "core-is-pure-of-packages",
      severity: "error",
      comment: "the core may use only the strategy's parsing libraries",
      from: { path: CORE },
      to: { dependencyTypes: ["npm", "npm-dev"], pathNot: ["node_modules/(zod|yaml|re2js|croner)/"] },
    },
    {
      name: "not-to-unresolvable",
      severity: "error",
      comment: "an import that resolves to nothing",
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.json" },
    enhancedResolveOptions: {
      exportsFields: ["exports"],
      conditionNames: ["import", "require", "node", "default", "types"],
    },
  },
};
