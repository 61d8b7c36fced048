/**
 * The monthly job on BullMQ over a real Redis, several workers (each with its own connections, as
 * processes have) in this process against the fake GitHub: each report is made once, a report job
 * holds one of its installation's slots, and another installation's jobs go on meanwhile.
 */
import { generateKeyPairSync } from "node:crypto";
import nock from "nock";
import { Probot, ProbotOctokit } from "probot";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { publishReport } from "../../src/handlers/report.js";
import { startShared, type Shared } from "../../src/redis/shared.js";
import { QUEUE_NAME, reportJobId } from "../../src/schedule/queue.js";
import { startRedis, type TestRedis } from "../fixtures/redis-server.js";
import { STRATEGY } from "../fixtures/strategies.js";
import { monthlyWorld, reportsIn } from "../replicas/world.js";

const NOW = new Date("2026-12-01T10:30:00Z");
const privateKey = generateKeyPairSync("rsa", { modulusLength: 2048 }).privateKey.export({
  type: "pkcs1",
  format: "pem",
}) as string;
let redis: TestRedis;
const opened: Shared[] = [];

function probot(): Probot {
  return new Probot({
    appId: 1,
    privateKey,
    Octokit: ProbotOctokit.defaults((o: any) => ({ ...o, retry: { enabled: false }, throttle: { enabled: false } })),
    logLevel: "fatal",
  });
}

const until = async (condition: () => boolean | Promise<boolean>, what: string, tries = 1200) => {
  for (let i = 0; i < tries; i += 1) {
    if (await condition()) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`gave up waiting: ${what}`);
};

beforeAll(async () => {
  redis = await startRedis();
  nock.disableNetConnect();
  nock.enableNetConnect("127.0.0.1");
}, 60_000);

afterAll(async () => {
  for (const shared of opened) await shared.close();
  await redis?.stop();
  nock.cleanAll();
  nock.enableNetConnect();
}, 60_000);

describe("the monthly job on a shared queue", () => {
  it("three workers make each repository's report once; one installation's jobs never exceed its slots, and the other's go on", async () => {
    const { gh, repos, month } = monthlyWorld({ acme: 6, globex: 2 }, NOW);
    const stop = gh.intercept();
    const running = new Map<string, number>();
    const most = new Map<string, number>();
    const finished: string[] = [];
    const publish: typeof publishReport = async (params) => {
      const owner = params.owner;
      running.set(owner, (running.get(owner) ?? 0) + 1);
      most.set(owner, Math.max(most.get(owner) ?? 0, running.get(owner) ?? 0));
      try {
        await new Promise((resolve) => setTimeout(resolve, 150));
        return await publishReport(params);
      } finally {
        running.set(owner, (running.get(owner) ?? 1) - 1);
        finished.push(`${owner}/${params.repo}`);
      }
    };
    try {
      const workers = [0, 1, 2].map(() => {
        const shared = startShared(redis.url);
        shared.useLog({ info: () => undefined, warn: () => undefined });
        opened.push(shared);
        return shared.runMonthlyJobs(probot(), () => NOW, { concurrency: 3, perInstallation: 1, publish });
      });
      const queue = workers[0]!.queue;
      await until(
        async () => (await queue.getJobCounts("completed")).completed! >= repos.length + 1,
        "every report job completed",
      );
      for (const repo of repos) expect(reportsIn(repo), `${repo.owner}/${repo.name}`).toHaveLength(1);
      expect(most.get("acme")).toBe(1);
      expect(most.get("globex")).toBe(1);
      // globex's two reports did not wait for acme's six.
      expect(
        finished.findIndex((r) => r.startsWith("globex/")) <
          finished.lastIndexOf(finished.filter((r) => r.startsWith("acme/")).at(-1)!),
      ).toBe(true);
      // One job per repository and month, by its id; nothing failed.
      for (const repo of repos) expect(await queue.getJob(reportJobId(repo.owner, repo.name, month))).toBeDefined();
      expect((await queue.getJobCounts("failed")).failed).toBe(0);
      expect(gh.problems).toEqual([]);
      // One scheduler for the hourly pass, however many workers started.
      expect(await queue.getJobSchedulersCount()).toBe(1);
      expect(queue.name).toBe(QUEUE_NAME);
    } finally {
      for (const shared of opened.splice(0)) await shared.close();
      stop();
    }
  }, 180_000);

  it("started while Redis is down: nothing runs, the outage is logged once, and the reports are made when Redis returns", async () => {
    const { gh, repos } = monthlyWorld({ initech: 3 }, NOW);
    const stop = gh.intercept();
    try {
      await redis.kill();
      const shared = startShared(redis.url);
      const warnings: string[] = [];
      shared.useLog({ info: () => undefined, warn: (m) => warnings.push(m) });
      opened.push(shared);
      shared.runMonthlyJobs(probot(), () => NOW);
      await until(() => warnings.length > 0, "the outage to be logged");
      await new Promise((resolve) => setTimeout(resolve, 2_500));
      expect(gh.log).toHaveLength(0);
      expect(warnings).toHaveLength(1);
      await redis.start();
      await until(() => repos.every((r) => reportsIn(r).length === 1), "a report in every repository");
      expect(warnings).toHaveLength(1);
      expect(gh.problems).toEqual([]);
    } finally {
      stop();
    }
  }, 180_000);

  it("the organisation's report (the owner's .github repository) is a job of its own", async () => {
    const { gh, month } = monthlyWorld({}, NOW);
    const home = gh.addRepository({ owner: "umbrella", name: ".github", files: { "strategy.yml": STRATEGY } });
    const member = gh.addRepository({
      owner: "umbrella",
      name: "web",
      files: { "strategy.yml": "version: 1\nextends: .github\n" },
    });
    gh.install(1, "umbrella", [home, member]);
    const stop = gh.intercept();
    try {
      // A fresh queue: the earlier tests' workers stopped, their jobs (the same hour's catch-up pass) gone.
      for (const earlier of opened.splice(0)) await earlier.close();
      const shared = startShared(redis.url);
      await until(() => shared.redis.available(), "connected");
      await shared.redis.client.flushdb();
      shared.useLog({ info: () => undefined, warn: () => undefined });
      opened.push(shared);
      const { queue } = shared.runMonthlyJobs(probot(), () => NOW);
      const id = reportJobId("umbrella", ".github", month);
      expect(id).toBe(`org-report/umbrella/${month}`);
      await until(
        async () => (await (await queue.getJob(id))?.getState()) === "completed",
        "the organisation report's job",
      );
      expect((await queue.getJob(id))?.data.kind).toBe("org-report");
      expect(reportsIn(home)).toHaveLength(1);
      expect(gh.problems).toEqual([]);
    } finally {
      stop();
    }
  }, 180_000);
});
