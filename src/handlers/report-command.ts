/** `/strategy report [YYYY-MM]`: post or refresh that month's report now (default: the current month). */
import { monthOf } from "../tally/index.js";
import type { Deps, ReportRequest } from "./deps.js";
import { publishReport } from "./report.js";

export function reportOnCommand(deps: Pick<Deps, "identity" | "now">) {
  return async ({ octokit, repo, month, strategy }: ReportRequest) => {
    const now = deps.now();
    return publishReport({
      octokit,
      ...repo,
      month: month ?? monthOf(now, strategy.strategy.settings.report.timezone),
      loaded: strategy,
      botLogin: (await deps.identity()).login,
      post: true,
      now,
    });
  };
}
