/**
 * `npm start`: Probot's server running the app with the app's own GitHub client (rate limits waited out
 * as GitHub asks, bounded retries, a deadline per request). With no credentials yet, Probot serves its
 * "Register a GitHub App" setup page instead. `probot run ./lib/index.js` works too, with Probot's
 * default client.
 */
import { run } from "probot";
import { throughlineOctokit } from "./github/client.js";
import app from "./index.js";

await run(app, { Octokit: throughlineOctokit() });
