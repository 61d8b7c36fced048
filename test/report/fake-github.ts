/**
 * A small GitHub for report tests: nock answers POST /graphql by reading the real query (operation name,
 * aliases) and variables, from an in-memory repository the test shapes. Every request is recorded, so
 * tests can count them and read the exact searches sent.
 */
import { Kind, parse, print, type FieldNode, type OperationDefinitionNode } from "graphql";
import nock from "nock";
import { ProbotOctokit } from "probot";

export const BOT = { login: "throughline[bot]", graphql: { __typename: "Bot", login: "throughline" } };
export const PERSON = { __typename: "User", login: "alice" };

export interface FakePull {
  number: number;
  title: string;
  mergedAt: string;
  labels?: string[];
  author?: { __typename: string; login: string };
  body?: string;
  branch?: string;
  base?: string;
  additions?: number;
  deletions?: number;
  comments?: number;
  /** Changed paths (none by default). */
  files?: string[];
  /** Issues it closes, with their labels. */
  closes?: { number: number; labels: string[] }[];
  /** Its timeline, oldest first: label changes (by login, `<slug>[bot]` for bots) and comments. */
  timeline?: FakeEvent[];
  /** Answer its facts with this GraphQL error instead (a pull request GitHub cannot read). */
  factsError?: string;
}

export type FakeEvent =
  | { kind: "labeled" | "unlabeled"; label: string; actor: string }
  | { kind: "comment"; author: string; body: string };

/** As GraphQL names an actor: a bot's login comes without the `[bot]` that REST and webhooks add. */
export function graphqlActor(login: string) {
  return login.endsWith("[bot]")
    ? { __typename: "Bot", login: login.slice(0, -"[bot]".length) }
    : { __typename: "User", login };
}

export interface FakePost {
  id: string;
  number: number;
  title: string;
  body: string;
  createdAt: string;
  author: { __typename: string; login: string };
  categoryId?: string;
  closed?: string;
}

type PlanIssue = { number: number; state: "OPEN" | "CLOSED"; stateReason: string | null };

export interface FakeRepo {
  owner: string;
  repo: string;
  defaultBranch: string;
  discussionsEnabled: boolean;
  categories: { id: string; name: string; slug: string }[];
  discussions: FakePost[];
  issues: FakePost[];
  pulls: FakePull[];
  /** A count search's answer: a number, or a message for a search GitHub rejects. */
  count: (search: string) => number | string;
  planIssues: Record<number, PlanIssue | "pull request">;
  milestones: { title: string; dueOn: string | null; issues: PlanIssue[] }[];
  labelIssues: Record<string, PlanIssue[]>;
  /** Answer the Discussions parts of a query with errors, as GitHub may when they are off. */
  refuseDiscussions?: boolean;
  /** The strategy file's commits on the default branch, newest first; none: GitHub gives no history for it. */
  strategyVersions?: FakeVersion[];
  /** Answer the strategy file's history with this GraphQL error instead. */
  strategyHistoryError?: string;
}

export interface FakeVersion {
  oid: string;
  committedDate: string;
  /** The file's text at that commit; null when the commit removed it. */
  text: string | null;
}

export interface Recorded {
  operation: string;
  variables: Record<string, any>;
  query: string;
}

export function fakeRepo(over: Partial<FakeRepo> = {}): FakeRepo {
  return {
    owner: "acme",
    repo: "platform",
    defaultBranch: "main",
    discussionsEnabled: true,
    categories: [
      { id: "DIC_general", name: "General", slug: "general" },
      { id: "DIC_announcements", name: "Announcements", slug: "announcements" },
    ],
    discussions: [],
    issues: [],
    pulls: [],
    count: () => 0,
    planIssues: {},
    milestones: [],
    labelIssues: {},
    ...over,
  };
}

/** An octokit like Probot's, without retries or throttling (a failed request fails the test at once). */
export function testOctokit(): InstanceType<typeof ProbotOctokit> {
  const Octokit = ProbotOctokit.defaults((o: any) => ({
    ...o,
    retry: { enabled: false },
    throttle: { enabled: false },
  }));
  return new Octokit({ auth: { token: "t" } });
}

/** Serves `repo` at api.github.com/graphql until nock is cleaned; returns the log of requests. */
export function serve(repo: FakeRepo): Recorded[] {
  const log: Recorded[] = [];
  nock("https://api.github.com")
    .post("/graphql")
    .reply(200, (_uri, body: any) => {
      const document = parse(body.query);
      const op = document.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)!;
      const operation = op.name?.value ?? "anonymous";
      log.push({ operation, variables: body.variables ?? {}, query: body.query });
      const handler = HANDLERS[operation];
      if (!handler) throw new Error(`the fake GitHub does not know ${operation}`);
      return handler(repo, body.variables ?? {}, op);
    })
    .persist();
  return log;
}

export const HANDLERS: Record<
  string,
  (repo: FakeRepo, v: Record<string, any>, op: OperationDefinitionNode) => unknown
> = {
  ReportContext: (repo, v) => {
    const node = (p: FakePost, kind: string) => ({
      id: p.id,
      number: p.number,
      title: p.title,
      createdAt: p.createdAt,
      author: p.author,
      url: `https://github.com/${repo.owner}/${repo.repo}/${kind}/${p.number}`,
    });
    const recent = (posts: FakePost[], kind: string) =>
      [...posts]
        .sort((a, b) => b.createdAt.localeCompare(a.createdAt))
        .slice(0, 100)
        .map((p) => node(p, kind));
    const phrase = /"([^"]+)"/.exec(v.discussionSearch)![1].toLowerCase();
    const titled = (posts: FakePost[], kind: string) =>
      posts.filter((p) => p.title.toLowerCase().includes(phrase)).map((p) => node(p, kind));
    if (repo.refuseDiscussions) {
      const refused = (path: string[]) => ({
        type: "FORBIDDEN",
        path,
        message: "Discussions are disabled for this repository",
      });
      return {
        data: {
          repository: {
            id: "R_1",
            hasDiscussionsEnabled: false,
            defaultBranchRef: { name: repo.defaultBranch },
            discussionCategories: null,
            discussions: null,
            issues: { nodes: recent(repo.issues, "issues") },
          },
          discussionSearch: null,
          issueSearch: { nodes: titled(repo.issues, "issues") },
        },
        errors: [
          refused(["repository", "discussionCategories"]),
          refused(["repository", "discussions"]),
          refused(["discussionSearch"]),
        ],
      };
    }
    return {
      data: {
        repository: {
          id: "R_1",
          hasDiscussionsEnabled: repo.discussionsEnabled,
          defaultBranchRef: { name: repo.defaultBranch },
          discussionCategories: { nodes: repo.discussionsEnabled ? repo.categories : [] },
          discussions: { nodes: repo.discussionsEnabled ? recent(repo.discussions, "discussions") : [] },
          issues: { nodes: recent(repo.issues, "issues") },
        },
        discussionSearch: { nodes: titled(repo.discussions, "discussions") },
        issueSearch: { nodes: titled(repo.issues, "issues") },
      },
    };
  },

  ReportBodies: (repo, v) => ({
    data: {
      nodes: v.ids
        .map((id: string) => [...repo.discussions, ...repo.issues].find((p) => p.id === id) ?? null)
        .map((p: FakePost | null) => p && { id: p.id, body: p.body }),
    },
  }),

  MergedPulls: (repo, v, op) => {
    const data: Record<string, unknown> = {};
    for (const field of op.selectionSet.selections as FieldNode[]) {
      const i = field.alias!.value.slice(1);
      const search = v[`q${i}`] as string;
      const matching = mergedIn(repo, search);
      const offset = v[`after${i}`] ? Number(v[`after${i}`]) : 0;
      const reachable = Math.min(matching.length, 1000);
      const page = matching.slice(offset, Math.min(offset + v[`n${i}`], reachable));
      data[field.alias!.value] = {
        issueCount: matching.length,
        pageInfo: {
          hasNextPage: offset + page.length < reachable,
          endCursor: page.length ? String(offset + page.length) : null,
        },
        nodes: page.map((p) => ({
          number: p.number,
          title: p.title,
          url: `https://github.com/${repo.owner}/${repo.repo}/pull/${p.number}`,
          body: p.body ?? "",
          headRefName: p.branch ?? `branch-${p.number}`,
          mergedAt: p.mergedAt,
          additions: p.additions ?? 10,
          deletions: p.deletions ?? 2,
          author: p.author ?? PERSON,
          labels: { nodes: (p.labels ?? []).map((name) => ({ name })) },
          comments: { totalCount: p.comments ?? 0 },
          milestone: null,
        })),
      };
    }
    return { data };
  },

  PullFacts: (repo, v, op) => {
    const repository: Record<string, unknown> = {};
    const errors: unknown[] = [];
    for (const field of op.selectionSet.selections as FieldNode[]) {
      const alias = field.alias!.value;
      const number = v[`n${alias.slice(1)}`] as number;
      const pull = v[`r${alias.slice(1)}`] === repo.repo ? repo.pulls.find((p) => p.number === number) : undefined;
      if (!pull || pull.factsError) {
        repository[alias] = { pullRequest: null };
        errors.push({
          type: pull ? "INTERNAL" : "NOT_FOUND",
          path: [alias, "pullRequest"],
          message: pull?.factsError ?? `Could not resolve to a PullRequest with the number of ${number}.`,
        });
        continue;
      }
      const files = pull.files ?? [];
      const timeline = (pull.timeline ?? []).map((e, i) =>
        e.kind === "comment"
          ? { __typename: "IssueComment", databaseId: i + 1, author: graphqlActor(e.author), body: e.body }
          : {
              __typename: e.kind === "labeled" ? "LabeledEvent" : "UnlabeledEvent",
              actor: graphqlActor(e.actor),
              label: { name: e.label },
            },
      );
      const isComment = (n: { __typename: string }) => n.__typename === "IssueComment";
      const comments = timeline.filter(isComment);
      repository[alias] = {
        pullRequest: {
          number,
          files: {
            totalCount: files.length,
            pageInfo: { hasNextPage: files.length > 100, endCursor: files.length > 100 ? "100" : null },
            nodes: files.slice(0, 100).map((path) => ({ path })),
          },
          closingIssuesReferences: {
            nodes: (pull.closes ?? []).map((c) => ({
              number: c.number,
              labels: { nodes: c.labels.map((name) => ({ name })) },
            })),
          },
          labelEvents: { nodes: timeline.filter((n) => !isComment(n)).slice(-100) },
          commentEvents: {
            pageInfo: { hasPreviousPage: comments.length > 100, startCursor: null },
            nodes: comments.slice(-100),
          },
        },
      };
    }
    return errors.length > 0 ? { data: repository, errors } : { data: repository };
  },

  PullFilesPages: (repo, v, op) => {
    const repository: Record<string, unknown> = {};
    for (const field of op.selectionSet.selections as FieldNode[]) {
      const i = field.alias!.value.slice(1);
      const files = repo.pulls.find((p) => p.number === v[`n${i}`])?.files ?? [];
      const from = Number(v[`a${i}`]);
      const nodes = files.slice(from, from + 100).map((path) => ({ path }));
      const end = from + nodes.length;
      repository[field.alias!.value] = {
        pullRequest: { files: { pageInfo: { hasNextPage: end < files.length, endCursor: String(end) }, nodes } },
      };
    }
    return { data: repository };
  },

  SearchCounts: (repo, v) => {
    const data: Record<string, unknown> = {};
    const errors: unknown[] = [];
    for (const [name, search] of Object.entries(v)) {
      const answer = (search as string).includes("is:pr is:merged")
        ? mergedIn(repo, search as string).length
        : repo.count(search as string);
      if (typeof answer === "number") data[`c${name.slice(1)}`] = { issueCount: answer };
      else errors.push({ type: "INVALID_SEARCH", path: [`c${name.slice(1)}`], message: answer });
    }
    // As GitHub does: an error in a non-null field nulls the whole answer.
    return errors.length > 0 ? { data: null, errors } : { data };
  },

  PlanItems: (repo, v, op) => {
    const repository: Record<string, unknown> = {};
    const errors: unknown[] = [];
    const fields = (op.selectionSet.selections[0] as FieldNode).selectionSet!.selections as FieldNode[];
    for (const field of fields) {
      const alias = field.alias!.value;
      const value = v[`v${alias.slice(1)}`];
      if (field.name.value === "issueOrPullRequest") {
        const found = repo.planIssues[value];
        if (!found) {
          repository[alias] = null;
          errors.push({
            type: "NOT_FOUND",
            path: ["repository", alias],
            message: `Could not resolve to an issue or pull request with the number of ${value}.`,
          });
        } else
          repository[alias] =
            found === "pull request" ? { __typename: "PullRequest" } : { __typename: "Issue", ...found };
      } else if (field.name.value === "milestones") {
        const nodes = repo.milestones.filter((m) => m.title.toLowerCase().includes(String(value).toLowerCase()));
        repository[alias] = {
          nodes: nodes.map((m) => ({
            title: m.title,
            dueOn: m.dueOn,
            issues: { totalCount: m.issues.length, nodes: m.issues.slice(0, 100) },
          })),
        };
      } else {
        const issues = repo.labelIssues[value];
        repository[alias] = issues
          ? { name: value, issues: { totalCount: issues.length, nodes: issues.slice(0, 100) } }
          : null;
      }
    }
    return errors.length > 0 ? { data: { repository }, errors } : { data: { repository } };
  },

  StrategyHistory: (repo, _v, op) => {
    if (repo.strategyHistoryError)
      return { data: null, errors: [{ type: "INTERNAL", message: repo.strategyHistoryError }] };
    const all = repo.strategyVersions ?? [];
    const first = Number(/history\(first: (\d+)/.exec(print(op))![1]);
    const nodes = all.slice(0, first).map((c) => ({
      oid: c.oid,
      committedDate: c.committedDate,
      file: c.text === null ? null : { object: { text: c.text, isTruncated: false } },
    }));
    return {
      data: {
        repository: {
          defaultBranchRef: { target: { history: { pageInfo: { hasNextPage: all.length > first }, nodes } } },
        },
      },
    };
  },

  CreateReportDiscussion: (repo, v) => {
    const post = write(repo.discussions, "D", v);
    post.categoryId = v.categoryId;
    return { data: { createDiscussion: { discussion: { id: post.id, url: urlOf(repo, "discussions", post) } } } };
  },
  UpdateReportDiscussion: (repo, v) => {
    const post = repo.discussions.find((d) => d.id === v.id)!;
    post.body = v.body;
    return { data: { updateDiscussion: { discussion: { id: post.id, url: urlOf(repo, "discussions", post) } } } };
  },
  DeleteReportDiscussion: (repo, v) => {
    repo.discussions = repo.discussions.filter((d) => d.id !== v.id);
    return { data: { deleteDiscussion: { discussion: { id: v.id } } } };
  },
  CloseDuplicateReportIssue: (repo, v) => {
    repo.issues.find((i) => i.id === v.id)!.closed = "NOT_PLANNED";
    return { data: { closeIssue: { issue: { id: v.id } } } };
  },
  CreateReportIssue: (repo, v) => {
    const post = write(repo.issues, "I", v);
    return { data: { createIssue: { issue: { id: post.id, url: urlOf(repo, "issues", post) } } } };
  },
  UpdateReportIssue: (repo, v) => {
    const post = repo.issues.find((d) => d.id === v.id)!;
    post.body = v.body;
    return { data: { updateIssue: { issue: { id: post.id, url: urlOf(repo, "issues", post) } } } };
  },
};

let written = 0;
function write(posts: FakePost[], prefix: string, v: Record<string, any>): FakePost {
  written += 1;
  const post: FakePost = {
    id: `${prefix}_app${written}`,
    number: 900 + written,
    title: v.title,
    body: v.body,
    createdAt: new Date(Date.UTC(2030, 0, 1, 0, 0, written)).toISOString(),
    author: BOT.graphql,
  };
  posts.push(post);
  return post;
}

const urlOf = (repo: FakeRepo, kind: string, p: FakePost) =>
  `https://github.com/${repo.owner}/${repo.repo}/${kind}/${p.number}`;

/** The pull requests a merged-pull-request search finds, in creation (number) order. */
function mergedIn(repo: FakeRepo, search: string): FakePull[] {
  const [from, to] = bounds(/merged:(\S+)/.exec(search)![1]);
  const base = /base:(\S+)/.exec(search)![1];
  return repo.pulls
    .filter(
      (p) => (p.base ?? repo.defaultBranch) === base && Date.parse(p.mergedAt) >= from && Date.parse(p.mergedAt) <= to,
    )
    .sort((a, b) => a.number - b.number);
}

/** A search range's inclusive bounds in ms: plain dates are whole UTC days, timestamps carry their offset. */
export function bounds(range: string): [number, number] {
  const [a, b] = range.split("..");
  const day = /^\d{4}-\d{2}-\d{2}$/;
  return [Date.parse(day.test(a) ? `${a}T00:00:00Z` : a), Date.parse(day.test(b) ? `${b}T23:59:59Z` : b) + 999];
}
