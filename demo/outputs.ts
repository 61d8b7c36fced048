/**
 * The demo's files, read from what the app wrote to the fake GitHub: the labels it applied and its
 * `/strategy explain` replies, the progress comment and check on the featured pull request, and the
 * report. Comment, check and report bodies are copied exactly as the app sent them.
 */
import type { Item, Project, Repository } from "../test/fixtures/github-fake/index.js";
import { APP } from "./sample/repository.js";

export interface DemoOutputs {
  "labels.md": string;
  "comment.md": string;
  "check.md": string;
  "report.md": string;
  "project.md": string;
  "organisation-report.md": string;
}

const PROGRESS_MARKER = "<!-- throughline:progress -->";
const CHECK_NAME = "Strategy alignment";

const kindOf = (item: Item) => (item.kind === "issue" ? "Issue" : "Pull request");
const code = (names: string[]) => (names.length ? names.map((n) => `\`${n}\``).join(", ") : "none");
const quote = (text: string) =>
  text
    .split("\n")
    .map((line) => (line ? `> ${line}` : ">"))
    .join("\n");

const WORDS = ["No", "One", "Two", "Three", "Four", "Five", "Six"];
const counted = (items: Item[]) => {
  const n = (kind: Item["kind"], one: string) => {
    const count = items.filter((i) => i.kind === kind).length;
    return `${WORDS[count] ?? count} ${one}${count === 1 ? "" : "s"}`;
  };
  return `${n("issue", "issue")} and ${n("pull_request", "pull request").toLowerCase()}`;
};

const appComments = (item: Item) => item.comments.filter((c) => c.author === APP.login);

/** The app's progress comment on a pull request; exactly one, or the demo has found a bug. */
function progressComment(item: Item): string {
  const found = appComments(item).filter((c) => c.body.startsWith(PROGRESS_MARKER));
  if (found.length !== 1)
    throw new Error(`#${item.number} has ${found.length} progress comments from the app; it should have exactly one`);
  return found[0]!.body;
}

/** The app's answer to `/strategy explain`: its last comment that is not the progress comment. */
function explainReply(item: Item): string {
  const replies = appComments(item).filter((c) => !c.body.startsWith(PROGRESS_MARKER));
  if (replies.length === 0) throw new Error(`the app did not answer /strategy explain on #${item.number}`);
  return replies.at(-1)!.body;
}

function labelsFile(gh: Repository, numbers: number[]): string {
  const items = numbers.map((n) => gh.item(n));
  const byApp = (item: Item) =>
    item.labels.filter((l) => item.events.some((e) => e.label === l && e.action === "added" && e.actor === APP.login));
  const rows = items.map((i) => `| ${kindOf(i)} #${i.number} | ${i.title} | ${code(byApp(i))} |`);
  const sections = items.map((i) => {
    const own = i.labels.filter((l) => !byApp(i).includes(l));
    return [
      `## ${kindOf(i)} #${i.number}: ${i.title}`,
      own.length
        ? `Labelled by its author: ${code(own)}. The app applied: ${code(byApp(i))}.`
        : `The app applied: ${code(byApp(i))}.`,
      `Its reply to \`/strategy explain\`:`,
      quote(explainReply(i)),
    ].join("\n\n");
  });
  return (
    [
      "# Labels the app applied",
      `${counted(items)} opened in the sample repository \`${gh.fullName}\`, and the strategy labels the app gave each. Under the table, each item's reason is the app's own reply to \`/strategy explain\`.`,
      ["| Item | Title | Labels the app applied |", "| --- | --- | --- |", ...rows].join("\n"),
      ...sections,
    ].join("\n\n") + "\n"
  );
}

function checkFile(gh: Repository, pr: Item): string {
  const runs = gh.checkRuns.filter((r) => r.name === CHECK_NAME && r.headSha === pr.headSha);
  if (runs.length !== 1)
    throw new Error(
      `#${pr.number}'s head commit has ${runs.length} "${CHECK_NAME}" check runs; it should have exactly one`,
    );
  const run = runs[0]!;
  return (
    [`**${run.name}** on pull request #${pr.number}: \`${run.conclusion}\``, `### ${run.title}`, run.summary].join(
      "\n\n",
    ) + "\n"
  );
}

export interface Featured {
  /** The items the demo opened. */
  opened: number[];
  /** The pull request whose comment and check are shown. */
  featured: number;
  /** The report's month, "YYYY-MM". */
  month: string;
  /** The report's body as publishReport returned it. */
  reportBody: string;
  /** The team's Project, whose Problem field the app set. */
  board: Project;
}

const FIELD = "Problem";

/** The board as a table view grouped by the Problem field, in the field's option order, as GitHub shows it. */
function projectFile(gh: Repository, board: Project): string {
  const field = board.fields.find((f) => f.name === FIELD);
  if (!field?.options) throw new Error(`the app did not create the ${FIELD} field on the demo's Project`);
  const rows = board.items.map((entry) => {
    const number = Number(entry.content.split("#")[1]);
    const item = gh.item(number);
    const value = entry.values.get(field.id);
    return {
      item,
      option: field.options?.find((o) => o.id === value?.optionId)?.name ?? null,
      setBy: value?.creator ?? null,
    };
  });
  const groups = [...field.options.map((o) => o.name), null]
    .map((name) => ({ name, rows: rows.filter((r) => r.option === name) }))
    .filter((g) => g.rows.length > 0);
  const table = [
    `| ${FIELD} | Item | Title | Set by |`,
    "| --- | --- | --- | --- |",
    ...groups.flatMap((g) => [
      `| **${g.name ?? `No ${FIELD}`}** (${g.rows.length}) | | | |`,
      ...g.rows.map(
        (r) =>
          `| ${g.name ?? ""} | ${kindOf(r.item)} #${r.item.number} | ${r.item.title} | ${r.setBy ? `\`${r.setBy}\`` : ""} |`,
      ),
    ]),
  ].join("\n");
  const options = field.options.map((o) => `\`${o.name}\``).join(", ");
  return (
    [
      `# Project view: ${board.title}, grouped by ${FIELD}`,
      `The team's board (an organisation Project) after the demo's issues and pull requests were opened and the board's auto-add put each of them on it (a \`projects_v2_item\` event for the app). The app created the single-select field \`${FIELD}\` with the options ${options}, and set each item's value to the problem it serves. A view grouped by \`${FIELD}\` then shows the work per problem:`,
      table,
    ].join("\n\n") + "\n"
  );
}

export function renderOutputs(gh: Repository, f: Featured): Omit<DemoOutputs, "organisation-report.md"> {
  const reports = gh.discussions.filter((d) =>
    d.title.endsWith(
      new Date(`${f.month}-01T00:00:00Z`).toLocaleString("en-US", { month: "long", year: "numeric", timeZone: "UTC" }),
    ),
  );
  if (reports.length !== 1)
    throw new Error(`${reports.length} Discussions hold the ${f.month} report; there should be exactly one`);
  const report = reports[0]!;
  if (report.body !== f.reportBody) throw new Error("the Discussion's body differs from the report the app rendered");
  const pr = gh.item(f.featured);
  return {
    "labels.md": labelsFile(gh, f.opened),
    "comment.md": progressComment(pr),
    "check.md": checkFile(gh, pr),
    "report.md": report.body,
    "project.md": projectFile(gh, f.board),
  };
}
