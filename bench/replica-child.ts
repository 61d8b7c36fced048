/**
 * One process of the app for the several-process benchmark: Probot's server with the shared Redis state,
 * as `lib/server/main.js` runs it, except that GitHub's pacing and retries are off (a fake GitHub on
 * loopback has no limits to respect, and paced at one write a second a pass over 1,000 repositories would
 * take hours) and the monthly worker takes more jobs at once. Settings come from the environment:
 * REDIS_URL, GHE_HOST/GHE_PROTOCOL, APP_ID, PRIVATE_KEY, WEBHOOK_SECRET, PORT, BENCH_SCHEDULE (on/off),
 * THROUGHLINE_PASS_CRON.
 */
import { run } from "probot";
import { throughlineOctokit } from "../src/github/client.js";
import { createApp } from "../src/index.js";
import { Guards } from "../src/handlers/guard.js";
import { startShared } from "../src/redis/shared.js";
import { stopGracefully } from "../src/server/shutdown.js";

const url = process.env.REDIS_URL;
if (!url) throw new Error("REDIS_URL is required");
const shared = startShared(url);
const schedule = process.env.BENCH_SCHEDULE === "on";
const Octokit = throughlineOctokit({ tokens: shared.tokens }).defaults((o: any) => ({
  ...o,
  retry: { enabled: false },
  throttle: { enabled: false },
}));
const guards = new Guards(shared.deliveries, shared.itemLock);
const app = createApp(
  { guards },
  {
    shared,
    schedule,
    monthly: {
      concurrency: 8,
      perInstallation: 4,
      ...(process.env.THROUGHLINE_PASS_CRON ? { cron: process.env.THROUGHLINE_PASS_CRON } : {}),
    },
  },
);
const server = await run(app, { Octokit, env: { ...process.env, REDIS_URL: undefined } });
process.once("SIGTERM", () => void stopGracefully(server, { guards, shared }));
