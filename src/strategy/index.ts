/** The strategy file: read, validate, merge with what it extends, summarise. Pure; no I/O. */
export { formatError, type StrategyError } from "./errors.js";
export { MAX_STRATEGY_BYTES } from "./limits.js";
export { checkExtendingFile, extendsOf, parseStrategy, type Parsed } from "./parse.js";
export { summarizeStrategy } from "./summary.js";
export type { Strategy } from "./schema.js";
