/**
 * The most notable shipped items of a problem, for the report to name: work that closed issues, that
 * people discussed and reviewed, and that changed much of the code people write. Lock files, vendored,
 * generated and snapshot files do not count towards size, and dependency or version bumps are never
 * notable, whatever their size.
 */
import type { ShippedItem } from "./report-model.js";

/** An item is listed under at most this many problems, however many it serves. */
export const MAX_PROBLEMS_PER_ITEM = 2;

const LOCK_FILES =
  /(^|\/)(package-lock\.json|npm-shrinkwrap\.json|yarn\.lock|pnpm-lock\.yaml|bun\.lockb?|Cargo\.lock|go\.sum|poetry\.lock|uv\.lock|Pipfile\.lock|Gemfile\.lock|composer\.lock|mix\.lock|pubspec\.lock|Podfile\.lock|flake\.lock|gradle\.lockfile|packages\.lock\.json|[^/]+\.lock)$/i;
const VENDORED = /(^|\/)(vendor|vendored|third[_-]party|node_modules|external)\//i;
const GENERATED =
  /(^|\/)(generated|__generated__|gen)\/|(^|[/._-])generated[._-][^/]*$|[._-]generated\.[^/]+$|\.(min\.js|min\.css|pb\.go)$|_pb2\.py$|(^|\/)dist\//i;
const SNAPSHOTS = /(^|\/)(__snapshots__|snapshots)\/|\.snap$/i;

/** Why a changed file says little about the work: lock, vendored, generated or snapshot; null when it counts. */
export function uncountedFile(path: string): "lock" | "vendored" | "generated" | "snapshot" | null {
  if (LOCK_FILES.test(path)) return "lock";
  if (VENDORED.test(path)) return "vendored";
  if (SNAPSHOTS.test(path)) return "snapshot";
  if (GENERATED.test(path)) return "generated";
  return null;
}

const BUMP_AUTHORS =
  /^(dependabot|renovate|renovate-bot|greenkeeper|snyk-bot|pyup-bot|depfu|mend-bolt-for-github)(\[bot\])?$/i;
const VERSION = /\bv?\d+(\.\d+)+([-.+][\w.]+)?\b|\bdigest\b/i;

/**
 * A dependency or version bump: by a dependency bot, titled like one ("Bump x to 1.2", "Update Rust crate
 * y to v2", "chore(deps): …", "Bump version to 0.11.15", "Sync Python 3.13.14"), or changing only lock and
 * manifest files.
 */
export function isBump(item: Pick<ShippedItem, "title" | "author" | "files">): boolean {
  const title = item.title.replace(/\s*\(#\d+\)\s*$/, "").trim();
  if (BUMP_AUTHORS.test(item.author)) return true;
  if (/^[a-z]+\((deps?|dependencies)(-dev)?\)!?:/i.test(title) || /^(deps|dependencies)(\(.*\))?:/i.test(title))
    return true;
  if (/^(chore|build|ci|fix)(\([^)]*\))?!?:\s*(bump|update|upgrade)\b/i.test(title) && VERSION.test(title)) return true;
  if (/^bump\b/i.test(title)) return true;
  if (/^(update|upgrade|pin|sync)\b/i.test(title) && VERSION.test(title)) return true;
  const files = item.files ?? [];
  return (
    files.length > 0 &&
    files.every(
      (f) =>
        LOCK_FILES.test(f) ||
        /(^|\/)(package\.json|Cargo\.toml|go\.mod|pyproject\.toml|requirements[^/]*\.txt|Gemfile|\.pre-commit-config\.yaml)$/i.test(
          f,
        ),
    )
  );
}

/** Vendoring: named so ("Vendor x"), or most changed files vendored. */
export function isVendoring(item: Pick<ShippedItem, "title" | "files">): boolean {
  if (/^(vendor|re-?vendor|update vendored)\b/i.test(item.title.trim())) return true;
  const files = item.files ?? [];
  return files.length >= 5 && files.filter((f) => VENDORED.test(f)).length * 2 > files.length;
}

/**
 * Lines changed in files people write. With lines per file, uncounted files are left out; with paths only,
 * the total is scaled by the share of counted files; with neither, the total.
 */
export function changeSize(item: ShippedItem): number {
  if (item.changes && item.changes.length > 0) {
    return item.changes
      .filter((c) => uncountedFile(c.path) === null)
      .reduce((sum, c) => sum + c.additions + c.deletions, 0);
  }
  const total = (item.additions ?? 0) + (item.deletions ?? 0);
  const files = item.files ?? [];
  if (files.length === 0) return total;
  return (total * files.filter((f) => uncountedFile(f) === null).length) / files.length;
}

/**
 * Notability = 4·log2(1 + issues closed) + 2·log2(1 + comments + reviews) + log2(1 + size): closing an
 * issue is what work is for, discussion costs people more than lines do, and size counts on a log scale
 * so that one huge change does not outrank work that people talked about. Unknown figures count as 0.
 */
export function notability(item: ShippedItem): number {
  const discussion = (item.comments ?? 0) + (item.reviews ?? 0);
  return 4 * Math.log2(1 + (item.closedIssues ?? 0)) + 2 * Math.log2(1 + discussion) + Math.log2(1 + changeSize(item));
}

/** Bumps and vendoring are shipped work, but never notable. */
export const mayBeNotable = (item: ShippedItem): boolean => !isBump(item) && !isVendoring(item);

const mergedTime = (item: ShippedItem) => Date.parse(item.mergedAt) || 0;

type Scored = { item: ShippedItem; score: number; at: number };
const scored = (item: ShippedItem): Scored => ({ item, score: notability(item), at: mergedTime(item) });
const byNotability = (a: Scored, b: Scored) => b.score - a.score || b.at - a.at || b.item.number - a.item.number;

/** Highest notability first; ties go to the most recently merged, then the higher number. Bumps and vendoring left out. */
export function notableItems(items: readonly ShippedItem[], cap = 5): ShippedItem[] {
  return items
    .filter(mayBeNotable)
    .map(scored)
    .sort(byNotability)
    .slice(0, Math.max(0, cap))
    .map(({ item }) => item);
}

/**
 * The `cap` most notable items of each key (a problem id, or "" for unaligned work) as items stream past,
 * in the order of `notableItems`: each item is scored once, and only `cap` are kept per key.
 */
export function notableKeeper(cap: number): {
  add(item: ShippedItem, keys: readonly string[]): void;
  items(): ShippedItem[];
} {
  const kept = new Map<string, Scored[]>();
  return {
    add(item, keys) {
      if (cap <= 0 || !mayBeNotable(item)) return;
      const entry = scored(item);
      for (const key of keys) {
        const list = kept.get(key) ?? [];
        kept.set(key, list);
        if (list.length >= cap && byNotability(entry, list[list.length - 1]!) >= 0) continue;
        let at = list.length;
        while (at > 0 && byNotability(entry, list[at - 1]!) < 0) at -= 1;
        list.splice(at, 0, entry);
        if (list.length > cap) list.pop();
      }
    },
    items: () => [...kept.values()].flatMap((list) => list.map((e) => e.item)),
  };
}

/**
 * Notable items per problem id, plus "" for unaligned items. An item is listed under at most two
 * problems: the most notable items are placed first, each under the first problems it serves that still
 * have room.
 */
export function notableByProblem(
  items: readonly ShippedItem[],
  problemIds: readonly string[],
  cap = 5,
): Map<string, ShippedItem[]> {
  const groups = new Map<string, ShippedItem[]>([...problemIds, ""].map((id) => [id, []]));
  for (const item of notableItems(items, Number.POSITIVE_INFINITY)) {
    let listed = 0;
    for (const id of item.problems.length === 0 ? [""] : new Set(item.problems)) {
      const group = groups.get(id);
      if (!group || group.length >= cap) continue;
      group.push(item);
      if (++listed >= MAX_PROBLEMS_PER_ITEM) break;
    }
  }
  return groups;
}
