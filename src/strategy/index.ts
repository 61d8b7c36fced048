/** The strategy file: read, validate, merge with what it extends, summarise. Pure; no I/O. */
export { formatError, type StrategyError } from "./errors.js";
export { MAX_STRATEGY_BYTES } from "./limits.js";
export { checkExtendingFile, extendsOf, parseStrategy, type Parsed } from "./parse.js";
export { summarizeStrategy } from "./summary.js";
export type { Metric, PlanEntry, Problem, Settings, Strategy } from "./schema.js";
export { organisationScope, ORG_REPO, type RepositoryFile, type InScope, type Scope, type Tie } from "./scope.js";
