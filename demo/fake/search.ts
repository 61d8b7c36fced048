/**
 * GitHub's issue search, for the qualifiers the app sends: enough of the real semantics (inclusive date
 * ranges, comma lists as OR, `-` to exclude, `app/<slug>` for bots, words in the title or body) that the
 * app's counts and pages come out as they would on github.com. A qualifier it does not know is an error,
 * so the demo fails loudly instead of counting wrong.
 */

export interface Searchable {
  kind: "issue" | "pull_request" | "discussion";
  repo: string;
  title: string;
  body: string;
  /** As REST spells it: bots end in `[bot]`. */
  author: string;
  labels: string[];
  state: "open" | "closed";
  stateReason: "completed" | "not_planned" | null;
  createdAt: string;
  closedAt: string | null;
  mergedAt: string | null;
  base: string | null;
  milestone: string | null;
}

type Test = (item: Searchable) => boolean;

const TOKEN = /(-?)([a-z]+):((?:"[^"]*"|[^\s",]+)(?:,(?:"[^"]*"|[^\s",]+))*)|"([^"]*)"|(\S+)/gi;

const values = (raw: string) => Array.from(raw.matchAll(/"([^"]*)"|([^\s",]+)/g), (m) => (m[1] ?? m[2]).toLowerCase());
const words = (text: string) => text.toLowerCase().split(/[^a-z0-9]+/).filter(Boolean);

/** `A..B`, inclusive at both ends; a plain date covers its whole UTC day (the only form the app sends). */
function inRange(raw: string): (iso: string | null) => boolean {
  const [from, to] = raw.split("..");
  const bound = (text: string | undefined, end: boolean) => {
    if (text && /^\d{4}-\d{2}-\d{2}$/.test(text)) return Date.parse(`${text}T00:00:00Z`) + (end ? 86_400_000 - 1 : 0);
    const at = text ? Date.parse(text) : NaN;
    if (Number.isNaN(at)) throw new Error(`the demo's GitHub cannot read the range "${raw}"`);
    return at + (end ? 999 : 0);
  };
  const lo = bound(from, false);
  const hi = bound(to, true);
  return (iso) => iso !== null && Date.parse(iso) >= lo && Date.parse(iso) <= hi;
}

const restLogin = (v: string) => (v.startsWith("app/") ? `${v.slice(4)}[bot]` : v);

function qualifier(name: string, raw: string): Test | "sort" | "in:title" {
  const list = values(raw);
  switch (name) {
    case "repo": return (i) => i.repo.toLowerCase() === list[0];
    case "is":
    case "type": {
      const v = list[0];
      if (v === "issue") return (i) => i.kind === "issue";
      if (v === "pr") return (i) => i.kind === "pull_request";
      if (v === "open" || v === "closed") return (i) => i.state === v;
      if (v === "merged") return (i) => i.mergedAt !== null;
      if (v === "unmerged") return (i) => i.kind === "pull_request" && i.mergedAt === null && i.state === "closed";
      break;
    }
    case "label": return (i) => i.labels.some((l) => list.includes(l.toLowerCase()));
    case "author": return (i) => list.map(restLogin).includes(i.author.toLowerCase());
    case "base": return (i) => i.base?.toLowerCase() === list[0];
    case "milestone": return (i) => i.milestone?.toLowerCase() === list[0];
    case "reason": return (i) => i.stateReason === (list[0] === "not planned" ? "not_planned" : list[0]);
    case "created": { const within = inRange(raw); return (i) => within(i.createdAt); }
    case "closed": { const within = inRange(raw); return (i) => within(i.closedAt); }
    case "merged": { const within = inRange(raw); return (i) => within(i.mergedAt); }
    case "sort": return "sort";
    case "in": if (list[0] === "title") return "in:title"; break;
  }
  throw new Error(`the demo's GitHub does not understand the search qualifier ${name}:${raw}`);
}

/** The items matching `query`, in the order search would return them (`sort:` or newest first). */
export function search<T extends Searchable>(items: T[], query: string): T[] {
  const tests: Test[] = [];
  const phrases: string[][] = [];
  let titleOnly = false;
  let order = "created-desc";
  for (const m of query.matchAll(TOKEN)) {
    const [, negate, name, raw, phrase, word] = m;
    if (phrase !== undefined || word !== undefined) {
      phrases.push(words(phrase ?? word));
      continue;
    }
    const test = qualifier(name.toLowerCase(), raw);
    if (test === "sort") order = values(raw)[0];
    else if (test === "in:title") titleOnly = true;
    else tests.push(negate ? (i) => !test(i) : test);
  }
  const hasPhrase = (text: string, phrase: string[]) => {
    const w = words(text);
    return w.some((_, i) => phrase.every((p, j) => w[i + j] === p));
  };
  const textTest: Test = (i) => phrases.every((p) => hasPhrase(i.title, p) || (!titleOnly && hasPhrase(i.body, p)));
  const found = items.filter((i) => textTest(i) && tests.every((t) => t(i)));
  if (order !== "created-asc" && order !== "created-desc") throw new Error(`the demo's GitHub cannot sort by ${order}`);
  const sign = order === "created-asc" ? 1 : -1;
  return found.sort((a, b) => sign * a.createdAt.localeCompare(b.createdAt));
}
