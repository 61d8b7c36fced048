/**
 * Errors in a strategy file, each pointing at a line and column so the `Strategy file` check can annotate
 * the exact spot and a person can find it without reading the whole file.
 */
export interface StrategyError {
  /** The path shown to people, e.g. ".github/strategy.yml". */
  file: string;
  /** 1-based. */
  line: number;
  /** 1-based. */
  column: number;
  /** Where in the document, e.g. `problems[1].match.keywords[0]`; "" for the file as a whole. */
  path: string;
  message: string;
}

/** `strategy.yml:14:9 problems[1].id: "reliability" is used twice: on lines 3 and 14` */
export function formatError(e: StrategyError): string {
  return `${e.file}:${e.line}:${e.column} ${e.path === "" ? "(file)" : e.path}: ${e.message}`;
}

/** Errors in reading order: by file as given, then line, then column; exact repeats dropped. */
export function sortErrors(errors: StrategyError[], fileOrder: string[]): StrategyError[] {
  const rank = (file: string) => {
    const i = fileOrder.indexOf(file);
    return i === -1 ? fileOrder.length : i;
  };
  const seen = new Set<string>();
  return [...errors]
    .sort((a, b) => rank(a.file) - rank(b.file) || a.line - b.line || a.column - b.column)
    .filter((e) => {
      const key = formatError(e);
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
}
