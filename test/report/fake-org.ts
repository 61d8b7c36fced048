/**
 * A small GitHub holding an organisation for organisation-report tests: its repositories (with their
 * strategy files), merged pull requests across them, and the `.github` repository's Discussions and
 * issues (a FakeRepo). nock answers POST /graphql from the real query and variables; every request is
 * recorded. Searches are read as GitHub reads them: `org:`, `archived:false`, `-repo:`, `merged:`.
 */
import { Kind, parse, type FieldNode, type OperationDefinitionNode } from "graphql";
import nock from "nock";
import { bounds, fakeRepo, HANDLERS, PERSON, type FakeRepo, type Recorded } from "./fake-github.js";

export interface OrgRepo {
  name: string;
  defaultBranch?: string;
  /** Its own strategy file (path and text), if any. */
  file?: { path: string; text: string };
  archived?: boolean;
  fork?: boolean;
  /** Answer this repository's part of the listing with an error (access revoked). */
  unreadable?: string;
}

export interface OrgPull {
  repo: string;
  number: number;
  title: string;
  mergedAt: string;
  labels?: string[];
  body?: string;
  base?: string;
  author?: { __typename: string; login: string };
}

export interface FakeOrg {
  owner: string;
  kind: "Organization" | "User";
  repos: OrgRepo[];
  pulls: OrgPull[];
  /** The `.github` repository: its reports, plan issues, counts. */
  home: FakeRepo;
  /** Issues found by plan searches (milestone or label), across repositories. */
  planIssues: {
    repo: string;
    number: number;
    state: "OPEN" | "CLOSED";
    stateReason: string | null;
    labels: string[];
    milestone?: { title: string; dueOn: string | null };
  }[];
  /** Issues of other repositories named `REPO#N` in plans. */
  otherIssues: Record<string, { number: number; state: "OPEN" | "CLOSED"; stateReason: string | null }>;
}

export function fakeOrg(over: Partial<FakeOrg> = {}): FakeOrg {
  const owner = over.owner ?? "acme";
  return {
    owner,
    kind: "Organization",
    repos: [],
    pulls: [],
    home: fakeRepo({ owner, repo: ".github" }),
    planIssues: [],
    otherIssues: {},
    ...over,
  };
}

const PAGE = 100;

export function serveOrg(org: FakeOrg): Recorded[] {
  const log: Recorded[] = [];
  nock("https://api.github.com")
    .post("/graphql")
    .reply(200, (_uri, body: any) => {
      const document = parse(body.query);
      const op = document.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)!;
      const operation = op.name?.value ?? "anonymous";
      const variables = body.variables ?? {};
      log.push({ operation, variables, query: body.query });
      const own = ORG_HANDLERS[operation];
      if (own) return own(org, variables, op);
      const shared = HANDLERS[operation];
      if (!shared) throw new Error(`the fake GitHub does not know ${operation}`);
      return shared(org.home, variables, op);
    })
    .persist();
  return log;
}

/** What a search's qualifiers let through. */
function inScope(org: FakeOrg, search: string, repo: string): boolean {
  const owner = /(?:org|user):(\S+)/.exec(search)?.[1];
  if (owner?.toLowerCase() !== org.owner.toLowerCase()) return false;
  const excluded = [...search.matchAll(/-repo:\S+?\/(\S+)/g)].map((m) => m[1].toLowerCase());
  if (excluded.includes(repo.toLowerCase())) return false;
  const r = org.repos.find((x) => x.name === repo);
  return !(search.includes("archived:false") && r?.archived);
}

function mergedIn(org: FakeOrg, search: string): OrgPull[] {
  const [from, to] = bounds(/merged:(\S+)/.exec(search)![1]);
  return org.pulls.filter(
    (p) => inScope(org, search, p.repo) && Date.parse(p.mergedAt) >= from && Date.parse(p.mergedAt) <= to,
  );
}

const blobFields = ["strategy.yml", "strategy.yaml", ".github/strategy.yml", ".github/strategy.yaml"];

const ORG_HANDLERS: Record<string, (org: FakeOrg, v: Record<string, any>, op: OperationDefinitionNode) => unknown> = {
  OrgRepositories: (org, v) => {
    if (v.owner.toLowerCase() !== org.owner.toLowerCase()) return { data: { repositoryOwner: null } };
    const visible = org.repos.filter((r) => !r.archived && !r.fork).sort((a, b) => a.name.localeCompare(b.name));
    const offset = v.after ? Number(v.after) : 0;
    const page = visible.slice(offset, offset + PAGE);
    const errors: unknown[] = [];
    const nodes = page.map((r, i) => {
      if (r.unreadable) {
        errors.push({
          type: "FORBIDDEN",
          path: ["repositoryOwner", "repositories", "nodes", i, "p0"],
          message: r.unreadable,
        });
        return {
          name: r.name,
          defaultBranchRef: { name: r.defaultBranch ?? "main" },
          p0: null,
          p1: null,
          p2: null,
          p3: null,
        };
      }
      const node: Record<string, unknown> = { name: r.name, defaultBranchRef: { name: r.defaultBranch ?? "main" } };
      blobFields.forEach((path, k) => {
        node[`p${k}`] =
          r.file?.path === path
            ? { oid: `blob-${r.name}`, byteSize: r.file.text.length, isTruncated: false, text: r.file.text }
            : null;
      });
      return node;
    });
    const data = {
      repositoryOwner: {
        __typename: org.kind,
        repositories: {
          pageInfo: { hasNextPage: offset + PAGE < visible.length, endCursor: String(offset + page.length) },
          nodes,
        },
      },
    };
    return errors.length > 0 ? { data, errors } : { data };
  },

  MergedPulls: (org, v, op) => {
    const data: Record<string, unknown> = {};
    for (const field of op.selectionSet.selections as FieldNode[]) {
      const i = field.alias!.value.slice(1);
      const matching = mergedIn(org, v[`q${i}`]);
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
          url: `https://github.com/${org.owner}/${p.repo}/pull/${p.number}`,
          body: p.body ?? "",
          headRefName: `branch-${p.number}`,
          baseRefName: p.base ?? org.repos.find((r) => r.name === p.repo)?.defaultBranch ?? "main",
          repository: { name: p.repo },
          mergedAt: p.mergedAt,
          additions: 10,
          deletions: 2,
          author: p.author ?? PERSON,
          labels: { nodes: (p.labels ?? []).map((name) => ({ name })) },
          comments: { totalCount: 0 },
          milestone: null,
        })),
      };
    }
    return { data };
  },

  SearchCounts: (org, v) => {
    const data: Record<string, unknown> = {};
    for (const [name, search] of Object.entries(v) as [string, string][]) {
      const answer = search.includes("is:pr is:merged") ? mergedIn(org, search).length : org.home.count(search);
      data[`c${name.slice(1)}`] = { issueCount: typeof answer === "number" ? answer : 0 };
    }
    return { data };
  },

  PlanSearch: (org, v) => {
    const data: Record<string, unknown> = {};
    for (const [name, search] of Object.entries(v) as [string, string][]) {
      const milestone = /milestone:"([^"]+)"/.exec(search)?.[1];
      const label = /label:"([^"]+)"/.exec(search)?.[1];
      const found = org.planIssues.filter(
        (i) =>
          inScope(org, search, i.repo) && (milestone ? i.milestone?.title === milestone : i.labels.includes(label!)),
      );
      data[`s${name.slice(1)}`] = {
        issueCount: found.length,
        nodes: found.slice(0, 100).map((i) => ({
          number: i.number,
          state: i.state,
          stateReason: i.stateReason,
          repository: { name: i.repo },
          milestone: i.milestone ?? null,
        })),
      };
    }
    return { data };
  },

  PlanItems: (org, v, op) => {
    const answer: Record<string, unknown> = {};
    const errors: unknown[] = [];
    for (const top of op.selectionSet.selections as FieldNode[]) {
      const alias = top.alias?.value ?? "repository";
      const repo = alias === "repository" ? v.repo : v[`r${alias.slice(1)}`];
      const fields: Record<string, unknown> = {};
      for (const field of (top.selectionSet!.selections as FieldNode[]).filter((f) => f.alias)) {
        const key = field.alias!.value;
        const number = v[`v${key.slice(1)}`];
        const issue = repo === ".github" ? org.home.planIssues[number] : org.otherIssues[`${repo}#${number}`];
        if (!issue) {
          fields[key] = null;
          errors.push({
            type: "NOT_FOUND",
            path: [alias, key],
            message: `Could not resolve to an issue or pull request with the number of ${number}.`,
          });
        } else
          fields[key] = issue === "pull request" ? { __typename: "PullRequest" } : { __typename: "Issue", ...issue };
      }
      answer[alias] = fields;
    }
    return errors.length > 0 ? { data: answer, errors } : { data: answer };
  },
};
