/**
 * `npm start`: Probot's server running the app with the app's own GitHub client (rate limits waited out
 * as GitHub asks, bounded retries, a deadline per request). With no credentials yet, Probot serves its
 * "Register GitHub App" setup page instead; credentials present but broken stop start-up with one line
 * naming the variable. `probot run ./lib/index.js` works too, with Probot's default client. With
 * REDIS_URL, the processes of a deployment share pacing, the delivery record and the monthly job through
 * that Redis (connected here, once, and handed to the app).
 */
import { existsSync, readFileSync } from "node:fs";
import { parseEnv } from "node:util";
import { run } from "probot";
import { throughlineOctokit } from "../github/client.js";
import { Guards } from "../handlers/guard.js";
import { createApp } from "../index.js";
import { startShared } from "../redis/shared.js";
import { scheduleEnabled } from "../schedule/index.js";
import { configErrors, setupMode } from "./config.js";
import { startSetupMode } from "./setup-mode.js";
import { stopGracefully } from "./shutdown.js";

// The environment as Probot takes it: the process's, overlaid with .env.
if (existsSync(".env")) Object.assign(process.env, parseEnv(readFileSync(".env", "utf8")));
const env = process.env;
const errors = configErrors(env);
if (errors.length > 0) {
  for (const error of errors) console.error(`Throughline cannot start: ${error}`);
  process.exit(1);
}

/** THROUGHLINE_PASS_CRON: when the shared monthly job's passes are queued (hourly by default; the same on every process). */
function passCron(env: NodeJS.ProcessEnv): { cron: string } | undefined {
  const cron = env.THROUGHLINE_PASS_CRON?.trim();
  return cron ? { cron } : undefined;
}

try {
  if (setupMode(env)) {
    const guards = new Guards();
    const server = await startSetupMode(env, guards);
    process.once("SIGTERM", () => void stopGracefully(server, { guards }));
  } else {
    const shared = env.REDIS_URL?.trim() ? startShared(env.REDIS_URL.trim()) : undefined;
    // The app state's guards are made here so that shutdown can wait for the events under way.
    const guards = new Guards(shared?.deliveries, shared?.itemLock);
    const server = await run(
      createApp({ guards }, { shared, schedule: scheduleEnabled(env), monthly: passCron(env) }),
      {
        Octokit: throughlineOctokit({ pacing: shared?.pacing, tokens: shared?.tokens }),
        // The app makes its own Redis connections (above); Probot would open another for the same pacing.
        env: { ...env, REDIS_URL: undefined },
      },
    );
    process.once("SIGTERM", () => void stopGracefully(server, { guards, shared }));
  }
} catch (e) {
  // e.g. "Port 3000 is already in use. You can define the PORT environment variable to use a different port."
  console.error(`Throughline cannot start: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
}
