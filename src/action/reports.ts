/**
 * `schedule` and `workflow_dispatch`: post the previous month's report if it is not there yet (a run
 * that was skipped or failed catches up), then refresh the current month's. Both are attempted even if
 * one fails; any failure fails the run.
 *
 * The previous month's report is brought up to date even when it is already there: it was last
 * written while that month was still running (as the then current month), and only now can its figures
 * be final. An unchanged report is not written again.
 */
import type { GitHub, RepoRef } from "../github/octokit.js";
import type { StrategyFiles } from "../github/strategy-file.js";
import type { Published, publishReport } from "../handlers/report.js";
import { formatError } from "../strategy/errors.js";
import { inForceDuring } from "../strategy/in-force.js";
import { monthOf, monthPeriod, previousMonth } from "../tally/index.js";
import { ACTION_ORG_NOTE, actionScope } from "./organisation.js";
import type { Annotator } from "./workflow-commands.js";

export interface ReportRun {
  octokit: GitHub;
  /** The app state's strategy files. */
  strategies: StrategyFiles;
  repo: RepoRef;
  now: Date;
  botLogin: string;
  publish: typeof publishReport;
  say: Annotator;
  /** Opens the setup issue (once per repository, ever) when there is no strategy. */
  setUp?: () => Promise<void>;
}

/** Returns the number of reports that could not be written. */
export async function postMonthlyReports(run: ReportRun): Promise<number> {
  const { octokit, repo, now, say } = run;
  const loaded = await run.strategies.load(octokit, repo);
  if (loaded.status === "missing") {
    await run.setUp?.();
    say.notice(
      `${repo.owner}/${repo.repo} has no strategy file (strategy.yml or .github/strategy.yml): no report to post.`,
    );
    return 0;
  }
  if (loaded.status === "invalid") {
    say.error(`${loaded.file} is not valid, so no report was posted:\n${loaded.errors.map(formatError).join("\n")}`);
    return 1;
  }
  const current = monthOf(now, loaded.strategy.settings.report.timezone);
  const scope = actionScope(repo.repo);
  if (scope.notice) say.notice(ACTION_ORG_NOTE);
  let failures = 0;
  for (const month of [previousMonth(current), current]) {
    const period = monthPeriod(month, loaded.strategy.settings.report.timezone);
    if (!inForceDuring(loaded.strategy, period.from, period.to)) {
      say.notice(`The strategy was not in force in ${period.title} (draft, retired or outside its dates): no report.`);
      continue;
    }
    try {
      const done = await run.publish({
        octokit,
        ...repo,
        month,
        loaded,
        botLogin: run.botLogin,
        post: true,
        now,
        ...scope,
      });
      say.info(describe(done));
    } catch (error) {
      failures += 1;
      say.error(
        `The report for ${month} could not be written: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
  }
  return failures;
}

const VERBS: Record<Published["action"], string> = {
  created: "posted",
  updated: "updated",
  unchanged: "already up to date",
  "dry-run": "rendered (not posted)",
  skipped: "already posted",
};

function describe(done: Published): string {
  return `${done.title}: ${VERBS[done.action]}${done.url ? ` (${done.url})` : ""}`;
}
