/**
 * The app's own server (`lib/server/main.js`, as `npm start` runs it) as child processes: built once,
 * started on free ports against a GitHub served over HTTP on loopback, sent signed webhook deliveries,
 * and stopped (SIGTERM) or killed (SIGKILL). Every process started here is killed when the test process
 * exits, whatever happened.
 */
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { createHmac, generateKeyPairSync } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { hostname, tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { freePort } from "../fixtures/redis-server.js";

export const ROOT = fileURLToPath(new URL("../../", import.meta.url));
export const SECRET = "replica-test-secret";
const privateKey = generateKeyPairSync("rsa", { modulusLength: 2048 }).privateKey.export({
  type: "pkcs1",
  format: "pem",
}) as string;

const started = new Set<ChildProcess>();
process.once("exit", () => {
  for (const child of started) child.kill("SIGKILL");
});

/** `npm run build` (tsc into lib/): the processes run the built server, as in production. */
export function build(): void {
  const result = spawnSync(
    process.execPath,
    [join(ROOT, "node_modules/typescript/bin/tsc"), "-p", "tsconfig.build.json"],
    { cwd: ROOT, encoding: "utf8" },
  );
  if (result.status !== 0) throw new Error(`the build failed:\n${result.stdout}${result.stderr}`);
}

export interface AppProcess {
  port: number;
  pid: number;
  /** BullMQ's name for this process's worker (shown on the jobs it takes). */
  worker: string;
  output(): string;
  exited: Promise<number | null>;
  health(): Promise<{ status: number; body: any }>;
  /** SIGTERM, then the exit code (SIGKILL after `graceMs`). */
  stop(graceMs?: number): Promise<number | null>;
  /** SIGKILL: a crash. */
  kill(): Promise<void>;
}

export interface StartOptions {
  /** GHE_HOST and GHE_PROTOCOL of the fake GitHub. */
  github: Record<string, string>;
  redisUrl?: string;
  /** false: THROUGHLINE_SCHEDULE=off. */
  schedule: boolean;
  /** What node runs (default: the built server, lib/server/main.js). */
  args?: string[];
  env?: Record<string, string>;
}

export async function startApp(options: StartOptions): Promise<AppProcess> {
  const port = await freePort();
  // Nothing of the test runner's environment that changes the app (VITEST, NODE_ENV=test turn the schedule off).
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    APP_ID: "1",
    PRIVATE_KEY: privateKey,
    WEBHOOK_SECRET: SECRET,
    PORT: String(port),
    HOST: "127.0.0.1",
    LOG_LEVEL: "info",
    LOG_FORMAT: "json",
    ...options.github,
    ...(options.redisUrl ? { REDIS_URL: options.redisUrl } : {}),
    // Only the catch-up pass each start queues: an hourly pass falling within one run would read every
    // strategy again and make the runs' counts differ by the hour they ran at.
    ...(options.schedule ? { THROUGHLINE_PASS_CRON: "0 0 1 1 *" } : { THROUGHLINE_SCHEDULE: "off" }),
    ...options.env,
  };
  // Its own working directory: no .env of the repository is read.
  const cwd = mkdtempSync(join(tmpdir(), "throughline-replica-"));
  const child = spawn(process.execPath, options.args ?? [join(ROOT, "lib/server/main.js")], {
    cwd,
    env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  started.add(child);
  let output = "";
  child.stdout?.on("data", (d) => (output += String(d)));
  child.stderr?.on("data", (d) => (output += String(d)));
  const exited = new Promise<number | null>((resolve) =>
    child.once("exit", (code) => {
      started.delete(child);
      rmSync(cwd, { recursive: true, force: true });
      resolve(code);
    }),
  );
  const health = async () => {
    const res = await fetch(`http://127.0.0.1:${port}/health`);
    return { status: res.status, body: await res.json() };
  };
  // Three minutes: several processes compiling and starting at once on a busy machine can take a while.
  const deadline = Date.now() + 180_000;
  let last = "no answer";
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the app exited (${child.exitCode}) on start:\n${output}`);
    try {
      const answer = await health();
      if (answer.status === 200) break;
      last = `status ${answer.status}`;
    } catch (error) {
      // Not listening yet, or the request could not be made at all (said when giving up).
      last = error instanceof Error ? error.message : String(error);
    }
    if (Date.now() > deadline) {
      // Not left running: its open pipes would keep the test or benchmark process from ever ending.
      child.kill("SIGKILL");
      await exited;
      throw new Error(`the app did not answer /health within three minutes (last: ${last}):\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const pid = child.pid ?? 0;
  return {
    port,
    pid,
    worker: `${hostname()}:${pid}`,
    output: () => output,
    exited,
    health,
    stop: async (graceMs = 60_000) => {
      if (child.exitCode !== null) return child.exitCode;
      child.kill("SIGTERM");
      const late = setTimeout(() => child.kill("SIGKILL"), graceMs);
      const code = await exited;
      clearTimeout(late);
      return code;
    },
    kill: async () => {
      if (child.exitCode === null) child.kill("SIGKILL");
      await exited;
    },
  };
}

export interface Delivery {
  id: string;
  name: string;
  payload: unknown;
}

/** POSTs a delivery as GitHub does: signed with the webhook secret (X-Hub-Signature-256). */
export async function deliver(app: AppProcess, delivery: Delivery): Promise<number> {
  const body = JSON.stringify(delivery.payload);
  const signature = `sha256=${createHmac("sha256", SECRET).update(body).digest("hex")}`;
  const res = await fetch(`http://127.0.0.1:${app.port}/api/github/webhooks`, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      "x-github-event": delivery.name,
      "x-github-delivery": delivery.id,
      "x-hub-signature-256": signature,
      "user-agent": "GitHub-Hookshot/replica-test",
    },
    body,
  });
  await res.text();
  return res.status;
}

/** Polls `condition` every 100 ms; fails naming `what` after `limitMs`. */
export async function until(
  condition: () => boolean | Promise<boolean>,
  what: string,
  limitMs = 240_000,
): Promise<void> {
  const deadline = Date.now() + limitMs;
  while (Date.now() < deadline) {
    if (await condition()) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`gave up waiting: ${what}`);
}

/** Every process has no event under way, and GitHub saw no request for `quietMs`. */
export async function settled(apps: AppProcess[], requests: () => number, quietMs = 1_500): Promise<void> {
  let seen = -1;
  let since = Date.now();
  await until(async () => {
    const busy = (await Promise.all(apps.map((a) => a.health()))).some((h) => h.body.in_flight > 0);
    const now = requests();
    if (busy || now !== seen) {
      seen = now;
      since = Date.now();
      return false;
    }
    return Date.now() - since >= quietMs;
  }, "the processes to settle");
}
