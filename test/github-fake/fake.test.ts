import { generateKeyPairSync } from "node:crypto";
import nock from "nock";
import { Probot, ProbotOctokit } from "probot";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createApp } from "../../src/index.js";
import { FakeGitHub, rateLimited, type Served } from "../fixtures/github-fake/index.js";
import { example } from "../fixtures/payloads.js";
import { APP, NOW } from "../fixtures/probot.js";
import { STRATEGY } from "../fixtures/strategies.js";

const privateKey = generateKeyPairSync("rsa", { modulusLength: 2048 }).privateKey.export({
  type: "pkcs1",
  format: "pem",
}) as string;
const Octokit = ProbotOctokit.defaults((o: any) => ({ ...o, retry: { enabled: false }, throttle: { enabled: false } }));

function fakeWithRepo() {
  const gh = new FakeGitHub();
  const repo = gh.addRepository({ owner: "Codertocat", name: "Hello-World", files: { "strategy.yml": STRATEGY } });
  gh.item(repo, 1, { kind: "issue", title: "Checkout outage on Fridays", body: "Seen twice." });
  return { gh, repo };
}

function issueOpened() {
  const payload = example("issues", "opened");
  payload.installation = { id: 1 };
  payload.sender = { login: "octocat", type: "User" };
  Object.assign(payload.issue, { number: 1, title: "Checkout outage on Fridays", body: "Seen twice.", labels: [] });
  return { id: `delivery-${Math.random()}`, name: "issues", payload } as any;
}

function probotAt(baseUrl: string): Probot {
  const probot = new Probot({ appId: APP.id, privateKey, Octokit, logLevel: "fatal", baseUrl });
  probot.load(createApp({ now: () => NOW }, { schedule: false }));
  return probot;
}

describe("the fake GitHub served over HTTP on loopback", () => {
  let served: Served | undefined;
  beforeEach(() => nock.enableNetConnect("127.0.0.1"));
  afterEach(async () => {
    await served?.close();
    served = undefined;
  });

  it("answers the app as a plain baseUrl: the issue gets its label, every request counted", async () => {
    const { gh, repo } = fakeWithRepo();
    served = await gh.serve();
    await probotAt(served.url).receive(issueOpened());
    expect(repo.item(1).labels).toEqual(["strategy: reliability"]);
    expect(gh.problems).toEqual([]);
    expect(gh.requests().map((r) => `${r.method} ${r.path.replace("/repos/Codertocat/Hello-World", "")}`)).toEqual([
      "GET /contents/strategy.yml",
      "GET /labels/strategy: reliability",
      "POST /labels",
      "POST /issues/1/labels",
    ]);
    expect(gh.count({ method: "POST", path: /\/access_tokens$/ })).toBe(1);
  });

  it("answers as a GitHub Enterprise host (REST under /api/v3, GraphQL at /api/graphql)", async () => {
    const { gh } = fakeWithRepo();
    served = await gh.serve();
    const octokit = new Octokit({ auth: "t", baseUrl: `${served.env.GHE_PROTOCOL}://${served.env.GHE_HOST}/api/v3` });
    const { data } = await octokit.rest.repos.getContent({
      owner: "Codertocat",
      repo: "Hello-World",
      path: "strategy.yml",
    });
    expect((data as { path: string }).path).toBe("strategy.yml");
    const answer = await octokit.graphql<{ repository: { defaultBranchRef: { name: string } } }>(
      "query Branch($owner: String!, $name: String!) { repository(owner: $owner, name: $name) { defaultBranchRef { name } } }",
      { owner: "Codertocat", name: "Hello-World" },
    );
    expect(answer.repository.defaultBranchRef.name).toBe("main");
    expect(gh.log.map((r) => r.operation ?? r.path)).toEqual([
      "/repos/Codertocat/Hello-World/contents/strategy.yml",
      "Branch",
    ]);
  });

  it("a second read of an unchanged file is a free 304", async () => {
    const { gh } = fakeWithRepo();
    served = await gh.serve();
    const octokit = new Octokit({ auth: "t", baseUrl: served.url });
    const first = await octokit.request("GET /repos/{owner}/{repo}/contents/{path}", {
      owner: "Codertocat",
      repo: "Hello-World",
      path: "strategy.yml",
    });
    const again = octokit.request("GET /repos/{owner}/{repo}/contents/{path}", {
      owner: "Codertocat",
      repo: "Hello-World",
      path: "strategy.yml",
      headers: { "if-none-match": first.headers.etag! },
    });
    await expect(again).rejects.toMatchObject({ status: 304 });
  });
});

describe("the fake GitHub in this process (nock)", () => {
  let stop: () => void = () => undefined;
  beforeEach(() => nock.disableNetConnect());
  afterEach(() => stop());

  it("fails loudly on a request it does not model", async () => {
    const { gh } = fakeWithRepo();
    stop = gh.intercept();
    const octokit = new Octokit({ auth: "t" });
    await expect(
      octokit.request("GET /repos/{owner}/{repo}/releases", { owner: "Codertocat", repo: "Hello-World" }),
    ).rejects.toMatchObject({ status: 501 });
    await expect(octokit.graphql("query Nope { viewer { notAField } }")).rejects.toThrow(/notAField/);
    expect(gh.problems).toHaveLength(2);
  });

  it("injects faults: a 500 instead of a write, a 500 after it, a rate limit", async () => {
    const { gh, repo } = fakeWithRepo();
    stop = gh.intercept();
    const octokit = new Octokit({ auth: "t" });
    const comment = () =>
      octokit.rest.issues.createComment({ owner: "Codertocat", repo: "Hello-World", issue_number: 1, body: "hi" });
    gh.fail({ method: "POST", path: /\/comments$/ }, { status: 500 });
    await expect(comment()).rejects.toMatchObject({ status: 500 });
    expect(repo.item(1).comments).toHaveLength(0);
    gh.fail({ method: "POST", path: /\/comments$/ }, { status: 502, happened: true });
    await expect(comment()).rejects.toMatchObject({ status: 502 });
    expect(repo.item(1).comments).toHaveLength(1);
    gh.fail({ path: /\/comments$/ }, rateLimited("secondary"));
    await expect(comment()).rejects.toMatchObject({ status: 403 });
    await comment();
    expect(repo.item(1).comments).toHaveLength(2);
    expect(gh.log.map((r) => r.status)).toEqual([500, 502, 403, 201]);
  });

  it("answers GraphQL by executing it against GitHub's schema, over the state", async () => {
    const { gh, repo } = fakeWithRepo();
    gh.addLabel(repo, 1, "bug", "alice");
    gh.comment(repo, 1, "/strategy explain", "bob");
    stop = gh.intercept();
    const octokit = new Octokit({ auth: "t" });
    const answer = await octokit.graphql<any>(
      `query History($owner: String!, $repo: String!) { repository(owner: $owner, name: $repo) { issueOrPullRequest(number: 1) {
        ... on Issue { timelineItems(last: 10) { nodes { __typename ... on LabeledEvent { actor { login } label { name } } ... on IssueComment { body } } } }
      } } }`,
      { owner: "Codertocat", repo: "Hello-World" },
    );
    expect(answer.repository.issueOrPullRequest.timelineItems.nodes).toEqual([
      { __typename: "LabeledEvent", actor: { login: "alice" }, label: { name: "bug" } },
      { __typename: "IssueComment", body: "/strategy explain" },
    ]);
    await expect(octokit.graphql('query { repository(owner: "a", name: "b") { id } }')).rejects.toMatchObject({
      errors: [{ type: "NOT_FOUND" }],
    });
    expect(gh.problems).toEqual([]);
  });
});
