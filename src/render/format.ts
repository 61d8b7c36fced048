/** Number formatting shared by everything the app writes, so a share reads the same everywhere. */

/** 0.375 → "37.5%", 0.4 → "40%". */
export function percent(fraction: number): string {
  return `${round1(fraction * 100)}%`;
}

/** An intended share given as a fraction, or a dash when the strategy gives none. */
export function percentOrDash(fraction: number | null | undefined): string {
  return fraction === null || fraction === undefined ? "—" : percent(fraction);
}

/** A change in percentage points with its direction: "↑ 5 pts", "↓ 2.5 pts", "→ 0 pts", "—" when unknown. */
export function pointsChange(points: number | null | undefined): string {
  if (points === null || points === undefined || !Number.isFinite(points)) return "—";
  const v = round1(Math.abs(points));
  const arrow = v === "0" ? "→" : points > 0 ? "↑" : "↓";
  return `${arrow} ${v} ${v === "1" ? "pt" : "pts"}`;
}

/** A gap in percentage points, unsigned: "30 points", "1 point". */
export function points(value: number): string {
  const v = round1(Math.abs(value));
  return `${v} ${v === "1" ? "point" : "points"}`;
}

/** 1234 → "1,234"; 2.5 → "2.5"; null → "—". */
export function num(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return "—";
  return NUMBER.format(value);
}

/** One formatter for all: building one per call (what toLocaleString does) is slow over thousands of rows. */
const NUMBER = new Intl.NumberFormat("en-US", { maximumFractionDigits: 2 });

/** "1 pull request", "3 pull requests". */
export function plural(count: number, one: string, many = `${one}s`): string {
  return `${num(count)} ${count === 1 ? one : many}`;
}

/** "a", "a and b", "a, b and c". */
export function listJoin(items: readonly string[]): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;
}

/** The first seven characters of a commit sha, as GitHub shows it. */
export function shortSha(sha: string): string {
  return sha.slice(0, 7);
}

/** One decimal at most, no "-0", no trailing ".0". */
function round1(value: number): string {
  const r = Math.round(value * 10) / 10;
  return (Object.is(r, -0) ? 0 : r).toString();
}
