/**
 * `npm start`: Probot's server running the app with the app's own GitHub client (rate limits waited out
 * as GitHub asks, bounded retries, a deadline per request). With no credentials yet, Probot serves its
 * "Register GitHub App" setup page instead; credentials present but broken stop start-up with one line
 * naming the variable. `probot run ./lib/index.js` works too, with Probot's default client.
 */
import { existsSync, readFileSync } from "node:fs";
import { parseEnv } from "node:util";
import { run } from "probot";
import { throughlineOctokit } from "../github/client.js";
import app from "../index.js";
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

try {
  const server = setupMode(env) ? await startSetupMode(env) : await run(app, { Octokit: throughlineOctokit() });
  process.once("SIGTERM", () => void stopGracefully(server));
} catch (e) {
  // e.g. "Port 3000 is already in use. You can define the PORT environment variable to use a different port."
  console.error(`Throughline cannot start: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
}
