/**
 * The GitHub the several-process tests run against: installations of repositories with a strategy and
 * a month of merged pull requests, on the shared fake GitHub.
 */
import { lastDueMonth } from "../../src/schedule/due.js";
import { monthPeriod } from "../../src/tally/index.js";
import { FakeGitHub, type Repository } from "../fixtures/github-fake/index.js";
import { STRATEGY } from "../fixtures/strategies.js";

export const APP = { id: 1, slug: "throughline" };

/** The month whose report is due at `now` under the default schedule (09:00 UTC on the 1st). */
export function dueMonthAt(now: Date): string {
  const month = lastDueMonth("0 9 1 * *", "UTC", now);
  if (!month) throw new Error("the default schedule has fired before any test clock");
  return month;
}

/** `repositories` per installation, named `<account>/repo-<n>`, each with a few pull requests merged in the due month. */
export function monthlyWorld(
  installations: Record<string, number>,
  now: Date,
): { gh: FakeGitHub; repos: Repository[]; month: string } {
  const gh = new FakeGitHub({ app: APP, now });
  const month = dueMonthAt(now);
  const { start } = monthPeriod(month, "UTC");
  const repos: Repository[] = [];
  let id = 1;
  for (const [account, count] of Object.entries(installations)) {
    const own: Repository[] = [];
    for (let n = 1; n <= count; n += 1) {
      const repo = gh.addRepository({ owner: account, name: `repo-${n}`, files: { "strategy.yml": STRATEGY } });
      for (let pr = 1; pr <= 3; pr += 1) {
        const mergedAt = new Date(start.getTime() + (pr * 5 + n) * 24 * 60 * 60 * 1000 - 3600_000).toISOString();
        gh.item(repo, pr, {
          title: pr === 1 ? "fix: flaky outage in the scheduler" : `Work item ${pr}`,
          labels: pr === 1 ? ["bug"] : [],
          state: "closed",
          createdAt: mergedAt,
          closedAt: mergedAt,
          mergedAt,
        });
      }
      own.push(repo);
    }
    gh.install(id, account, own);
    repos.push(...own);
    id += 1;
  }
  return { gh, repos, month };
}

/** The app's reports in a repository: Discussions whose title names the month. */
export function reportsIn(repo: Repository): string[] {
  return repo.discussions.map((d) => d.title).filter((t) => t.startsWith("Strategy alignment"));
}
