/**
 * Shared pieces of the guarantee tests: events for any repository, a log of every request GitHub was
 * sent (with its body), and a Probot whose client keeps the retry and throttling plugins ON, with waits
 * shrunk to milliseconds, for the tests about what happens when GitHub pushes back.
 */
import { generateKeyPairSync } from "node:crypto";
import { Probot, ProbotOctokit } from "probot";
import { throughlineOctokit } from "../../src/github/client.js";
import type { Deps } from "../../src/handlers/deps.js";
import { createApp } from "../../src/index.js";
import { API, OWNER, REPO, type Scope } from "../fixtures/github.js";
import { example } from "../fixtures/payloads.js";
import { APP, NOW, testProbot } from "../fixtures/probot.js";
import { pullRequestEvent } from "../fixtures/pull-requests.js";

export { APP, NOW, testProbot };

export interface Sent {
  method: string;
  path: string;
  body: any;
}

/** Every request `scope` answers from now on (token exchanges and GET /app left out), JSON bodies parsed. */
export function record(scope: Scope, sent: Sent[] = []): Sent[] {
  scope.on("request", (req: any, _interceptor: unknown, body: string) => {
    const path = decodeURIComponent(new URL(req.path, API).pathname);
    if (/access_tokens$|^\/app$/.test(path)) return;
    let parsed: unknown = body;
    try {
      parsed = body ? JSON.parse(body) : undefined;
    } catch {
      // not JSON: kept as text
    }
    sent.push({ method: req.method, path, body: parsed });
  });
  return sent;
}

export const writes = (sent: Sent[]) =>
  sent.filter((r) => r.method !== "GET" && !(r.path === "/graphql" && !/^\s*mutation/.test(r.body?.query ?? "")));

/** An issues.* delivery for `owner/repo#number`, by a person unless `sender` says otherwise. */
export function issueEvent(
  action: string,
  changes: Record<string, unknown> = {},
  { owner = OWNER, repo = REPO, id = `delivery-${Math.random()}`, sender = { login: "octocat", type: "User" } } = {},
) {
  const payload = example(
    "issues",
    action === "edited" || action === "reopened" ? "edited" : action === "unlabeled" ? "unlabeled" : "opened",
  );
  payload.action = action;
  payload.installation = { id: 1 };
  payload.sender = sender;
  payload.repository = {
    ...payload.repository,
    name: repo,
    full_name: `${owner}/${repo}`,
    owner: { ...payload.repository.owner, login: owner },
  };
  Object.assign(payload.issue, { title: "Checkout outage on Fridays", body: "Seen twice.", labels: [] }, changes);
  return { id, name: "issues", payload } as any;
}

/** An issue_comment.created delivery on issue #1 (a pull request when `onPullRequest`). */
export function commentEvent(body: string, { login = "octocat", type = "User", onPullRequest = false } = {}) {
  const payload = example("issue_comment", "created");
  payload.installation = { id: 1 };
  payload.sender = { login, type };
  payload.comment.body = body;
  payload.comment.user = { ...payload.comment.user, login, type };
  Object.assign(payload.issue, { title: "Checkout outage on Fridays", body: "", labels: [] });
  if (onPullRequest)
    payload.issue.pull_request = { url: "https://api.github.com/repos/Codertocat/Hello-World/pulls/1" };
  else delete payload.issue.pull_request;
  return { id: `delivery-${Math.random()}`, name: "issue_comment", payload } as any;
}

export { pullRequestEvent };

/** A pacing queue like the throttling plugin's (one job at a time) that runs at once and counts what passed. */
export function countingPacer() {
  const seen = { jobs: 0, running: 0, maxRunning: 0 };
  let chain: Promise<unknown> = Promise.resolve();
  const schedule = (...args: any[]) => {
    const fn = typeof args[0] === "function" ? args[0] : args[1];
    const rest = typeof args[0] === "function" ? args.slice(1) : args.slice(2);
    seen.jobs += 1;
    const run = chain.then(async () => {
      seen.running += 1;
      seen.maxRunning = Math.max(seen.maxRunning, seen.running);
      try {
        return await fn(...rest);
      } finally {
        seen.running -= 1;
      }
    });
    chain = run.catch(() => undefined);
    return run;
  };
  return { seen, group: { key: () => ({ schedule }) } };
}

export interface LiveOptions {
  /** The app's own client (src/github/client.ts); Probot's stock client when false. */
  appClient?: boolean;
  retry?: boolean;
  pacer?: ReturnType<typeof countingPacer>;
  overrides?: Partial<Deps>;
  /** How long one request may wait for an answer (the app's 30 s by default). */
  timeoutMs?: number;
  /** Milliseconds one second of waiting GitHub asks for lasts (1). */
  second?: number;
  /** Where the app's log lines go (nowhere by default). */
  log?: LogLine[];
}

export interface LogLine {
  level: string;
  text: string;
}

const LEVELS = ["trace", "debug", "info", "warn", "error", "fatal"] as const;

/** A logger in Probot's (pino's) shape that keeps every line, errors included, as text. */
function memoryLog(lines: LogLine[]): any {
  const text = (args: unknown[]) =>
    args
      .map((a) =>
        a instanceof Error
          ? `${a.name}: ${a.message}`
          : typeof a === "string"
            ? a
            : JSON.stringify(a, (_k, v) => (v instanceof Error ? v.message : v)),
      )
      .join(" ");
  const log: any = { level: "trace", child: () => log };
  for (const level of LEVELS) log[level] = (...args: unknown[]) => void lines.push({ level, text: text(args) });
  return log;
}

/**
 * The app with retries and throttling ON, as in production, but every wait GitHub asks for shrunk from
 * seconds to milliseconds, and the write pacing replaced by an instant queue that counts.
 */
export function liveProbot({
  appClient = true,
  retry = true,
  pacer = countingPacer(),
  overrides = {},
  log,
  second = 1,
  timeoutMs,
}: LiveOptions = {}): Probot {
  const Base = appClient
    ? throughlineOctokit({ retryAfterBaseValue: second, requestTimeoutMs: timeoutMs })
    : ProbotOctokit;
  const Octokit = Base.defaults((o: any) => ({
    ...o,
    retry: retry ? { ...o.retry, retryAfterBaseValue: second } : { enabled: false },
    throttle: {
      ...o.throttle,
      retryAfterBaseValue: second,
      fallbackSecondaryRateRetryAfter: 1,
      write: pacer.group,
      notifications: pacer.group,
    },
  }));
  const probot = new Probot({
    appId: APP.id,
    privateKey: privateKey(),
    Octokit,
    ...(log ? { log: memoryLog(log) } : { logLevel: "fatal" }),
  });
  probot.load(createApp({ now: () => NOW, ...overrides }));
  return probot;
}

let key: string | undefined;
/** Any RSA key will do (a short one is quick to make): GitHub is nock, which never checks the app's JWT. */
function privateKey(): string {
  key ??= generateKeyPairSync("rsa", { modulusLength: 1024 }).privateKey.export({
    type: "pkcs1",
    format: "pem",
  }) as string;
  return key;
}
