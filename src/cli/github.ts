/**
 * The one place the CLI makes a GitHub client: a token from --token or GITHUB_TOKEN, GITHUB_API_URL for
 * GitHub Enterprise Server, and Probot's client, whose throttling and retry plugins wait out rate limits
 * instead of failing a long backfill.
 */
import { throughlineOctokit } from "../github/client.js";
import type { GitHub, RepoRef } from "../github/octokit.js";
import { statusOf } from "../github/octokit.js";
import { type LoadedStrategy, StrategyFiles } from "../github/strategy-file.js";
import { formatError } from "../strategy/index.js";
import { CliError, type CliIO } from "./io.js";

export function githubClient(io: CliIO, token: string | undefined): GitHub {
  const auth = token ?? io.env.GITHUB_TOKEN ?? io.env.GH_TOKEN;
  if (!auth) throw new CliError("no token: set GITHUB_TOKEN (or pass --token)");
  const Octokit = io.Octokit ?? throughlineOctokit();
  return new Octokit({ auth: { token: auth }, ...(io.env.GITHUB_API_URL ? { baseUrl: io.env.GITHUB_API_URL } : {}) });
}

/**
 * The login whose labels and reports count as the app's own: --as, else the token's own user. A workflow
 * token cannot ask GET /user; in a workflow it acts as github-actions[bot].
 */
export async function actingLogin(octokit: GitHub, io: CliIO, as: string | undefined): Promise<string> {
  if (as) return as;
  try {
    const { data } = await octokit.rest.users.getAuthenticated();
    return data.login;
  } catch (error) {
    if (statusOf(error) === 401) throw new CliError("GitHub refused the token (401 Bad credentials)");
    if (io.env.GITHUB_ACTIONS === "true") return "github-actions[bot]";
    throw new CliError("cannot tell which login the token acts as: pass --as LOGIN (e.g. throughline[bot])");
  }
}

/** The strategy in force on the default branch, or a failure saying why there is none. */
export async function strategyInForce(
  octokit: GitHub,
  repo: RepoRef,
  io: CliIO,
): Promise<Extract<LoadedStrategy, { status: "ok" }>> {
  const loaded = await new StrategyFiles().load(octokit, repo);
  if (loaded.status === "missing")
    throw new CliError(`${repo.owner}/${repo.repo} has no strategy file on its default branch`);
  if (loaded.status === "invalid") {
    for (const error of loaded.errors) io.err(formatError(error));
    throw new CliError(`the strategy file of ${repo.owner}/${repo.repo} is not valid`);
  }
  return loaded;
}
