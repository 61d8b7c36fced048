/** Small strategy files for the tests: a valid one to start from, and builders for variants. */

/** One valid problem, indented to sit under `problems:`. */
export const PROBLEM = `  - id: reliability
    title: Reliability
`;

/** A minimal valid file followed by `extra` (more top-level YAML). */
export function file(problems: string, extra = ""): string {
  return `version: 1\nproblems:\n${problems}${extra}`;
}

/** A problem with the given id and more lines (already indented four spaces). */
export function problem(id: string, lines = ""): string {
  return `  - id: ${id}\n    title: ${id[0]!.toUpperCase()}${id.slice(1)}\n${lines}`;
}
