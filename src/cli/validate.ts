/** `throughline validate [FILE]`: the same checks as the `Strategy file` check, on a file on disk. */
import { StrategyFiles } from "../github/strategy-file.js";
import {
  checkExtendingFile,
  formatError,
  parseStrategy,
  type StrategyError,
  type Strategy,
} from "../strategy/index.js";
import { parseArguments, stringValue, type Parsed as Args } from "./args.js";
import { githubClient } from "./github.js";
import { CliError, UsageError, type CliIO } from "./io.js";
import { findStrategyFile, readLocalStrategy, type LocalStrategy } from "./local-strategy.js";

export const summary = "check a strategy file and print its errors, located";

export const help = `Usage: throughline validate [FILE] [--extends BASE] [--repo OWNER/NAME] [--strict]

Checks a strategy file as the app does and prints each error as
FILE:LINE:COLUMN PATH: MESSAGE. Exits 1 when the file is not valid, 0 when it is.

FILE defaults to the first of strategy.yml, strategy.yaml, .github/strategy.yml and
.github/strategy.yaml in the current directory.

A file with \`extends:\` is checked with the strategy it extends: from --extends, or
read from GitHub with GITHUB_TOKEN. With neither, the file itself is checked (its YAML,
fields and ids) and the merged strategy is not: that is said, and the exit code is 0.

Options:
  --extends BASE      a local copy of the strategy file that FILE's \`extends:\` names,
                      so the merged strategy is checked (no network is used)
  --repo OWNER/NAME   the repository FILE belongs to, for \`extends: .github\` (its
                      owner's .github repository; default: GITHUB_REPOSITORY)
  --strict            exit 1 when the merged strategy could not be checked
  -h, --help          show this help`;

export async function validate(argv: string[], io: CliIO): Promise<number> {
  const args = parseArguments(
    argv,
    { extends: { type: "string" }, repo: { type: "string" }, strict: { type: "boolean" } },
    help,
    io,
    1,
  );
  if (!args) return 0;
  const base = stringValue(args, "extends");
  const local = await readLocalStrategy(io, findStrategyFile(io, args.positionals[0]), base);
  if (local.extends && !base) {
    const own = checkExtendingFile(local.text, local.file);
    if (own.length > 0) return failed(local.file, own, io);
    const token = io.env.GITHUB_TOKEN ?? io.env.GH_TOKEN;
    const owner = ownerFor(local.extends, args, io);
    if (token && owner) return validateWithGitHub(local, local.extends, owner, io);
    return validateAlone(local, local.extends, args.values.strict === true, token ? "owner" : "token", io);
  }
  if (!local.parsed.ok) return failed(local.file, local.parsed.errors, io);
  for (const line of describe(local.file, local.parsed.strategy)) io.out(line);
  return 0;
}

/** Whose strategy `extends` names: the owner in OWNER/REPO, or for `.github` the file's own repository's. */
function ownerFor(target: string, args: Args, io: CliIO): string | undefined {
  if (target !== ".github") return target.split("/")[0] || undefined;
  const repo = stringValue(args, "repo") ?? io.env.GITHUB_REPOSITORY;
  if (!repo) return undefined;
  const match = /^([A-Za-z0-9][A-Za-z0-9-]*)\/[A-Za-z0-9._-]+$/.exec(repo);
  if (!match) throw new UsageError(`--repo must be OWNER/NAME, not "${repo}"`);
  return match[1];
}

/** The merged strategy, with the base read from GitHub as the app reads it. */
async function validateWithGitHub(local: LocalStrategy, target: string, owner: string, io: CliIO): Promise<number> {
  const octokit = githubClient(io, undefined);
  let base: { text: string; file: string } | null;
  try {
    base = await new StrategyFiles().readExtended(octokit, owner, target);
  } catch (error) {
    throw new CliError(
      `could not read the strategy ${target} names from GitHub: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  const name = target === ".github" ? `${owner}/.github` : target;
  if (!base) {
    const line = local.text.split("\n").findIndex((l) => /^extends\s*:/.test(l)) + 1 || 1;
    return failed(
      local.file,
      [
        {
          file: local.file,
          line,
          column: 1,
          path: "extends",
          message: `${name} has no strategy file on its default branch`,
        },
      ],
      io,
    );
  }
  const parsed = parseStrategy(local.text, local.file, base);
  if (!parsed.ok) return failed(local.file, parsed.errors, io);
  for (const line of describe(local.file, parsed.strategy)) io.out(line);
  io.out(`Checked merged with ${base.file}, read from GitHub.`);
  return 0;
}

/** Offline: the file itself is checked; what could not be is said, and is an error only with --strict. */
function validateAlone(
  local: LocalStrategy,
  target: string,
  strict: boolean,
  missing: "token" | "owner",
  io: CliIO,
): number {
  const how =
    missing === "token"
      ? `set GITHUB_TOKEN to read it from GitHub, or pass --extends FILE with a copy of it`
      : `pass --repo OWNER/NAME to say whose .github repository it is, or --extends FILE with a copy of it`;
  io.out(`${local.file}: its YAML, fields and ids are valid.`);
  const notChecked = `not checked: the strategy merged with what it extends (${target}); ${how}`;
  if (strict) {
    io.err(`${local.file}: ${notChecked} (--strict)`);
    return 1;
  }
  io.err(`${local.file}: ${notChecked}`);
  return 0;
}

function failed(file: string, errors: StrategyError[], io: CliIO): number {
  for (const error of errors) io.out(formatError(error));
  io.err(`${file}: ${errors.length === 1 ? "1 error" : `${errors.length} errors`}`);
  return 1;
}

const ONE: Record<string, string> = {
  labels: "label",
  keywords: "keyword",
  patterns: "pattern",
  paths: "path",
  branches: "branch",
  milestones: "milestone",
  authors: "author",
};

/** A few lines a person can compare with what they meant to write. */
function describe(file: string, s: Strategy): string[] {
  const count = s.problems.length === 1 ? "1 problem" : `${s.problems.length} problems`;
  const name = s.name ? `"${s.name}", ` : "";
  const width = Math.max(...s.problems.map((p) => p.id.length));
  const lines = [`${file} is valid: ${name}${s.status}, ${count}.`];
  for (const p of s.problems) {
    const rules = Object.entries(p.match).flatMap(([kind, list]) =>
      list.length === 0 ? [] : [`${list.length} ${list.length === 1 ? (ONE[kind] ?? kind) : kind}`],
    );
    const share = p.share === undefined ? "" : `, share ${p.share}%`;
    lines.push(
      `  ${p.id.padEnd(width)}  label "${p.label}"${share}, ${rules.length > 0 ? rules.join(", ") : "explicit choices only"}`,
    );
  }
  const { check, comment, report } = s.settings;
  lines.push(
    `Check ${check}; comment ${comment ? "on" : "off"}; report in "${report.category}" at "${report.schedule}" (${report.timezone}).`,
  );
  if (s.settings.project)
    lines.push(`Project ${s.settings.project.url}: field "${s.settings.project.field}" set to each item's problem.`);
  return lines;
}
