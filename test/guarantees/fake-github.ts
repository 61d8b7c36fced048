/**
 * A small stateful GitHub for one repository, served by nock: labels on items (added and removed one by
 * one, or replaced as a set), comments, check runs, the strategy file and the GraphQL reads the app
 * makes, all answered from the same state. People act on it between and during the app's requests, so
 * tests judge outcomes (which labels and comments exist in the end) rather than request scripts.
 */
import nock from "nock";
import { API, OWNER, REPO } from "../fixtures/github.js";
import { APP } from "../fixtures/probot.js";
import type { Sent } from "./helpers.js";

export interface FakeComment {
  id: number;
  author: string;
  body: string;
  createdAt: string;
  edits: number;
}

export interface FakeCheck {
  id: number;
  name: string;
  headSha: string;
  conclusion: string;
  output: { title: string; summary: string; annotations?: unknown[] };
}

type Entry = { kind: "labeled" | "unlabeled"; label: string; actor: string } | { kind: "comment"; comment: FakeComment };

export interface FakeItem {
  number: number;
  labels: string[];
  files: string[];
  log: Entry[];
}

/** As GraphQL names an actor: a bot's login comes without the `[bot]` that REST and webhooks add. */
function actor(login: string) {
  return login.endsWith("[bot]") ? { __typename: "Bot", login: login.slice(0, -"[bot]".length) } : { __typename: "User", login };
}

export class FakeGitHub {
  readonly repoPath: string;
  readonly items = new Map<number, FakeItem>();
  readonly comments: FakeComment[] = [];
  readonly checks: FakeCheck[] = [];
  readonly repoLabels = new Set<string>();
  readonly requests: Sent[] = [];
  readonly roles = new Map<string, string>();
  strategy: string | null;
  etag = '"v1"';
  /** The strategy file at other commits (a pull request's head), by sha. */
  readonly strategyAt = new Map<string, string>();
  /** The app's slug as GET /app reports it: its bot login is `<slug>[bot]`. */
  slug = APP.slug;
  /** Runs just before the app's write lands: a person acting while the app works. */
  beforeWrite: (request: Sent) => void = () => undefined;
  /**
   * A fault for a request: answered with `status` instead of being carried out, or, with `happened`,
   * carried out and still answered with `status` (a server error after the write).
   */
  fault: (request: Sent) => { status: number; happened?: boolean } | undefined = () => undefined;
  private ids = 1000;
  private clock = Date.parse("2026-11-20T10:00:00Z");

  constructor({ owner = OWNER, repo = REPO, strategy = null as string | null } = {}) {
    this.repoPath = `/repos/${owner}/${repo}`;
    this.strategy = strategy;
  }

  get login(): string {
    return `${this.slug}[bot]`;
  }

  item(number: number): FakeItem {
    let item = this.items.get(number);
    if (!item) this.items.set(number, (item = { number, labels: [], files: ["src/checkout.ts"], log: [] }));
    return item;
  }

  /** A person (or another bot) adds a label. */
  addLabel(number: number, label: string, actor = "octocat"): void {
    const item = this.item(number);
    if (!item.labels.some((l) => l.toLowerCase() === label.toLowerCase())) item.labels.push(label);
    item.log.push({ kind: "labeled", label, actor });
  }

  removeLabel(number: number, label: string, actor = "octocat"): void {
    const item = this.item(number);
    item.labels = item.labels.filter((l) => l.toLowerCase() !== label.toLowerCase());
    item.log.push({ kind: "unlabeled", label, actor });
  }

  comment(number: number, body: string, author = "octocat"): FakeComment {
    const comment = { id: this.ids++, author, body, createdAt: new Date((this.clock += 1000)).toISOString(), edits: 0 };
    this.comments.push(comment);
    this.item(number).log.push({ kind: "comment", comment });
    return comment;
  }

  commentsOn(number: number): FakeComment[] {
    return this.item(number).log.flatMap((e) => (e.kind === "comment" && this.comments.includes(e.comment) ? [e.comment] : []));
  }

  /** An item's labels as a webhook payload carries them. */
  labelsOf(number: number): { name: string }[] {
    return this.item(number).labels.map((name) => ({ name }));
  }

  writes(): Sent[] {
    return this.requests.filter((r) => r.method !== "GET" && !(r.path === "/graphql" && !/^\s*mutation/.test(r.body?.query ?? "")));
  }

  /** Answer every request to api.github.com from this state until nock is cleaned. */
  serve(): this {
    const scope = nock(API).persist();
    scope.post(/\/app\/installations\/\d+\/access_tokens/).optionally().reply(201, { token: "test", expires_at: "2099-01-01T00:00:00Z", permissions: {} });
    scope.get("/app").optionally().reply(() => [200, { id: APP.id, slug: this.slug }]);
    const fake = this;
    for (const method of ["GET", "POST", "PATCH", "PUT", "DELETE"]) {
      scope
        .intercept((uri: string) => uri.startsWith(`${this.repoPath}/`) || uri === "/graphql", method, (body: any) => this.mine(body))
        .optionally()
        .reply(function (uri: string, body: any) {
          return fake.answer(method, uri, body, this.req.headers);
        });
    }
    return this;
  }

  /** With several fakes at once, a GraphQL request belongs to the one whose repository it names. */
  private mine(body: any): boolean {
    const v = body?.variables;
    if (!v) return true;
    if (typeof v.owner === "string" && typeof v.repo === "string") return `/repos/${v.owner}/${v.repo}` === this.repoPath;
    if (typeof v.search === "string") return v.search.includes(`repo:${this.repoPath.slice("/repos/".length)} `);
    return true;
  }

  private answer(method: string, uri: string, body: any, headers: Record<string, string>): [number, unknown, Record<string, string>?] {
    const url = new URL(uri, API);
    const path = decodeURIComponent(url.pathname);
    const request = { method, path, body };
    this.requests.push(request);
    const fault = this.fault(request);
    if (fault && !fault.happened) return [fault.status, { message: "Server Error" }];
    if (method !== "GET") this.beforeWrite(request);
    const answer = this.route(method, path, url, body, headers);
    return fault ? [fault.status, { message: "Server Error" }] : answer;
  }

  private route(method: string, path: string, url: URL, body: any, headers: Record<string, string>): [number, unknown, Record<string, string>?] {
    const rest = path.startsWith(this.repoPath) ? path.slice(this.repoPath.length) : path;
    let m: RegExpExecArray | null;
    if (method === "POST" && path === "/graphql") return [200, this.graphql(body)];
    if (method === "GET" && (m = /^\/contents\/(.+)$/.exec(rest))) return this.file(m[1], url.searchParams.get("ref"), headers["if-none-match"]);
    if (method === "GET" && (m = /^\/labels\/(.+)$/.exec(rest))) return this.repoLabels.has(m[1].toLowerCase()) ? [200, { name: m[1] }] : [404, { message: "Not Found" }];
    if (method === "POST" && rest === "/labels") {
      if (this.repoLabels.has(body.name.toLowerCase())) return [422, { message: "Validation Failed", errors: [{ code: "already_exists" }] }];
      this.repoLabels.add(body.name.toLowerCase());
      return [201, body];
    }
    if ((m = /^\/issues\/(\d+)\/labels$/.exec(rest)) && (method === "POST" || method === "PUT")) {
      const item = this.item(Number(m[1]));
      const adding = (body.labels as string[]).filter((l) => !item.labels.some((have) => have.toLowerCase() === l.toLowerCase()));
      if (method === "POST" && item.labels.length + adding.length > 100) {
        return [422, { message: "Validation Failed", errors: [{ resource: "Label", code: "invalid", message: "An issue can have at most 100 labels" }] }];
      }
      if (method === "PUT") for (const l of [...item.labels]) this.removeLabel(item.number, l, this.login);
      for (const label of body.labels as string[]) this.addLabel(item.number, label, this.login);
      return [200, item.labels.map((name) => ({ name }))];
    }
    if (method === "DELETE" && (m = /^\/issues\/(\d+)\/labels\/(.+)$/.exec(rest))) {
      const item = this.item(Number(m[1]));
      if (!item.labels.some((l) => l.toLowerCase() === m![2].toLowerCase())) return [404, { message: "Label does not exist" }];
      this.removeLabel(item.number, m[2], this.login);
      return [200, item.labels.map((name) => ({ name }))];
    }
    if (method === "POST" && (m = /^\/issues\/(\d+)\/comments$/.exec(rest))) {
      const comment = this.comment(Number(m[1]), body.body, this.login);
      return [201, { id: comment.id, body: comment.body }];
    }
    if ((m = /^\/issues\/comments\/(\d+)$/.exec(rest))) {
      const comment = this.comments.find((c) => c.id === Number(m![1]));
      if (!comment) return [404, { message: "Not Found" }];
      if (method === "DELETE") this.comments.splice(this.comments.indexOf(comment), 1);
      else Object.assign(comment, { body: body.body, edits: comment.edits + 1 });
      return [method === "DELETE" ? 204 : 200, method === "DELETE" ? "" : { id: comment.id }];
    }
    if (method === "POST" && /^\/issues\/comments\/\d+\/reactions$/.test(rest)) return [201, { content: body.content }];
    if (method === "POST" && rest === "/check-runs") {
      const check = { id: this.ids++, name: body.name, headSha: body.head_sha, conclusion: body.conclusion, output: body.output };
      this.checks.push(check);
      return [201, { id: check.id }];
    }
    if (method === "PATCH" && (m = /^\/check-runs\/(\d+)$/.exec(rest))) {
      const check = this.checks.find((c) => c.id === Number(m![1]));
      if (!check) return [404, { message: "Not Found" }];
      Object.assign(check, { conclusion: body.conclusion, output: body.output });
      return [200, { id: check.id }];
    }
    if (method === "GET" && (m = /^\/collaborators\/(.+)\/permission$/.exec(rest))) {
      const role = this.roles.get(m[1]) ?? "read";
      return [200, { permission: role === "triage" ? "read" : role, role_name: role }];
    }
    return [599, { message: `the fake GitHub does not know ${method} ${path}` }];
  }

  private file(path: string, ref: string | null, ifNoneMatch: string | undefined): [number, unknown, Record<string, string>?] {
    // A commit the test gave no version for is the default branch as it stands (a push's head commit).
    const text = ref ? (this.strategyAt.get(ref) ?? this.strategy) : this.strategy;
    if (text === null || path !== "strategy.yml") return [404, { message: "Not Found" }];
    if (!ref && ifNoneMatch === this.etag) return [304, ""];
    const size = Buffer.byteLength(text);
    // As GitHub does: files over 1 MB come without their content.
    const content = size > 1024 * 1024 ? { encoding: "none", content: "" } : { encoding: "base64", content: Buffer.from(text).toString("base64") };
    return [200, { type: "file", path, sha: `blob-${ref ?? this.etag}`, size, ...content }, ref ? {} : { etag: this.etag }];
  }

  private graphql(body: { query: string; variables: Record<string, any> }): unknown {
    const operation = /(?:query|mutation)\s+(\w+)/.exec(body.query)?.[1];
    const v = body.variables ?? {};
    if (operation === "LocateStrategy") return { data: { local: {}, org: null } };
    if (operation === "FindSetupIssue") return { data: { search: { nodes: [] } } };
    const item = this.item(v.number);
    // As GitHub answers the app's two timeline windows: the last 100 label events, the last 100 comments.
    const nodes = item.log.map((e) => this.timelineNode(e));
    const isComment = (n: { __typename: string }) => n.__typename === "IssueComment";
    const timeline = {
      labelEvents: { nodes: nodes.filter((n) => !isComment(n)).slice(-100) },
      commentEvents: { nodes: nodes.filter(isComment).slice(-100) },
    };
    if (operation === "ItemHistory") return { data: { repository: { issueOrPullRequest: timeline } } };
    const page = <T>(all: T[], after: string | null, size = 100) => {
      const from = after ? Number(after) : 0;
      const nodes = all.slice(from, from + size);
      return { pageInfo: { hasNextPage: from + size < all.length, endCursor: nodes.length ? String(from + nodes.length) : null }, nodes };
    };
    const comments = (after: string | null) => {
      const p = page(this.commentsOn(item.number), after);
      return { ...p, nodes: p.nodes.map((c) => ({ databaseId: c.id, createdAt: c.createdAt, author: actor(c.author), body: c.body })) };
    };
    const files = (after: string | null) => {
      const p = page(item.files, after);
      return { totalCount: item.files.length, ...p, nodes: p.nodes.map((path) => ({ path })) };
    };
    if (operation === "PullRequestComments") return { data: { repository: { pullRequest: { comments: comments(v.after) } } } };
    if (operation === "PullRequestFiles") return { data: { repository: { pullRequest: { files: files(v.after) } } } };
    if (operation === "PullRequestContext") {
      // As many runs of a name as the query's `first:` asks for.
      const first = (name: string) => Number(new RegExp(`checkRuns\\(first: (\\d+), filterBy: \\{ checkName: "${name}"`).exec(body.query)?.[1] ?? 1);
      const runs = (name: string) =>
        this.checks
          .filter((c) => c.headSha === v.sha && c.name === name)
          .slice(0, first(name))
          .map((c) => ({ databaseId: c.id, conclusion: c.conclusion.toUpperCase(), title: c.output.title, summary: c.output.summary }));
      const suite = { checkRuns: { nodes: runs("Strategy alignment") }, strategyFile: { nodes: runs("Strategy file") } };
      const counts = Object.fromEntries([...body.query.matchAll(/(count_\w+):/g)].map(([, alias]) => [alias, { issueCount: 0 }]));
      return {
        data: {
          repository: {
            pullRequest: { files: files(null), closingIssuesReferences: { nodes: [] }, ...timeline, comments: comments(null) },
            object: { checkSuites: { nodes: this.checks.some((c) => c.headSha === v.sha) ? [suite] : [] } },
          },
          ...counts,
        },
      };
    }
    return { errors: [{ message: `the fake GitHub does not know ${operation}` }] };
  }

  private timelineNode(e: Entry) {
    if (e.kind === "comment") return { __typename: "IssueComment", databaseId: e.comment.id, author: actor(e.comment.author), body: e.comment.body };
    return { __typename: e.kind === "labeled" ? "LabeledEvent" : "UnlabeledEvent", actor: actor(e.actor), label: { name: e.label } };
  }
}
