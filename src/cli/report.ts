/** `throughline report`: render a month's report (dry run), or post it with --post. */
import { publishReport } from "../handlers/report.js";
import { ORG_REPO } from "../strategy/scope.js";
import { isMonthKey, monthOf } from "../tally/index.js";
import { parseArguments, repoValue, stringValue } from "./args.js";
import { actingLogin, githubClient, strategyInForce } from "./github.js";
import { UsageError, type CliIO } from "./io.js";

export const summary = "print a month's report, or post it with --post";

export const help = `Usage: throughline report (--repo OWNER/NAME | --org OWNER) [--month YYYY-MM] [--post]

Builds the monthly strategy-alignment report from GitHub and prints its Markdown. Nothing is
written unless --post is given; then the month's report Discussion (or issue) is created, or
updated if this login already wrote it.

With --org, the organisation report: the strategy in OWNER's .github repository, across every
repository that inherits or extends it (the token must be able to read them); it goes to the
.github repository, whose report it is.

Options:
  --repo OWNER/NAME   the repository (default: GITHUB_REPOSITORY)
  --org OWNER         the organisation (or user) whose .github repository holds the strategy
  --month YYYY-MM     the month (default: the current month in the strategy's time zone)
  --post              create or update the report on GitHub
  --as LOGIN          the login whose reports count as the app's own (default: the token's)
  --token TOKEN       a GitHub token (default: GITHUB_TOKEN); GITHUB_API_URL is respected
  -h, --help          show this help`;

const OPTIONS = {
  repo: { type: "string" },
  org: { type: "string" },
  month: { type: "string" },
  post: { type: "boolean" },
  as: { type: "string" },
  token: { type: "string" },
} as const;

export async function report(argv: string[], io: CliIO): Promise<number> {
  const args = parseArguments(argv, OPTIONS, help, io);
  if (!args) return 0;
  const org = stringValue(args, "org");
  if (org !== undefined && stringValue(args, "repo") !== undefined)
    throw new UsageError("give --repo or --org, not both");
  if (org !== undefined && !/^[A-Za-z0-9][A-Za-z0-9-]*$/.test(org))
    throw new UsageError(`--org must be an owner's login, not "${org}"`);
  // The organisation report is the owner's .github repository's report.
  const repo = org !== undefined ? { owner: org, repo: ORG_REPO } : repoValue(args, io);
  const month = stringValue(args, "month");
  if (month !== undefined && !isMonthKey(month)) throw new UsageError(`--month must be YYYY-MM, not "${month}"`);
  const octokit = githubClient(io, stringValue(args, "token"));
  const loaded = await strategyInForce(octokit, repo, io);
  const post = args.values.post === true;
  const botLogin = await actingLogin(octokit, io, stringValue(args, "as"));
  const now = io.now();
  const key = month ?? monthOf(now, loaded.strategy.settings.report.timezone);
  const result = await publishReport({ octokit, ...repo, month: key, loaded, botLogin, post, now });
  if (result.action === "dry-run") {
    io.out(result.body);
    io.err(`${result.title}: dry run, nothing posted (pass --post to post it)`);
  } else {
    io.out(`${result.title}: ${result.action}${result.url ? ` ${result.url}` : ""}`);
  }
  return 0;
}
