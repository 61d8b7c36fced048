/**
 * Several processes on one Redis (needs redis-server): GitHub requests spent on a monthly pass over
 * 1,000 repositories by one process and by three (counted: the same within a few requests), and
 * webhook deliveries handled per second by one process and by two (a rate measured on this machine, the
 * one rate the benchmark prints). Processes are bench/replica-child.ts: the app's server with the shared
 * Redis state, GitHub's pacing off (the fake GitHub on loopback has no limits).
 */
import { join } from "node:path";
import { Queue } from "bullmq";
import { QUEUE_NAME, reportJobId } from "../src/schedule/queue.js";
import { FakeGitHub } from "../test/fixtures/github-fake/index.js";
import { example } from "../test/fixtures/payloads.js";
import { startRedis, type TestRedis } from "../test/fixtures/redis-server.js";
import { STRATEGY } from "../test/fixtures/strategies.js";
import { type AppProcess, deliver, ROOT, settled, startApp, until } from "../test/replicas/processes.js";
import { APP, monthlyWorld, reportsIn } from "../test/replicas/world.js";

export interface ReplicaResults {
  repositories: number;
  monthly: { processes: number; requests: number; reports: number }[];
  deliveries: number;
  perSecond: { processes: number; rate: number }[];
}

const tsx = import.meta.resolve("tsx");

async function processes(
  count: number,
  github: Record<string, string>,
  redisUrl: string,
  schedule: boolean,
): Promise<AppProcess[]> {
  const results = await Promise.allSettled(
    Array.from({ length: count }, () =>
      startApp({
        github,
        redisUrl,
        schedule,
        args: ["--import", tsx, join(ROOT, "bench/replica-child.ts")],
        env: { BENCH_SCHEDULE: schedule ? "on" : "off", LOG_LEVEL: "warn" },
      }),
    ),
  );
  const apps = results.flatMap((r) => (r.status === "fulfilled" ? [r.value] : []));
  const failed = results.find((r) => r.status === "rejected");
  if (failed) {
    // The ones that did start are stopped, so that the benchmark ends with the error.
    await Promise.all(apps.map((a) => a.kill()));
    throw failed.reason;
  }
  return apps;
}

async function monthlyPass(redis: TestRedis, db: number, count: number, repositories: number) {
  const perInstallation = repositories / 4;
  const { gh, repos, month } = monthlyWorld(
    { north: perInstallation, south: perInstallation, east: perInstallation, west: perInstallation },
    new Date(),
  );
  const served = await gh.serve();
  const queue = new Queue(QUEUE_NAME, { connection: { host: "127.0.0.1", port: redis.port, db } });
  let apps: AppProcess[] = [];
  try {
    apps = await processes(count, served.env, `${redis.url}/${db}`, true);
    await until(
      async () => {
        const states = await Promise.all(
          repos.map(async (r) => (await queue.getJob(reportJobId(r.owner, r.name, month)))?.getState()),
        );
        return states.every((s) => s === "completed");
      },
      "every report job to complete",
      1_800_000,
    );
    await settled(apps, () => gh.log.length);
    if (gh.problems.length > 0) throw new Error(`the fake GitHub saw problems:\n${gh.problems.slice(0, 5).join("\n")}`);
    return {
      processes: count,
      requests: gh.log.length,
      reports: repos.filter((r) => reportsIn(r).length === 1).length,
    };
  } finally {
    await Promise.all(apps.map((a) => a.stop()));
    await queue.close();
    await served.close();
  }
}

async function deliveriesPerSecond(redis: TestRedis, db: number, count: number, deliveries: number) {
  const gh = new FakeGitHub({ app: APP, now: new Date() });
  const repo = gh.addRepository({ owner: "Codertocat", name: "Hello-World", files: { "strategy.yml": STRATEGY } });
  const events = Array.from({ length: deliveries }, (_, i) => {
    const number = 100 + i;
    const sha = (number * 7919).toString(16).padStart(40, "0");
    gh.item(repo, number, {
      title: i % 3 === 0 ? "fix: flaky outage in checkout" : `Work item ${number}`,
      headSha: sha,
      branch: `b-${number}`,
      files: ["src/app.ts"],
    });
    const payload = example("pull_request", "opened");
    payload.number = number;
    payload.installation = { id: 1 };
    payload.sender = { login: "Codertocat", id: 21031067, type: "User" };
    Object.assign(payload.pull_request, { number, title: gh.itemFor(repo, number)?.title, body: "", labels: [] });
    Object.assign(payload.pull_request.head, { sha, ref: `b-${number}` });
    return { id: `bench-${db}-${number}`, name: "pull_request", payload };
  });
  const served = await gh.serve();
  let apps: AppProcess[] = [];
  try {
    apps = await processes(count, served.env, `${redis.url}/${db}`, false);
    // Warm up each process (identity, strategy, labels) with one delivery, not counted.
    for (const [i, app] of apps.entries()) await deliver(app, events[i] as (typeof events)[number]);
    await settled(apps, () => gh.log.length, 500);
    const timed = events.slice(apps.length);
    const began = performance.now();
    let next = 0;
    // Eight at a time, spread over the processes in turn, as a load balancer would.
    await Promise.all(
      Array.from({ length: 8 }, async () => {
        for (let i = next++; i < timed.length; i = next++)
          await deliver(apps[i % apps.length] as AppProcess, timed[i] as (typeof timed)[number]);
      }),
    );
    await settled(apps, () => gh.log.length, 300);
    const seconds = (performance.now() - began) / 1000;
    return { processes: count, rate: timed.length / seconds };
  } finally {
    await Promise.all(apps.map((a) => a.stop()));
    await served.close();
  }
}

export async function measureReplicas(
  quick: boolean,
  progress: (step: string) => void = () => {},
): Promise<ReplicaResults> {
  const repositories = quick ? 100 : 1000;
  const deliveries = quick ? 40 : 200;
  const redis = await startRedis();
  try {
    const monthly = [];
    for (const [i, count] of [1, 3].entries()) {
      progress(
        `monthly pass over ${repositories.toLocaleString("en-US")} repositories, ${count} process${count > 1 ? "es" : ""}`,
      );
      monthly.push(await monthlyPass(redis, 1 + i, count, repositories));
    }
    const perSecond = [];
    for (const [i, count] of [1, 2].entries()) {
      progress(`${deliveries} deliveries, ${count} process${count > 1 ? "es" : ""}`);
      perSecond.push(await deliveriesPerSecond(redis, 5 + i, count, deliveries));
    }
    return { repositories, monthly, deliveries, perSecond };
  } finally {
    await redis.stop();
  }
}

export function replicasMarkdown(r: ReplicaResults): string {
  const [one] = r.monthly;
  const lines = [
    `### Several processes on one Redis`,
    "",
    `| Monthly pass over ${r.repositories.toLocaleString("en-US")} repositories | GitHub requests | Reports | vs one process |`,
    "|---|---|---|---|",
    ...r.monthly.map(
      (m) =>
        `| ${m.processes} process${m.processes > 1 ? "es" : ""} | ${m.requests.toLocaleString("en-US")} | ${m.reports} | ${one ? (m.requests / one.requests).toFixed(3) : ""} |`,
    ),
    "",
    `| Webhook deliveries (${r.deliveries}, pacing off) | Deliveries per second, measured on this machine |`,
    "|---|---|",
    ...r.perSecond.map((p) => `| ${p.processes} process${p.processes > 1 ? "es" : ""} | ${p.rate.toFixed(1)} |`),
  ];
  return lines.join("\n");
}
