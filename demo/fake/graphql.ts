/**
 * GitHub's GraphQL API over the sample repository: every document the app sends is executed against
 * GitHub's published schema (so a misspelt field or a wrong variable type fails here as it would there),
 * with plain objects standing in for GitHub's data. As on github.com, a bot's login has no `[bot]` suffix
 * in GraphQL answers, and connections page with cursors.
 */
import { createHash } from "node:crypto";
import { schema as published } from "@octokit/graphql-schema";
import { buildClientSchema, graphqlSync, type GraphQLSchema, type IntrospectionQuery } from "graphql";
import { search } from "./search.js";
import { APP, type Comment, type Discussion, type FakeGitHub, type Item } from "./state.js";

type Args = Record<string, any>;

let built: GraphQLSchema | undefined;
const githubSchema = () => (built ??= buildClientSchema(published.json as unknown as IntrospectionQuery));

export function answerGraphQL(gh: FakeGitHub, request: { query: string; variables?: Args }): object {
  const result = graphqlSync({ schema: githubSchema(), source: request.query, variableValues: request.variables ?? {}, rootValue: root(gh) });
  for (const error of result.errors ?? []) gh.problems.push(`GraphQL: ${error.message}${error.path ? ` at ${error.path.join(".")}` : ""}`);
  return JSON.parse(JSON.stringify(result));
}

/** Git's blob id for a text: the same text always has the same sha, as on GitHub. */
export const blobSha = (text: string) => createHash("sha1").update(`blob ${Buffer.byteLength(text)}\0${text}`).digest("hex");

export const actor = (login: string) => (login.endsWith("[bot]") ? { __typename: "Bot", login: login.slice(0, -5) } : { __typename: "User", login });

function connection<T>(all: T[], args: Args) {
  const offset = args.after ? Number(args.after) : 0;
  let nodes = all.slice(offset);
  if (typeof args.last === "number") nodes = nodes.slice(-args.last);
  if (typeof args.first === "number") nodes = nodes.slice(0, args.first);
  const end = offset + nodes.length;
  return {
    totalCount: all.length,
    nodes,
    pageInfo: { hasNextPage: typeof args.last !== "number" && end < all.length, hasPreviousPage: offset > 0, endCursor: nodes.length ? String(end) : null, startCursor: null },
  };
}

const commentNode = (c: Comment) => ({ __typename: "IssueComment", databaseId: c.id, createdAt: c.createdAt, author: actor(c.author), body: c.body });

const TIMELINE_KINDS: Record<string, string> = { LabeledEvent: "LABELED_EVENT", UnlabeledEvent: "UNLABELED_EVENT", IssueComment: "ISSUE_COMMENT" };

function timeline(gh: FakeGitHub, item: Item, types: string[] | undefined) {
  const events = item.events.map((e) => ({
    at: e.at,
    node: { __typename: e.action === "added" ? "LabeledEvent" : "UnlabeledEvent", createdAt: e.at, actor: actor(e.actor), label: labelNode(gh, e.label) },
  }));
  const comments = item.comments.map((c) => ({ at: c.createdAt, node: commentNode(c) }));
  return [...events, ...comments]
    .sort((a, b) => a.at.localeCompare(b.at))
    .map((e) => e.node)
    .filter((n) => !types || types.includes(TIMELINE_KINDS[n.__typename]));
}

const statesFilter = (args: Args) => (i: Item) => !args.states || args.states.includes(i.state.toUpperCase());

function labelNode(gh: FakeGitHub, name: string) {
  const label = gh.labels.get(name.toLowerCase()) ?? { name, color: "ededed", description: null };
  const issues = () => [...gh.items.values()].filter((i) => i.kind === "issue" && i.labels.some((l) => l.toLowerCase() === name.toLowerCase()));
  return { ...label, issues: (a: Args) => connection(issues().filter(statesFilter(a)).map((i) => itemNode(gh, i)), a) };
}

function milestoneNode(gh: FakeGitHub, title: string) {
  const milestone = gh.milestones.find((m) => m.title === title);
  const issues = () => [...gh.items.values()].filter((i) => i.kind === "issue" && i.milestone === title);
  return { title, dueOn: milestone?.dueOn ?? null, issues: (a: Args) => connection(issues().filter(statesFilter(a)).map((i) => itemNode(gh, i)), a) };
}

export function itemNode(gh: FakeGitHub, item: Item): object {
  const isPull = item.kind === "pull_request";
  const common = {
    __typename: isPull ? "PullRequest" : "Issue",
    id: `${isPull ? "PR" : "I"}_${item.number}`,
    number: item.number,
    title: item.title,
    body: item.body,
    url: gh.url(isPull ? "pull" : "issues", item.number),
    createdAt: item.createdAt,
    closedAt: item.closedAt,
    author: actor(item.author),
    state: isPull && item.mergedAt ? "MERGED" : item.state.toUpperCase(),
    stateReason: item.stateReason?.toUpperCase() ?? null,
    milestone: item.milestone ? milestoneNode(gh, item.milestone) : null,
    labels: (a: Args) => connection(item.labels.map((name) => labelNode(gh, name)), a),
    comments: (a: Args) => connection(item.comments.map(commentNode), a),
    timelineItems: (a: Args) => connection(timeline(gh, item, a.itemTypes), a),
  };
  if (!isPull) return common;
  return {
    ...common,
    headRefName: item.branch,
    mergedAt: item.mergedAt,
    additions: item.additions,
    deletions: item.deletions,
    files: (a: Args) => connection(item.files.map((path) => ({ path })), a),
    closingIssuesReferences: (a: Args) => connection(item.closes.map((n) => itemNode(gh, gh.item(n))), a),
  };
}

function discussionNode(gh: FakeGitHub, d: Discussion) {
  const { id, number, title, body, createdAt } = d;
  return { __typename: "Discussion", id, number, title, body, createdAt, url: gh.url("discussions", number), author: actor(d.author), category: gh.categories.find((c) => c.id === d.categoryId) };
}

/** `HEAD:` is the root folder, `HEAD:<path>` a file; an oid is a commit, whose check runs are the app's. */
function object(gh: FakeGitHub, args: Args) {
  if (args.oid) {
    const runs = gh.checkRuns.filter((r) => r.headSha === args.oid);
    const node = (r: (typeof runs)[number]) => ({ databaseId: r.id, name: r.name, conclusion: r.conclusion.toUpperCase(), title: r.title, summary: r.summary });
    const checkRuns = (a: Args) => connection(runs.filter((r) => !a.filterBy?.checkName || r.name === a.filterBy.checkName).map(node), a);
    return { __typename: "Commit", oid: args.oid, checkSuites: () => connection(runs.length ? [{ checkRuns }] : [], {}) };
  }
  const path = String(args.expression).replace(/^HEAD:/, "");
  if (path === "") {
    const names = new Map<string, string>();
    for (const file of gh.files.keys()) names.set(file.split("/")[0], file.includes("/") ? "tree" : "blob");
    return { __typename: "Tree", entries: [...names].sort(([a], [b]) => a.localeCompare(b)).map(([name, type]) => ({ name, type })) };
  }
  const text = gh.files.get(path);
  return text === undefined ? null : { __typename: "Blob", oid: blobSha(text), byteSize: Buffer.byteLength(text), text };
}

function repositoryNode(gh: FakeGitHub) {
  const issues = () => [...gh.items.values()].filter((i) => i.kind === "issue").sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  return {
    id: gh.repositoryId,
    nameWithOwner: gh.fullName,
    hasDiscussionsEnabled: true,
    hasIssuesEnabled: true,
    isArchived: false,
    defaultBranchRef: { name: gh.defaultBranch },
    discussionCategories: (a: Args) => connection(gh.categories, a),
    discussions: (a: Args) => connection([...gh.discussions].sort((x, y) => y.createdAt.localeCompare(x.createdAt)).map((d) => discussionNode(gh, d)), a),
    issues: (a: Args) => connection(issues().filter(statesFilter(a)).map((i) => itemNode(gh, i)), a),
    labels: (a: Args) => connection([...gh.labels.values()].map((l) => labelNode(gh, l.name)), a),
    label: (a: Args) => (gh.labels.has(String(a.name).toLowerCase()) ? labelNode(gh, a.name) : null),
    milestones: (a: Args) => connection(gh.milestones.filter((m) => m.title.toLowerCase().includes(String(a.query ?? "").toLowerCase())).map((m) => milestoneNode(gh, m.title)), a),
    object: (a: Args) => object(gh, a),
    pullRequest: (a: Args) => (gh.items.get(a.number)?.kind === "pull_request" ? itemNode(gh, gh.item(a.number)) : null),
    issueOrPullRequest: (a: Args) => (gh.items.has(a.number) ? itemNode(gh, gh.item(a.number)) : null),
  };
}

function root(gh: FakeGitHub) {
  const isThisRepository = (a: Args) => `${a.owner}/${a.name}`.toLowerCase() === gh.fullName.toLowerCase();
  return {
    repository: (a: Args) => (isThisRepository(a) ? repositoryNode(gh) : null),
    search: (a: Args) => {
      const found = a.type === "DISCUSSION" ? search(gh.discussions, a.query).map((d) => discussionNode(gh, d)) : search([...gh.items.values()], a.query).map((i) => itemNode(gh, i));
      return { issueCount: found.length, discussionCount: found.length, ...connection(found, a) };
    },
    nodes: (a: Args) => a.ids.map((id: string) => {
      const discussion = gh.discussions.find((d) => d.id === id);
      return discussion ? discussionNode(gh, discussion) : null;
    }),
    createDiscussion: ({ input }: Args) => {
      const number = gh.nextNumber();
      const discussion: Discussion = {
        kind: "discussion", id: `D_${number}`, number, repo: gh.fullName, title: input.title, body: input.body, author: APP.login, labels: [],
        state: "open", stateReason: null, createdAt: gh.tick(), closedAt: null, mergedAt: null, base: null, milestone: null, categoryId: input.categoryId,
      };
      gh.discussions.push(discussion);
      return { discussion: discussionNode(gh, discussion) };
    },
    updateDiscussion: ({ input }: Args) => {
      const discussion = gh.discussions.find((d) => d.id === input.discussionId)!;
      discussion.body = input.body;
      return { discussion: discussionNode(gh, discussion) };
    },
  };
}
