/**
 * Several processes of the app's own server on one real Redis, against one GitHub served over HTTP on
 * loopback. Webhooks: signed deliveries spread over two processes, redelivered across them and sent in
 * concurrent bursts on one pull request, each with one outcome, a redelivery costing no GitHub request.
 * The monthly job: one process, then three with one killed mid-job; one report per repository and month,
 * and three processes together spend what one spends (within 10%). Needs redis-server (Debian's
 * package); without it the test fails saying how to get one.
 */
import { appendFileSync } from "node:fs";
import { Queue } from "bullmq";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { QUEUE_NAME, reportJobId } from "../../src/schedule/queue.js";
import { FakeGitHub, type Repository, type Served } from "../fixtures/github-fake/index.js";
import { example } from "../fixtures/payloads.js";
import { startRedis, type TestRedis } from "../fixtures/redis-server.js";
import { STRATEGY } from "../fixtures/strategies.js";
import { type AppProcess, build, type Delivery, deliver, settled, startApp, until } from "./processes.js";
import { APP, monthlyWorld, reportsIn } from "./world.js";

const BOT = `${APP.slug}[bot]`;
let redis: TestRedis;
const apps: AppProcess[] = [];
const servers: Served[] = [];
const queues: Queue[] = [];
/** The figures printed at the end (npm run test:replicas). */
const figures: Record<string, number | string> = {};

beforeAll(async () => {
  redis = await startRedis();
  build();
}, 300_000);

afterAll(async () => {
  await Promise.all(apps.map((a) => a.kill()));
  for (const queue of queues) await queue.close().catch(() => undefined);
  for (const served of servers) await served.close().catch(() => undefined);
  await redis?.stop();
  const line = `replicas: ${Object.entries(figures)
    .map(([k, v]) => `${k} ${v}`)
    .join(", ")}`;
  console.log(line);
  if (process.env.REPLICA_FIGURES) appendFileSync(process.env.REPLICA_FIGURES, `${line}\n`);
}, 120_000);

async function start(
  count: number,
  github: Record<string, string>,
  redisUrl: string,
  schedule: boolean,
): Promise<AppProcess[]> {
  const started = await Promise.all(Array.from({ length: count }, () => startApp({ github, redisUrl, schedule })));
  apps.push(...started);
  return started;
}

function pullRequestEvent(number: number, action: string, sha: string, id: string): Delivery {
  const payload = example("pull_request", "opened");
  payload.action = action;
  payload.number = number;
  payload.installation = { id: 1 };
  payload.sender = { login: "Codertocat", id: 21031067, type: "User" };
  Object.assign(payload.pull_request, {
    number,
    title: "fix: flaky outage in checkout",
    body: "Retries the payment call.",
    labels: [],
  });
  Object.assign(payload.pull_request.head, { sha, ref: `fix-${number}` });
  if (action === "edited") payload.changes = { title: { from: "Fix checkout" } };
  return { id, name: "pull_request", payload };
}

const appComments = (repo: Repository, number: number) =>
  repo.items.get(number)?.comments.filter((c) => c.author === BOT) ?? [];
const checkRunsFor = (repo: Repository, sha: string) =>
  repo.checkRuns.filter((c) => c.headSha === sha && c.name === "Strategy alignment");

describe("two processes handling webhooks on one Redis", () => {
  it("each delivery has one outcome; a redelivery to either process costs no GitHub request; a burst on one pull request leaves one comment and one check", async () => {
    const gh = new FakeGitHub({ app: APP, now: new Date() });
    const repo = gh.addRepository({ owner: "Codertocat", name: "Hello-World", files: { "strategy.yml": STRATEGY } });
    const sha2 = "ec26c3e57ca3a959ca5aad62de7213c562f8c821";
    const sha3 = "0d1a26e67d8f5eaf1f6ba5c57fc3c7d91ac0fd1c";
    gh.item(repo, 2, {
      title: "fix: flaky outage in checkout",
      headSha: sha2,
      branch: "fix-2",
      files: ["src/checkout.ts"],
    });
    gh.item(repo, 3, {
      title: "fix: flaky outage in checkout",
      headSha: sha3,
      branch: "fix-3",
      files: ["src/checkout.ts"],
    });
    const served = await gh.serve();
    servers.push(served);
    const [a, b] = await start(2, served.env, `${redis.url}/3`, false);
    if (!a || !b) throw new Error("two processes");
    const requests = () => gh.log.length;

    // One delivery to A: labels, one progress comment, one check run.
    const opened = pullRequestEvent(2, "opened", sha2, "d-2-opened");
    expect(await deliver(a, opened)).toBe(200);
    await settled([a, b], requests);
    expect(appComments(repo, 2)).toHaveLength(1);
    expect(checkRunsFor(repo, sha2)).toHaveLength(1);
    const handled = requests();
    figures["first delivery requests"] = handled;

    // The same delivery again, to B and to A: nothing asked of GitHub.
    expect(await deliver(b, opened)).toBe(200);
    expect(await deliver(a, opened)).toBe(200);
    await settled([a, b], requests);
    expect(requests()).toBe(handled);
    figures["redelivery requests"] = requests() - handled;

    // A burst: six deliveries on one pull request, at once, spread over both processes.
    const burst = ["opened", "edited", "edited", "reopened", "edited", "ready_for_review"].map((action, i) =>
      pullRequestEvent(3, action, sha3, `d-3-${i}`),
    );
    const statuses = await Promise.all(burst.map((d, i) => deliver(i % 2 === 0 ? a : b, d)));
    expect(statuses.every((s) => s === 200 || s === 202)).toBe(true);
    await settled([a, b], requests);
    expect(appComments(repo, 3)).toHaveLength(1);
    expect(checkRunsFor(repo, sha3)).toHaveLength(1);
    const afterBurst = requests();

    // Each of the burst's deliveries redelivered to the other process: nothing asked of GitHub.
    await Promise.all(burst.map((d, i) => deliver(i % 2 === 0 ? b : a, d)));
    await settled([a, b], requests);
    expect(requests()).toBe(afterBurst);
    expect(gh.problems).toEqual([]);
    for (const app of [a, b]) expect((await app.health()).body).toMatchObject({ status: "ok", redis: "ok" });
    expect(await Promise.all([a.stop(), b.stop()])).toEqual([0, 0]);
  }, 600_000);
});

describe("the monthly job in one process and in three on one Redis", () => {
  // Three installations of three repositories: enough for each process to hold jobs of several installations, and
  // for one to be killed mid-job, at about one paced GitHub request a second (a pass costs ~9 requests a repository).
  const INSTALLATIONS = { acme: 3, globex: 3, initech: 3 };

  async function monthlyPass(processes: number, db: number, killOne: boolean) {
    const began = Date.now();
    const { gh, repos, month } = monthlyWorld(INSTALLATIONS, new Date());
    const served = await gh.serve();
    servers.push(served);
    const queue = new Queue(QUEUE_NAME, { connection: { host: "127.0.0.1", port: redis.port, db } });
    queues.push(queue);
    const started = await start(processes, served.env, `${redis.url}/${db}`, true);
    let killed: { worker: string; job: string } | undefined;
    if (killOne) {
      const victim = started[1];
      if (!victim) throw new Error("three processes");
      // Killed while it runs a report job, which another process must then finish.
      await until(async () => {
        const active = await queue.getActive();
        const mine = active.find((j) => j.data.kind === "report" && j.processedBy === victim.worker);
        if (mine?.id) killed = { worker: victim.worker, job: mine.id };
        return killed !== undefined;
      }, "the second process to take a report job");
      await victim.kill();
    }
    const alive = started.filter((p) => p.worker !== killed?.worker);
    await until(() => repos.every((r) => reportsIn(r).length >= 1), "a report in every repository", 480_000);
    // Every report's job done (the scheduler's next hourly pass stays delayed on the queue).
    await until(async () => {
      const states = await Promise.all(
        repos.map(async (r) => (await queue.getJob(reportJobId(r.owner, r.name, month)))?.getState()),
      );
      return states.every((s) => s === "completed");
    }, "every report job to complete");
    await settled(alive, () => gh.log.length);
    const codes = await Promise.all(alive.map((p) => p.stop()));
    const kinds: Record<string, number> = {};
    for (const r of gh.log) {
      const kind =
        r.operation ??
        `${r.method} ${r.path.replace(/\/repo-\d+/, "/*").replace(/installations\/\d+/, "installations/*")}`;
      kinds[kind] = (kinds[kind] ?? 0) + 1;
    }
    console.log(
      `monthly pass, ${processes} process(es): ${gh.log.length} requests (${JSON.stringify(kinds)}), ${((Date.now() - began) / 1000).toFixed(0)} s`,
    );
    return { gh, repos, month, queue, requests: gh.log.length, killed, codes };
  }

  it("one report per repository and month; three processes, one killed mid-job, spend what one spends within 10%", async () => {
    const one = await monthlyPass(1, 4, false);
    const three = await monthlyPass(3, 5, true);
    for (const run of [one, three]) {
      for (const repo of run.repos) expect(reportsIn(repo), `${repo.owner}/${repo.name}`).toHaveLength(1);
      expect(run.gh.problems).toEqual([]);
      expect((await run.queue.getJobCounts("failed")).failed).toBe(0);
      for (const repo of run.repos)
        expect(await run.queue.getJob(reportJobId(repo.owner, repo.name, run.month))).toBeDefined();
      expect(run.codes.every((c) => c === 0)).toBe(true);
    }
    // The killed process's job was finished by another.
    const taken = three.killed ? await three.queue.getJob(three.killed.job) : undefined;
    expect(await taken?.getState()).toBe("completed");
    expect(taken?.processedBy).not.toBe(three.killed?.worker);

    figures.repositories = one.repos.length;
    figures["monthly pass requests, 1 process"] = one.requests;
    figures["3 processes (1 killed)"] = three.requests;
    figures.ratio = (three.requests / one.requests).toFixed(3);
    expect(three.requests).toBeLessThanOrEqual(Math.ceil(one.requests * 1.1));
  }, 1_200_000);
});
