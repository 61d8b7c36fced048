/** `throughline explain`: which problems an item would serve and why, from a local strategy file; no network. */
import { judge, type WorkItem } from "../classify/index.js";
import { renderExplainReply } from "../render/index.js";
import { markdownToText } from "../render/plain-text.js";
import { formatError } from "../strategy/index.js";
import { listValue, parseArguments, stringValue, type Parsed } from "./args.js";
import { CliError, UsageError, type CliIO } from "./io.js";
import { findStrategyFile, readLocalStrategy } from "./local-strategy.js";

export const summary = "show which problems an issue or pull request would serve, and why";

export const help = `Usage: throughline explain --title TITLE [options]

Classifies an imagined issue or pull request with a local strategy file and prints the
decision and its reasons as plain text, the words \`/strategy explain\` would use. Nothing is
read from GitHub.

Options:
  --strategy FILE    the strategy file (default: strategy.yml, .github/strategy.yml, ...)
  --extends BASE     a local copy of the strategy that FILE extends
  --title TITLE      the title (required)
  --body BODY        the description
  --label LABEL      a label on the item (repeatable)
  --file PATH        a changed file (repeatable; makes the item a pull request)
  --branch BRANCH    the head branch (makes the item a pull request)
  --author LOGIN     the author
  --milestone NAME   the milestone
  --closes N:LABELS  an issue it closes and its labels, e.g. "12:strategy: costs" (repeatable)
  --markdown         print the reply as Markdown, as \`/strategy explain\` posts it
  --json             print the decision as JSON
  -h, --help         show this help`;

const OPTIONS = {
  strategy: { type: "string" },
  extends: { type: "string" },
  title: { type: "string" },
  body: { type: "string" },
  label: { type: "string", multiple: true },
  file: { type: "string", multiple: true },
  branch: { type: "string" },
  author: { type: "string" },
  milestone: { type: "string" },
  closes: { type: "string", multiple: true },
  markdown: { type: "boolean" },
  json: { type: "boolean" },
} as const;

export async function explain(argv: string[], io: CliIO): Promise<number> {
  const args = parseArguments(argv, OPTIONS, help, io);
  if (!args) return 0;
  const item = itemFrom(args);
  const local = await readLocalStrategy(
    io,
    findStrategyFile(io, stringValue(args, "strategy")),
    stringValue(args, "extends"),
  );
  if (!local.parsed.ok) {
    for (const error of local.parsed.errors) io.err(formatError(error));
    throw new CliError(`${local.file} is not valid (see \`throughline validate\`)`);
  }
  // The one decision, on an imagined item with no history: its labels are a person's, no command stands.
  const { decision } = judge({
    strategy: local.parsed.strategy,
    item,
    history: { labels: [], comments: [] },
    mayCommand: () => false,
  });
  const reply = renderExplainReply(local.parsed.strategy, decision);
  io.out(args.values.json ? JSON.stringify(decision, null, 2) : args.values.markdown ? reply : markdownToText(reply));
  return 0;
}

function itemFrom(args: Parsed): WorkItem {
  const title = stringValue(args, "title");
  if (title === undefined) throw new UsageError("--title is required");
  const files = listValue(args, "file");
  const branch = stringValue(args, "branch");
  const closes = listValue(args, "closes").map(closedIssue);
  const isPull = files.length > 0 || branch !== undefined || closes.length > 0;
  return {
    kind: isPull ? "pull_request" : "issue",
    number: 0,
    title,
    body: stringValue(args, "body") ?? "",
    labels: listValue(args, "label"),
    author: stringValue(args, "author") ?? "",
    milestone: stringValue(args, "milestone") ?? null,
    ...(isPull ? { branch: branch ?? "", files, filesComplete: true, closes } : {}),
  };
}

function closedIssue(value: string): { number: number; labels: string[] } {
  const match = /^#?(\d+)(?::(.*))?$/.exec(value);
  if (!match) throw new UsageError(`--closes takes NUMBER or NUMBER:LABEL,LABEL, not "${value}"`);
  return {
    number: Number(match[1]),
    labels: (match[2] ?? "")
      .split(",")
      .map((l) => l.trim())
      .filter(Boolean),
  };
}
