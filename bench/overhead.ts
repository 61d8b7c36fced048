/**
 * Handler overhead: the time the real app takes to handle N pull_request.opened events against the fake
 * GitHub, as a ratio against a bare Probot app that sends the same requests and decides nothing. Both run
 * with throttling off, alternately, and the fastest of a few rounds counts.
 */
import { generateKeyPairSync } from "node:crypto";
import { Probot, ProbotOctokit } from "probot";
import { countQueries } from "../src/github/month-counts.js";
import { pullRequestContextQuery } from "../src/github/pull-request-queries.js";
import { parseStrategy } from "../src/strategy/index.js";
import { STRATEGY } from "../test/fixtures/strategies.js";
import { pullEvent, type Delivery } from "./events.js";
import { assertAnswered, benchGitHub } from "./requests.js";
import { benchProbot } from "./requests.js";

const parsed = parseStrategy(STRATEGY, "strategy.yml");
if (!parsed.ok) throw new Error("the test strategy does not parse");
const RANGE = "2026-11-01..2026-11-30";
const QUERY = pullRequestContextQuery(
  countQueries(parsed.strategy, { owner: "Codertocat", repo: "Hello-World", defaultBranch: "master", range: RANGE }),
);
const BODY = `<!-- throughline:progress -->\n${"Serves **Reliability**: the keyword “flaky”. ".repeat(30)}`;

/** The same requests as the app's steady-state pull_request.opened, with no decision behind them. */
function bareApp(app: Probot): void {
  app.on("pull_request.opened", async (context) => {
    const { owner, repo } = context.repo();
    const { number, head } = context.payload.pull_request;
    const octokit = context.octokit;
    await octokit.rest.repos
      .getContent({ owner, repo, path: "strategy.yml", headers: { "if-none-match": '"v1"' } })
      .catch(() => undefined);
    await octokit.graphql(QUERY, { owner, repo, number, sha: head.sha, appId: 1, withFiles: true });
    await octokit.rest.issues.addLabels({ owner, repo, issue_number: number, labels: ["strategy: reliability"] });
    await octokit.rest.issues.createComment({ owner, repo, issue_number: number, body: BODY });
    await octokit.rest.checks.create({
      owner,
      repo,
      name: "Strategy alignment",
      head_sha: head.sha,
      status: "completed",
      conclusion: "success",
      output: { title: "Serves Reliability", summary: BODY },
    });
  });
}

let privateKey: string | undefined;
function bareProbot(): Probot {
  privateKey ??= generateKeyPairSync("rsa", { modulusLength: 2048 }).privateKey.export({
    type: "pkcs1",
    format: "pem",
  }) as string;
  const Octokit = ProbotOctokit.defaults((o: any) => ({
    ...o,
    retry: { enabled: false },
    throttle: { enabled: false },
  }));
  const probot = new Probot({ appId: 1, privateKey, Octokit, logLevel: "fatal" });
  probot.load(bareApp);
  return probot;
}

export interface Overhead {
  events: number;
  appMs: number;
  bareMs: number;
  ratio: number;
  /** Requests per event, for both: the ratio compares like with like only when they are equal. */
  appRequests: number;
  bareRequests: number;
}

/** Handle `n` events (after one warm-up event), returning the time taken and requests per event. */
async function timeEvents(probot: Probot, n: number): Promise<{ ms: number; requests: number }> {
  const { gh: fake, repo } = benchGitHub(STRATEGY);
  repo.ensureLabel("strategy: reliability");
  const stop = fake.intercept();
  try {
    const events: Delivery[] = Array.from({ length: n + 1 }, (_, i) =>
      pullEvent("opened", { number: 100 + i }, i.toString(16).padStart(40, "0")),
    );
    await probot.receive(events[0] as any);
    fake.clearLog();
    const started = performance.now();
    for (const event of events.slice(1)) await probot.receive(event as any);
    const ms = performance.now() - started;
    assertAnswered("handler overhead", fake);
    return { ms, requests: fake.log.length / n };
  } finally {
    stop();
  }
}

export async function measureOverhead(n: number, rounds = 3): Promise<Overhead> {
  let app = { ms: Infinity, requests: 0 };
  let bare = { ms: Infinity, requests: 0 };
  for (let round = 0; round < rounds; round++) {
    const a = await timeEvents(benchProbot(), n);
    const b = await timeEvents(bareProbot(), n);
    if (a.ms < app.ms) app = a;
    if (b.ms < bare.ms) bare = b;
  }
  return {
    events: n,
    appMs: app.ms,
    bareMs: bare.ms,
    ratio: app.ms / bare.ms,
    appRequests: app.requests,
    bareRequests: bare.requests,
  };
}
