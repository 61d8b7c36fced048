/**
 * The committed bundle (dist/action.js, what action.yml runs) as a runner starts it: a separate Node
 * process with the GITHUB_* variables, talking to a local stand-in for the GitHub API.
 */
import { execFile } from "node:child_process";
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, it } from "vitest";
import { example } from "../fixtures/payloads.js";
import { STRATEGY } from "../fixtures/strategies.js";
import { writeEvent } from "./helpers.js";

const BUNDLE = fileURLToPath(new URL("../../dist/action.js", import.meta.url));
type Answer = [status: number, body: unknown];

let server: Server | undefined;
afterEach(() => new Promise<void>((done) => (server ? server.close(() => done()) : done())));

/** A local API answering "METHOD /path" from `routes`; every request is recorded. */
async function fakeGitHub(routes: Record<string, Answer>) {
  const seen: { route: string; auth: string | undefined; body: string }[] = [];
  server = createServer(async (req: IncomingMessage, res) => {
    let body = "";
    for await (const chunk of req) body += chunk;
    const route = `${req.method} ${decodeURIComponent(req.url ?? "")}`;
    seen.push({ route, auth: req.headers.authorization, body });
    const [status, answer] = routes[route] ?? [404, { message: `Not Found: ${route}` }];
    res.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(answer));
  });
  await new Promise<void>((ready) => server!.listen(0, "127.0.0.1", ready));
  return { url: `http://127.0.0.1:${(server!.address() as AddressInfo).port}`, seen };
}

function runBundle(apiUrl: string, payload: unknown): Promise<{ code: number; stdout: string }> {
  const env = {
    PATH: process.env.PATH ?? "",
    GITHUB_EVENT_NAME: "issues",
    GITHUB_EVENT_PATH: writeEvent(payload),
    GITHUB_REPOSITORY: "Codertocat/Hello-World",
    GITHUB_API_URL: apiUrl,
    GITHUB_RUN_ID: "42",
    GITHUB_RUN_ATTEMPT: "1",
    "INPUT_GITHUB-TOKEN": "ghs_bundle",
  };
  return new Promise((done) => {
    execFile(process.execPath, [BUNDLE], { env, timeout: 15_000 }, (error, stdout) => {
      done({ code: error ? Number((error as { code?: unknown }).code ?? 1) : 0, stdout });
    });
  });
}

const content = {
  type: "file",
  path: "strategy.yml",
  sha: "b1",
  encoding: "base64",
  content: Buffer.from(STRATEGY).toString("base64"),
};
const REPO = "/repos/Codertocat/Hello-World";

function issueOpened() {
  const payload = example("issues", "opened");
  Object.assign(payload.issue, { title: "Checkout outage on Fridays", body: "", labels: [] });
  return payload;
}

describe("dist/action.js", () => {
  it("labels an issue end to end with the workflow token", async () => {
    const github = await fakeGitHub({
      [`GET ${REPO}/contents/strategy.yml`]: [200, content],
      [`GET ${REPO}/labels/strategy: reliability`]: [200, { name: "strategy: reliability" }],
      [`POST ${REPO}/issues/1/labels`]: [200, []],
    });
    const { code, stdout } = await runBundle(github.url, issueOpened());
    expect(stdout).toContain("Throughline handled the issues.opened event.");
    expect(code).toBe(0);
    expect(github.seen.map((r) => r.route)).toEqual([
      `GET ${REPO}/contents/strategy.yml`,
      `GET ${REPO}/labels/strategy: reliability`,
      `POST ${REPO}/issues/1/labels`,
    ]);
    expect(github.seen.every((r) => r.auth === "token ghs_bundle")).toBe(true);
    expect(JSON.parse(github.seen[2]!.body)).toEqual({ labels: ["strategy: reliability"] });
  });

  it("exits non-zero with an ::error:: line when the token may not write", async () => {
    const github = await fakeGitHub({
      [`GET ${REPO}/contents/strategy.yml`]: [200, content],
      [`GET ${REPO}/labels/strategy: reliability`]: [200, { name: "strategy: reliability" }],
      [`POST ${REPO}/issues/1/labels`]: [403, { message: "Resource not accessible by integration" }],
    });
    const { code, stdout } = await runBundle(github.url, issueOpened());
    expect(code).toBe(1);
    expect(stdout).toMatch(
      /^::error::Throughline could not handle the issues event: POST \/repos\/Codertocat\/Hello-World\/issues\/1\/labels answered 403: Resource not accessible by integration \(the workflow.s token needs `permissions:`/m,
    );
  });
});
