/** `throughline validate [FILE]`: the same checks as the `Strategy file` check, on a file on disk. */
import { formatError, type Strategy } from "../strategy/index.js";
import { parseCommand, stringValue } from "./args.js";
import type { CliIO } from "./io.js";
import { findStrategyFile, readLocalStrategy } from "./local-strategy.js";

export const summary = "check a strategy file and print its errors, located";

export const help = `Usage: throughline validate [FILE] [--extends BASE]

Checks a strategy file as the app does and prints each error as
FILE:LINE:COLUMN PATH: MESSAGE. Exits 1 when the file is not valid, 0 when it is.

FILE defaults to the first of strategy.yml, strategy.yaml, .github/strategy.yml and
.github/strategy.yaml in the current directory.

Options:
  --extends BASE   a local copy of the strategy file that FILE's \`extends:\` names,
                   so the merged strategy is checked (no network is used)
  -h, --help       show this help`;

export async function validate(argv: string[], io: CliIO): Promise<number> {
  const args = parseCommand(argv, { extends: { type: "string" } }, help, io, 1);
  if (!args) return 0;
  const base = stringValue(args, "extends");
  const local = await readLocalStrategy(io, findStrategyFile(io, args.positionals[0]), base);
  if (!local.parsed.ok) {
    for (const error of local.parsed.errors) io.out(formatError(error));
    const count = local.parsed.errors.length;
    io.err(`${local.file}: ${count === 1 ? "1 error" : `${count} errors`}`);
    if (local.extends && !base) io.err(`hint: pass --extends BASE with a copy of ${local.extends}'s strategy file to check the merged strategy`);
    return 1;
  }
  for (const line of describe(local.file, local.parsed.strategy)) io.out(line);
  return 0;
}

const ONE: Record<string, string> = {
  labels: "label", keywords: "keyword", patterns: "pattern", paths: "path", branches: "branch", milestones: "milestone", authors: "author",
};

/** A few lines a person can compare with what they meant to write. */
function describe(file: string, s: Strategy): string[] {
  const count = s.problems.length === 1 ? "1 problem" : `${s.problems.length} problems`;
  const name = s.name ? ` "${s.name}"` : "";
  const width = Math.max(...s.problems.map((p) => p.id.length));
  const lines = [`${file} is valid:${name}, ${s.status}, ${count}.`];
  for (const p of s.problems) {
    const rules = Object.entries(p.match).flatMap(([kind, list]) => (list.length === 0 ? [] : [`${list.length} ${list.length === 1 ? ONE[kind] ?? kind : kind}`]));
    const share = p.share === undefined ? "" : `, share ${p.share}%`;
    lines.push(`  ${p.id.padEnd(width)}  label "${p.label}"${share}, ${rules.length > 0 ? rules.join(", ") : "explicit choices only"}`);
  }
  const { check, comment, report } = s.settings;
  lines.push(`Check ${check}; comment ${comment ? "on" : "off"}; report in "${report.category}" at "${report.schedule}" (${report.timezone}).`);
  return lines;
}
