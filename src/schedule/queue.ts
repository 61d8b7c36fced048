/**
 * The monthly job on a BullMQ queue in Redis (REDIS_URL), shared by every process of a deployment, so a
 * pass costs what it costs one process however many run:
 * - one repeatable job scheduler (`monthly-pass`, hourly) puts one pass job on the queue per hour, and each
 *   process that starts adds a catch-up pass whose id names the hour, so processes starting together
 *   add one; a pass reads which reports are due and queues them;
 * - one job per repository and month, its id made of both (`report/acme/web/2026-11`) and kept 45 days,
 *   so a report is queued once however many passes find it due; the owner's `.github` repository (the
 *   organisation's strategy and report) gets a job of its own, `org-report/acme/2026-11`;
 * - a failed job is retried with exponential backoff; a job whose process died is taken over by another
 *   process once its lock lapses (BullMQ's stalled-job check);
 * - at most PER_INSTALLATION report jobs of one installation run at once across all processes (a Redis
 *   semaphore, leases renewed while a job runs), so one organisation's month-end does not hold up the
 *   others: a job over the limit is put back for a few seconds and a worker takes another installation's.
 * While Redis is unreachable nothing runs; the scheduler's next job and every queued job wait in Redis and
 * run when it returns (the catch-up rules post a missed month late).
 */
import { DelayedError, type Job, Queue, Worker } from "bullmq";
import type { Redis } from "ioredis";
import type { Probot } from "probot";
import { askIdentity, type Identity } from "../github/identity.js";
import type { GitHub } from "../github/octokit.js";
import { publishReport } from "../handlers/report.js";
import type { RedisState } from "../redis/connection.js";
import { type DueReport, dueReports, type LoadForSchedule, publishDue, type RunParams } from "./run.js";

export const QUEUE_NAME = "throughline-monthly";
export const PASS_SCHEDULER_ID = "monthly-pass";
/** Report jobs of one installation running at once, across every process. */
export const PER_INSTALLATION = 2;
/** Jobs one process runs at once. */
export const CONCURRENCY = 2;
const KEEP_SECONDS = 45 * 24 * 60 * 60;
const SLOT_LEASE_MS = 60_000;
const SLOT_PREFIX = "throughline:installation-slots:";
const PASS_PREFIX = "throughline:pass-checked:";

export type PassJob = { kind: "pass"; catchUp: boolean };
export type ReportJob = Omit<DueReport, "octokit"> & { kind: "report" | "org-report" };
export type MonthlyJob = PassJob | ReportJob;

/** The job id of a repository's report for a month; the owner's `.github` repository holds the organisation's. */
export function reportJobId(owner: string, repo: string, month: string): string {
  return repo === ".github" ? `org-report/${owner}/${month}` : `report/${owner}/${repo}/${month}`;
}

export interface MonthlyJobsOptions {
  app: Probot;
  redis: Pick<RedisState, "connect" | "client">;
  now?: () => Date;
  /** The app's identity (the app state's); asked of GitHub when not given. */
  identity?: () => Promise<Identity>;
  /** When passes are queued (every hour by default, so schedules are honoured to the hour). */
  cron?: string;
  concurrency?: number;
  perInstallation?: number;
  /** Shown on the jobs this process runs (BullMQ's processedBy). */
  workerName?: string;
  /** Replaceable in tests, as for a pass in one process. */
  load?: LoadForSchedule;
  publish?: RunParams["publish"];
}

export interface MonthlyJobs {
  queue: Queue<MonthlyJob>;
  worker: Worker<MonthlyJob>;
  /** Finishes the jobs under way (no new ones are taken), then closes the queue's connections. */
  close(): Promise<void>;
}

const ACQUIRE = `
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', tonumber(ARGV[1]) - tonumber(ARGV[2]))
if redis.call('ZSCORE', KEYS[1], ARGV[4]) or redis.call('ZCARD', KEYS[1]) < tonumber(ARGV[3]) then
  redis.call('ZADD', KEYS[1], ARGV[1], ARGV[4])
  redis.call('PEXPIRE', KEYS[1], ARGV[2])
  return 1
end
return 0`;

/** A slot among `limit` for one installation, held while `work` runs (its lease renewed), freed after. */
async function withSlot<T>(
  client: Redis,
  installationId: number,
  holder: string,
  limit: number,
  work: () => Promise<T>,
): Promise<T | "busy"> {
  const key = `${SLOT_PREFIX}${installationId}`;
  const acquire = async () => (await client.eval(ACQUIRE, 1, key, Date.now(), SLOT_LEASE_MS, limit, holder)) === 1;
  if (!(await acquire())) return "busy";
  const renew = setInterval(() => void acquire().catch(() => undefined), SLOT_LEASE_MS / 3);
  try {
    return await work();
  } finally {
    clearInterval(renew);
    await client.zrem(key, holder).catch(() => undefined);
  }
}

export function startMonthlyJobs(options: MonthlyJobsOptions): MonthlyJobs {
  const {
    app,
    redis,
    now = () => new Date(),
    cron = "0 * * * *",
    concurrency = CONCURRENCY,
    perInstallation = PER_INSTALLATION,
  } = options;
  const identity = options.identity ?? askIdentity(app);
  // BullMQ's own connections wait through an outage (no per-command retry limit), as it requires.
  const queue = new Queue<MonthlyJob>(QUEUE_NAME, {
    connection: redis.connect({ maxRetriesPerRequest: null }),
    defaultJobOptions: {
      attempts: 5,
      backoff: { type: "exponential", delay: 30_000 },
      removeOnComplete: { age: KEEP_SECONDS },
      removeOnFail: { age: KEEP_SECONDS },
    },
  });
  // Errors while Redis is away are the Redis state's to report, once.
  queue.on("error", () => undefined);

  const pass = async (job: Job<MonthlyJob>, data: PassJob) => {
    const at = now();
    // The last two hours: overlapping windows are harmless, a report's job id is queued once.
    const since = data.catchUp ? null : new Date(at.getTime() - 2 * 60 * 60 * 1000);
    let queued = 0;
    // What this pass went through, so that a pass taken over from a process that died goes on from there.
    const key = `${PASS_PREFIX}${job.id}`;
    const checked = {
      has: async (name: string) => (await redis.client.sismember(key, name)) === 1,
      add: async (name: string) => {
        await redis.client
          .multi()
          .sadd(key, name)
          .expire(key, 24 * 60 * 60)
          .exec();
      },
    };
    for await (const next of dueReports({ app, now: at, since, catchUpAll: true, checked, load: options.load })) {
      if ("failed" in next) continue; // logged; the next pass tries again
      const { octokit: _octokit, ...due } = next.due;
      const id = reportJobId(due.owner, due.repo, due.month);
      await queue.add(
        id.split("/")[0] as ReportJob["kind"],
        { kind: id.startsWith("org-") ? "org-report" : "report", ...due },
        { jobId: id },
      );
      queued += 1;
    }
    await job.log(`${queued} reports due`);
  };

  const report = async (data: ReportJob) => {
    const octokit = (await app.auth(data.installationId)) as GitHub;
    const botLogin = (await identity()).login;
    // The organisation's report is the owner's .github repository's report: the same publish covers its scope.
    await publishDue(app, { ...data, octokit }, botLogin, now(), options.publish ?? publishReport);
  };

  const worker = new Worker<MonthlyJob>(
    QUEUE_NAME,
    async (job, token) => {
      const data = job.data;
      if (data.kind === "pass") return pass(job, data);
      const done = await withSlot(redis.client, data.installationId, job.id ?? job.name, perInstallation, () =>
        report(data),
      );
      if (done === "busy") {
        // This installation has its share running: back on the queue shortly, a worker takes another's job.
        await job.moveToDelayed(Date.now() + 2_000 + Math.floor(Math.random() * 3_000), token);
        throw new DelayedError();
      }
    },
    {
      connection: redis.connect({ maxRetriesPerRequest: null }),
      concurrency,
      name: options.workerName,
      maxStalledCount: 3,
    },
  );
  worker.on("error", () => undefined);
  worker.on("failed", (job, error) => {
    if (job) app.log.error({ err: error, job: job.id }, `Monthly job ${job.id} failed (attempt ${job.attemptsMade})`);
  });

  // The hourly scheduler (the same one for every process: upserting it again changes nothing) and this
  // start's catch-up pass, both waiting for Redis if it is not there yet.
  void (async () => {
    try {
      await queue.upsertJobScheduler(
        PASS_SCHEDULER_ID,
        { pattern: cron },
        { name: "pass", data: { kind: "pass", catchUp: false } },
      );
      const hour = now().toISOString().slice(0, 13);
      await queue.add(
        "pass",
        { kind: "pass", catchUp: true },
        { jobId: `catch-up/${hour}`, removeOnComplete: { age: 24 * 60 * 60 } },
      );
    } catch (error) {
      app.log.error({ err: error }, "Monthly reports: could not set up the scheduler");
    }
  })();

  return {
    queue,
    worker,
    close: async () => {
      await worker.close();
      await queue.close();
    },
  };
}
