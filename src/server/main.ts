/**
 * `npm start`: Probot's server running the app with the app's own GitHub client (rate limits waited out
 * as GitHub asks, bounded retries, a deadline per request). With no credentials yet, Probot serves its
 * "Register a GitHub App" setup page instead. `probot run ./lib/index.js` works too, with Probot's
 * default client.
 */
import { existsSync, readFileSync } from "node:fs";
import { parseEnv } from "node:util";
import { run } from "probot";
import { throughlineOctokit } from "../github/client.js";
import app from "../index.js";
import { configErrors } from "./config.js";
import { stopGracefully } from "./shutdown.js";

// The same view of the environment Probot takes: the process's, overlaid with .env.
const env = { ...process.env, ...(existsSync(".env") ? parseEnv(readFileSync(".env", "utf8")) : {}) };
const errors = configErrors(env);
if (errors.length > 0) {
  for (const error of errors) console.error(`Throughline cannot start: ${error}`);
  process.exit(1);
}

const server = await run(app, { Octokit: throughlineOctokit() });
process.once("SIGTERM", () => void stopGracefully(server));
