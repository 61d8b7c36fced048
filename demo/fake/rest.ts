/**
 * GitHub's REST API over the sample repository, for the endpoints the app calls. Answers are shaped as
 * GitHub shapes them (only the fields the app reads, plus a few that make them recognisable); anything
 * else is answered 501 and noted as a problem, so the demo fails instead of going quiet.
 */
import { answerGraphQL, blobSha } from "./graphql.js";
import { APP, type FakeGitHub, type Item } from "./state.js";

export type Reply = [status: number, body?: unknown, headers?: Record<string, string>];
type Route = [method: string, path: RegExp, answer: (gh: FakeGitHub, m: string[], body: any, headers: Record<string, string>) => Reply];

const user = (login: string) => ({ login, type: login.endsWith("[bot]") ? "Bot" : "User" });
const labelJson = (gh: FakeGitHub, name: string) => {
  const label = gh.labels.get(name.toLowerCase())!;
  return { name: label.name, color: label.color, description: label.description };
};

function pullJson(gh: FakeGitHub, pr: Item) {
  return {
    number: pr.number,
    title: pr.title,
    body: pr.body,
    state: pr.state,
    user: user(pr.author),
    labels: pr.labels.map((name) => labelJson(gh, name)),
    milestone: pr.milestone ? { title: pr.milestone } : null,
    head: { ref: pr.branch, sha: pr.headSha },
    base: { ref: gh.defaultBranch, repo: { name: gh.repo, full_name: gh.fullName, default_branch: gh.defaultBranch } },
    merged_at: pr.mergedAt,
    html_url: gh.url("pull", pr.number),
  };
}

const repo = (rest: string) => new RegExp(`^/repos/([^/]+)/([^/]+)${rest}$`);

const ROUTES: Route[] = [
  ["POST", /^\/app\/installations\/(\d+)\/access_tokens$/, () => [201, { token: "demo-token", expires_at: "2100-01-01T00:00:00Z", permissions: {} }]],
  ["GET", /^\/app$/, () => [200, { id: APP.id, slug: APP.slug, name: APP.name }]],
  ["POST", /^\/graphql$/, (gh, _m, body) => [200, answerGraphQL(gh, body)]],
  ["GET", repo("/contents/(.+)"), (gh, m, _b, headers) => {
    const path = decodeURIComponent(m[3]);
    const text = gh.files.get(path);
    if (text === undefined) return [404, { message: "Not Found" }];
    const etag = `"${blobSha(text)}"`;
    if (headers["if-none-match"] === etag) return [304, ""];
    const content = Buffer.from(text).toString("base64");
    return [200, { type: "file", path, sha: blobSha(text), size: Buffer.byteLength(text), encoding: "base64", content }, { etag }];
  }],
  ["GET", repo("/labels/([^/]+)"), (gh, m) => {
    const name = decodeURIComponent(m[3]);
    return gh.labels.has(name.toLowerCase()) ? [200, labelJson(gh, name)] : [404, { message: "Not Found" }];
  }],
  ["POST", repo("/labels"), (gh, _m, body) => {
    if (gh.labels.has(body.name.toLowerCase())) return [422, { message: "Validation Failed" }];
    gh.labels.set(body.name.toLowerCase(), { name: body.name, color: body.color, description: body.description ?? null });
    return [201, labelJson(gh, body.name)];
  }],
  ["POST", repo("/issues/(\\d+)/labels"), (gh, m, body) => {
    gh.addLabels(Number(m[3]), body.labels, APP.login);
    return [200, gh.item(Number(m[3])).labels.map((name) => labelJson(gh, name))];
  }],
  ["DELETE", repo("/issues/(\\d+)/labels/([^/]+)"), (gh, m) =>
    gh.removeLabel(Number(m[3]), decodeURIComponent(m[4]), APP.login) ? [200, []] : [404, { message: "Label does not exist" }]],
  ["POST", repo("/issues/(\\d+)/comments"), (gh, m, body) => {
    const comment = { id: gh.nextId(), author: APP.login, body: body.body, createdAt: gh.tick() };
    gh.item(Number(m[3])).comments.push(comment);
    return [201, { id: comment.id, body: comment.body, user: user(APP.login) }];
  }],
  ["PATCH", repo("/issues/comments/(\\d+)"), (gh, m, body) => {
    const found = gh.comment(Number(m[3]));
    if (!found) return [404, { message: "Not Found" }];
    found.comment.body = body.body;
    return [200, { id: found.comment.id, body: body.body }];
  }],
  ["DELETE", repo("/issues/comments/(\\d+)"), (gh, m) => {
    const found = gh.comment(Number(m[3]));
    if (!found) return [404, { message: "Not Found" }];
    found.item.comments.splice(found.item.comments.indexOf(found.comment), 1);
    return [204];
  }],
  ["POST", repo("/issues/comments/(\\d+)/reactions"), (_gh, _m, body) => [201, { id: 1, content: body.content }]],
  ["POST", repo("/check-runs"), (gh, _m, body) => {
    const run = { id: gh.nextId(), name: body.name, headSha: body.head_sha, conclusion: body.conclusion, title: body.output?.title ?? "", summary: body.output?.summary ?? "" };
    gh.checkRuns.push(run);
    return [201, { id: run.id, name: run.name, head_sha: run.headSha, conclusion: run.conclusion }];
  }],
  ["PATCH", repo("/check-runs/(\\d+)"), (gh, m, body) => {
    const run = gh.checkRuns.find((r) => r.id === Number(m[3]));
    if (!run) return [404, { message: "Not Found" }];
    Object.assign(run, { conclusion: body.conclusion ?? run.conclusion, title: body.output?.title ?? run.title, summary: body.output?.summary ?? run.summary });
    return [200, { id: run.id, name: run.name, conclusion: run.conclusion }];
  }],
  // The strategy file's history: one commit, made when the strategy was adopted.
  ["GET", repo("/commits"), (gh) => [200, [{ sha: gh.strategyCommit, commit: { message: "Adopt the 2026 strategy" } }]]],
  ["GET", repo("/pulls/(\\d+)"), (gh, m) => [200, pullJson(gh, gh.item(Number(m[3])))]],
  ["GET", repo("/collaborators/([^/]+)/permission"), (gh, m) => {
    const role = gh.roles[decodeURIComponent(m[3])];
    return role ? [200, { permission: role === "triage" ? "read" : role, role_name: role, user: user(m[3]) }] : [404, { message: "Not a collaborator" }];
  }],
];

/** One request: the route's answer, or 501 noted as a problem. Requests for other repositories are not found. */
export function answerRest(gh: FakeGitHub, method: string, url: string, body: unknown, headers: Record<string, string>): Reply {
  const path = new URL(url, "https://api.github.com").pathname;
  for (const [m, pattern, answer] of ROUTES) {
    const match = method === m ? pattern.exec(path) : null;
    if (!match) continue;
    if (match[1] && !path.startsWith("/app") && `${match[1]}/${match[2]}`.toLowerCase() !== gh.fullName.toLowerCase()) {
      return [404, { message: "Not Found" }];
    }
    return answer(gh, match, body, headers);
  }
  gh.problems.push(`REST: the demo's GitHub does not answer ${method} ${path}`);
  return [501, { message: `not in the demo: ${method} ${path}` }];
}
