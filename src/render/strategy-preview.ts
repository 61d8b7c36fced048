/**
 * What a strategy change would do, as the `Strategy file` check shows it (docs/contract.md §6): one
 * sentence first, then the month side by side, where a removed problem's work goes, renamed labels, and
 * the pull requests whose problems change (the first 20, the rest counted).
 */
import type { ChangedPull, PreviewModel, PreviewRow, Side } from "../tally/preview.js";
import { inert, oneLine } from "../text/inert.js";
import { listJoin, num, percent, plural, pointsChange } from "./format.js";
import { link } from "./links.js";
import { code, table } from "./markdown.js";
import { BODY_LIMIT, blocks, fitLines } from "./limits.js";

/** Problems named in the first sentence; the rest are counted. */
const IN_SENTENCE = 4;

/**
 * The most a preview takes of a check run summary: the rest of the budget is for the file's own summary
 * (its first paragraph at least, see render/strategy-file-check.ts).
 */
export const PREVIEW_LIMIT = BODY_LIMIT - 5_000;

const PREVIEW_PREFIX = "<!-- throughline:preview ";

/** The hidden mark of a preview: which file in force and which month it was made against. */
export function previewMark(key: string): string {
  return `${PREVIEW_PREFIX}${key.replace(/[^A-Za-z0-9=/._: -]/g, "")} -->`;
}

/** The key of the preview a check's summary carries, if any. */
export function previewKeyOf(summary: string | null | undefined): string | undefined {
  if (!summary) return undefined;
  const at = summary.lastIndexOf(PREVIEW_PREFIX);
  if (at < 0) return undefined;
  const end = summary.indexOf(" -->", at);
  return end < 0 ? undefined : summary.slice(at + PREVIEW_PREFIX.length, end);
}

export interface PreviewText {
  model: PreviewModel;
  /** "October 2026". */
  month: string;
  /** What was judged: "this repository" or "14 repositories of acme". */
  where?: string;
  /** Said after the table: pull requests not read in full, searches cut short. */
  notes?: string[];
  /** Said right after the first line: a file that is not in force (a draft, retired, outside its dates). */
  caveats?: string[];
}

const pct = (share: number) => percent(share);

function rowChanges(row: PreviewRow): boolean {
  return pct(row.before?.share ?? 0) !== pct(row.after?.share ?? 0);
}

/**
 * The first line: `Last month under this change: Reliability 40% → 46%, unaligned 15% → 9% (23 pull
 * requests change).` With no merged pull request, or nothing changing, it says so in the same form.
 */
export function previewSentence(model: PreviewModel, month: string): string {
  const lead = "Last month under this change:";
  if (model.merged.before === 0 && model.merged.after === 0)
    return `${lead} nothing to compare, no pull request was merged in ${month}.`;
  const changing = model.rows.filter(rowChanges);
  const unalignedChanges = pct(model.unaligned.before.share) !== pct(model.unaligned.after.share);
  const n = model.changed.count;
  const count = `(${plural(n, "pull request")} change${n === 1 ? "s" : ""})`;
  if (changing.length === 0 && !unalignedChanges) {
    if (n === 0) {
      const m = model.merged.before;
      return m === 1
        ? `${lead} no change, the 1 merged pull request of ${month} serves the same problems.`
        : `${lead} no change, the ${num(m)} merged pull requests of ${month} serve the same problems.`;
    }
    return `${lead} the same shares ${count}.`;
  }
  const shown = new Set(
    [...changing]
      .sort((a, b) => Math.abs(b.points) - Math.abs(a.points))
      .slice(0, IN_SENTENCE)
      .map((r) => r.id),
  );
  const parts = changing
    .filter((r) => shown.has(r.id))
    .map((r) => {
      const title = inert(r.title, 80);
      const from = pct(r.before?.share ?? 0);
      const to = pct(r.after?.share ?? 0);
      if (r.state === "new") return `${title} ${from} → ${to} (new)`;
      if (r.state === "removed") return `${title} ${from} → ${to} (removed)`;
      return `${title} ${from} → ${to}`;
    });
  const more = changing.length - shown.size;
  if (more > 0) parts.push(`${plural(more, "more problem")}`);
  if (unalignedChanges)
    parts.push(`unaligned ${pct(model.unaligned.before.share)} → ${pct(model.unaligned.after.share)}`);
  return `${lead} ${parts.join(", ")} ${count}.`;
}

/**
 * The whole preview, sentence first; `mark` goes last (hidden). Within `budget` characters whatever the
 * titles and however many problems or changes: the list of changes is cut to what fits (the rest counted),
 * and when the figures themselves do not fit they are left out with a line saying so.
 */
export function renderPreview(input: PreviewText, mark: string, budget = PREVIEW_LIMIT): string {
  const { model, month } = input;
  const sentence = previewSentence(model, month);
  const measure =
    model.measure === "author_weeks"
      ? "Shares are of author-weeks, the measure `settings.report.measure` asks for in the file in force."
      : "Shares are of merged pull requests, split evenly when one serves several problems.";
  const intro = `${month}${input.where ? ` in ${input.where}` : ""}: ${plural(model.merged.before, "merged pull request")} judged under the file in force and under this pull request's file. Explicit choices stay (a \`Serves:\` line, a \`/strategy\` command, a strategy label a person set or removed); what the app decided by rules or by the issues a pull request closes is decided again. ${measure}`;
  const notes = blocks(...(input.notes ?? []));
  const lead = blocks(sentence, ...(input.caveats ?? []));
  if (model.merged.before === 0 && model.merged.after === 0) return bounded(blocks(lead, intro, notes), mark, budget);
  const figures = blocks(
    figuresTable(model),
    ...model.removed.filter((r) => r.merged > 0).map((r) => removedLine(model, r)),
    ...model.renamed.map(
      (r) =>
        `The label ${labelName(r.from)} becomes ${labelName(r.to)}: these figures take pull requests carrying the old label as carrying the new one. The app does not rename labels; rename it on GitHub (Issues → Labels) so the choices people made with it carry over.`,
    ),
  );
  // Room kept for the list of changes: its head, a few lines and the count of the rest.
  const listRoom = model.changed.count > 0 ? 1_000 : 0;
  const fixed = (shown: string) => blocks(lead, intro, shown, notes, mark).length + 4;
  const shown = fixed(figures) + listRoom <= budget ? figures : FIGURES_TOO_LONG;
  return bounded(blocks(lead, intro, shown, changedList(model, budget - fixed(shown)), notes), mark, budget);
}

const FIGURES_TOO_LONG =
  "The table of figures is left out: with these problems' titles it does not fit in a check run summary.";

/** `text` then `mark`, within `budget`: a last guard, cutting the text (never the mark) when it is longer. */
function bounded(text: string, mark: string, budget: number): string {
  const room = budget - mark.length - 3;
  const cut = text.length > room ? `${text.slice(0, Math.max(0, room - 1))}…` : text;
  return blocks(cut, mark);
}

/** A label in the text: as code, unless it holds a backtick that could end the code span early. */
const labelName = (label: string) => (label.includes("`") ? inert(label, 60) : code(oneLine(label, 60)));

function figuresTable(model: PreviewModel): string {
  const cell = (f: { merged: number; share: number } | null) => (f === null ? "—" : num(f.merged));
  const share = (f: { merged: number; share: number } | null) => (f === null ? "—" : pct(f.share));
  const rows = model.rows.map((r) => [
    `${inert(r.title, 120)}${r.state === "new" ? " (new)" : r.state === "removed" ? " (removed)" : ""}${r.formerTitle ? ` (was ${inert(r.formerTitle, 80)})` : ""}`,
    cell(r.before),
    cell(r.after),
    share(r.before),
    share(r.after),
    pointsChange(r.points),
  ]);
  rows.push([
    "Unaligned",
    num(model.unaligned.before.merged),
    num(model.unaligned.after.merged),
    pct(model.unaligned.before.share),
    pct(model.unaligned.after.share),
    pointsChange(model.unaligned.points),
  ]);
  if (model.merged.before !== model.merged.after)
    rows.push(["Shipped work counted", num(model.merged.before), num(model.merged.after), "", "", ""]);
  return table(
    ["Problem", "Merged, in force", "Merged, this change", "Share, in force", "Share, this change", "Difference"],
    rows,
    ["left", "right", "right", "right", "right", "right"],
  );
}

function removedLine(model: PreviewModel, r: PreviewModel["removed"][number]): string {
  const where = r.to.map((d) => `${destination(model, d.id)} (${num(d.count)})`);
  return `**${inert(r.title, 120)}** is removed: its ${plural(r.merged, "pull request")} go${r.merged === 1 ? "es" : ""} to ${listJoin(where)}.`;
}

function destination(model: PreviewModel, id: string | null): string {
  if (id === null) return "not counted (`ignore_authors`)";
  if (id === "") return "unaligned";
  return inert(model.titles.after[id] ?? id, 80);
}

function sideText(model: PreviewModel, side: Side, which: "before" | "after"): string {
  if (side === null) return "not counted";
  if (side.length === 0) return "unaligned";
  // " + " between problems: titles may hold commas.
  return side.map((id) => inert(model.titles[which][id] ?? id, 80)).join(" + ");
}

function changedLine(model: PreviewModel, c: ChangedPull): string {
  const name = `${c.repo ? `${inert(c.repo, 100)}` : ""}#${c.number}`;
  return `- ${link(name, c.url)} ${inert(c.title, 120)}: ${sideText(model, c.before, "before")} → ${sideText(model, c.after, "after")}`;
}

function changedList(model: PreviewModel, budget: number): string | undefined {
  const { count, first } = model.changed;
  if (count === 0) return undefined;
  const rest = count - first.length;
  const more = (left: number) => `- …and ${plural(left, "more pull request")}.`;
  const headRoom = 120;
  const lines = fitLines(
    first.map((c) => changedLine(model, c)),
    budget - headRoom - (rest > 0 ? more(count).length + 1 : 0),
    (left) => more(left + rest),
  );
  const cut = lines.length > 0 && lines.length <= first.length && lines.at(-1)?.startsWith("- …and ");
  const listed = cut ? lines.length - 1 : first.length;
  const head =
    count > listed
      ? `Pull requests whose problems change (the first ${listed} of ${num(count)}, in merge order):`
      : `Pull requests whose problems change (${num(count)}):`;
  return [head, "", ...lines, ...(!cut && rest > 0 ? [more(rest)] : [])].join("\n");
}
