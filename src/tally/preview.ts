/**
 * What a strategy change would do (docs/contract.md §6, "What the change would do"): a month of merged
 * pull requests, each judged under the file in force and under the proposed file, tallied side by side:
 * merged pull requests and share per problem under each, unaligned under each, the difference in points,
 * the pull requests whose problems change (the first ones kept, the rest counted), and where a removed
 * problem's work goes. Pure: the handler judges each pull request (the same decision as everywhere) and
 * adds it here; only sums and a bounded list are kept, so memory stays flat.
 */
import type { Strategy } from "../strategy/schema.js";
import { measuredBy, shareIn } from "./measure.js";
import { createTallier } from "./split.js";
import type { Measure, Tally } from "./types.js";

/** Changed pull requests listed by name; the rest are counted. */
export const PREVIEW_LISTED = 20;

/** One merged pull request, judged under both files. */
export interface PreviewPull {
  /** The repository's name, for an organisation's preview. */
  repo?: string;
  number: number;
  title: string;
  url: string;
  author: string;
  mergedAt: string;
  /** The problems it serves under the file in force, and under the proposed file. */
  before: string[];
  after: string[];
  /** Whether each file counts it as shipped work (its `ignore_authors` does not name the author); default true. */
  countedBefore?: boolean;
  countedAfter?: boolean;
}

/** A side of a changed pull request: the problems it serves, or `null` when that file does not count it. */
export type Side = string[] | null;

export interface ChangedPull {
  repo?: string;
  number: number;
  title: string;
  url: string;
  mergedAt: string;
  before: Side;
  after: Side;
}

export interface PreviewFigures {
  merged: number;
  /** The share in the preview's measure, 0..1. */
  share: number;
}

export interface PreviewRow {
  id: string;
  /** The title under the proposed file (the file in force's for a removed problem). */
  title: string;
  /** Its title in force, when the change renames it. */
  formerTitle?: string;
  state: "kept" | "new" | "removed";
  /** Null where the file does not define the problem. */
  before: PreviewFigures | null;
  after: PreviewFigures | null;
  /** after − before, in percentage points (a missing side counts as 0). */
  points: number;
}

/** Where the pull requests of a removed problem go: a problem of the proposed file, "" unaligned, null not counted. */
export interface Destination {
  id: string | null;
  count: number;
}

export interface PreviewModel {
  measure: Measure;
  /** Shipped pull requests under each file. */
  merged: { before: number; after: number };
  rows: PreviewRow[];
  unaligned: { before: PreviewFigures; after: PreviewFigures; points: number };
  /** Pull requests whose problems change (or that one file counts and the other does not). */
  changed: { count: number; first: ChangedPull[] };
  removed: { id: string; title: string; merged: number; to: Destination[] }[];
  /** Labels the change renames (the same problem id, or the unaligned label). */
  renamed: { id: string | null; from: string; to: string }[];
  /** Titles of both files' problems, for naming problems in the list of changes. */
  titles: { before: Record<string, string>; after: Record<string, string> };
}

export interface Preview {
  add(pull: PreviewPull): void;
  result(): PreviewModel;
}

const key = (ids: readonly string[]) => [...new Set(ids)].sort().join(",");

/**
 * The labels a change renames: for each problem in both files whose label differs, and the unaligned
 * label, old name (lower-cased) → new name.
 */
export function renamedLabels(before: Strategy, after: Strategy): Map<string, string> {
  const renames = new Map<string, string>();
  const next = new Map(after.problems.map((p) => [p.id, p.label]));
  for (const p of before.problems) {
    const to = next.get(p.id);
    if (to !== undefined && to.toLowerCase() !== p.label.toLowerCase()) renames.set(p.label.toLowerCase(), to);
  }
  const [from, to] = [before.settings.unaligned_label, after.settings.unaligned_label];
  if (from && to && from.toLowerCase() !== to.toLowerCase()) renames.set(from.toLowerCase(), to);
  return renames;
}

/** A label as the proposed file names it: renamed when the change renames it, else as it is. */
export function renameLabel(renames: ReadonlyMap<string, string>, label: string): string {
  return renames.get(label.toLowerCase()) ?? label;
}

/**
 * The preview of a change from `before` (the file in force) to `after` (the proposed file). Shares are
 * read in `before`'s `settings.report.measure`, so both columns are in the same unit.
 */
export function createPreview(before: Strategy, after: Strategy): Preview {
  const measure = before.settings.report.measure;
  const talliers = { before: createTallier(before), after: createTallier(after) };
  const known = { before: new Set(before.problems.map((p) => p.id)), after: new Set(after.problems.map((p) => p.id)) };
  const ignored = {
    before: new Set(before.settings.ignore_authors.map((a) => a.toLowerCase())),
    after: new Set(after.settings.ignore_authors.map((a) => a.toLowerCase())),
  };
  const removedIds = before.problems.filter((p) => !known.after.has(p.id)).map((p) => p.id);
  const flows = new Map(removedIds.map((id) => [id, new Map<string, number>()]));
  let count = 0;
  const first: ChangedPull[] = [];

  const side = (which: "before" | "after", pull: PreviewPull): Side => {
    const counted = (which === "before" ? pull.countedBefore : pull.countedAfter) ?? true;
    if (!counted || ignored[which].has(pull.author.toLowerCase())) return null;
    const ids = which === "before" ? pull.before : pull.after;
    return [...new Set(ids)].filter((id) => known[which].has(id));
  };

  return {
    add(pull) {
      const b = side("before", pull);
      const a = side("after", pull);
      if (b) talliers.before.add({ problems: b, author: pull.author, mergedAt: pull.mergedAt });
      if (a) talliers.after.add({ problems: a, author: pull.author, mergedAt: pull.mergedAt });
      if (b === null && a === null) return;
      if (b !== null && a !== null && key(b) === key(a)) return;
      count += 1;
      for (const id of b ?? []) {
        const flow = flows.get(id);
        if (!flow) continue;
        for (const to of a === null ? ["\u0000"] : a.length === 0 ? [""] : a) flow.set(to, (flow.get(to) ?? 0) + 1);
      }
      const entry: ChangedPull = {
        ...(pull.repo !== undefined ? { repo: pull.repo } : {}),
        number: pull.number,
        title: pull.title,
        url: pull.url,
        mergedAt: pull.mergedAt,
        before: b,
        after: a,
      };
      // The first ones in merge order, whatever order they come in: a bounded, sorted list.
      const at = first.findIndex((c) => earlier(entry, c));
      if (at === -1) {
        if (first.length < PREVIEW_LISTED) first.push(entry);
      } else {
        first.splice(at, 0, entry);
        if (first.length > PREVIEW_LISTED) first.pop();
      }
    },
    result() {
      const t = { before: talliers.before.result(), after: talliers.after.result() };
      // Author-weeks are always counted here, so the measure asked for is the one used.
      const m = measuredBy(t.before, measure);
      const figures = (tally: Tally, id: string): PreviewFigures | null => {
        const f = tally.problems[id];
        return f ? { merged: f.merged, share: shareIn(f, m) } : null;
      };
      const titleBefore = new Map(before.problems.map((p) => [p.id, p.title]));
      const rows: PreviewRow[] = [
        ...after.problems.map((p): PreviewRow => {
          const was = titleBefore.get(p.id);
          const b = was === undefined ? null : figures(t.before, p.id);
          const a = figures(t.after, p.id);
          return {
            id: p.id,
            title: p.title,
            ...(was !== undefined && was !== p.title ? { formerTitle: was } : {}),
            state: was === undefined ? "new" : "kept",
            before: b,
            after: a,
            points: ((a?.share ?? 0) - (b?.share ?? 0)) * 100,
          };
        }),
        ...before.problems
          .filter((p) => !known.after.has(p.id))
          .map((p): PreviewRow => {
            const b = figures(t.before, p.id);
            return {
              id: p.id,
              title: p.title,
              state: "removed",
              before: b,
              after: null,
              points: -(b?.share ?? 0) * 100,
            };
          }),
      ];
      const unaligned = {
        before: { merged: t.before.unaligned.merged, share: shareIn(t.before.unaligned, m) },
        after: { merged: t.after.unaligned.merged, share: shareIn(t.after.unaligned, m) },
        points: (shareIn(t.after.unaligned, m) - shareIn(t.before.unaligned, m)) * 100,
      };
      const order = new Map(after.problems.map((p, i) => [p.id, i]));
      const rank = (id: string) => (id === "" ? 1e6 : id === "\u0000" ? 1e6 + 1 : (order.get(id) ?? 1e6 - 1));
      const removed = before.problems
        .filter((p) => !known.after.has(p.id))
        .map((p) => ({
          id: p.id,
          title: p.title,
          merged: t.before.problems[p.id]?.merged ?? 0,
          to: [...(flows.get(p.id) ?? new Map<string, number>())]
            .sort(([x], [y]) => rank(x) - rank(y))
            .map(([id, n]): Destination => ({ id: id === "\u0000" ? null : id, count: n })),
        }));
      const renames = renamedLabels(before, after);
      const renamed = [...renames].map(([from, to]) => {
        const problem = before.problems.find((p) => p.label.toLowerCase() === from);
        return {
          id: problem?.id ?? null,
          from: problem?.label ?? before.settings.unaligned_label ?? from,
          to,
        };
      });
      return {
        measure: m,
        merged: { before: t.before.merged, after: t.after.merged },
        rows,
        unaligned,
        changed: { count, first: [...first] },
        removed,
        renamed,
        titles: {
          before: Object.fromEntries(before.problems.map((p) => [p.id, p.title])),
          after: Object.fromEntries(after.problems.map((p) => [p.id, p.title])),
        },
      };
    },
  };
}

function earlier(a: ChangedPull, b: ChangedPull): boolean {
  if (a.mergedAt !== b.mergedAt) return a.mergedAt < b.mergedAt;
  if ((a.repo ?? "") !== (b.repo ?? "")) return (a.repo ?? "") < (b.repo ?? "");
  return a.number < b.number;
}
