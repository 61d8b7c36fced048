/**
 * `throughline backfill`: label the issues and pull requests updated since a date, as the app would have.
 * A dry run by default. Safe to stop and run again: items whose labels are already right cost no writes.
 */
import { LabelCache } from "../github/labels.js";
import { statusOf } from "../github/octokit.js";
import { PermissionCache } from "../github/permissions.js";
import { applyLabels } from "../handlers/apply-labels.js";
import type { LabelPlan } from "../handlers/labelling.js";
import { createProjectCache, syncProjectField, type ProjectOutcome } from "../handlers/project-sync.js";
import { listUpdatedItems, type BackfillItem } from "./backfill-items.js";
import { planItem } from "./backfill-plan.js";
import { parseArguments, printable, repoValue, stringValue } from "./args.js";
import { actingLogin, githubClient, strategyInForce } from "./github.js";
import { CliError, UsageError, type CliIO } from "./io.js";
import { createProgress } from "./progress.js";

export const summary = "label existing issues and pull requests (dry run unless --apply)";

export const help = `Usage: throughline backfill --repo OWNER/NAME --since DATE [--apply]

Classifies every issue and pull request updated since DATE with the strategy in force and
prints the label changes it would make. With --apply it makes them. Items whose labels are
already right are left alone, so an interrupted run can simply be started again. With
settings.project, each item on that Project also gets its field (default Problem) set, as
the app sets it: a value a person chose is left alone. Requests
are paced to stay within GitHub's rate limits (queries and writes about one a second), and
the time left is shown as it goes.

Labels are written as the token's user. Run it with the identity the app runs as (for the
Action, the workflow's token in a workflow), or pass --as with the app's login, so that the
app treats these labels as its own; labels written by a person are an explicit choice that
the app never overrides.

Options:
  --repo OWNER/NAME   the repository (default: GITHUB_REPOSITORY)
  --since DATE        YYYY-MM-DD or an ISO timestamp (required)
  --apply             write the changes (default: only print them)
  --as LOGIN          the login whose labels count as the app's own (default: the token's)
  --token TOKEN       a GitHub token (default: GITHUB_TOKEN); GITHUB_API_URL is respected
  -h, --help          show this help`;

const OPTIONS = {
  repo: { type: "string" },
  since: { type: "string" },
  apply: { type: "boolean" },
  as: { type: "string" },
  token: { type: "string" },
} as const;

export async function backfill(argv: string[], io: CliIO): Promise<number> {
  const args = parseArguments(argv, OPTIONS, help, io);
  if (!args) return 0;
  const repo = repoValue(args, io);
  const since = sinceValue(stringValue(args, "since"));
  const apply = args.values.apply === true;
  // 1. The client, the identity labels are judged by, and the strategy in force.
  const octokit = githubClient(io, stringValue(args, "token"));
  const login = await actingLogin(octokit, io, stringValue(args, "as"));
  const { strategy } = await strategyInForce(octokit, repo, io);
  // 2. What was updated since the date.
  if (io.tty) io.draw(`listing items updated since ${since.toISOString()}…`);
  const items = await listUpdatedItems(
    octokit,
    repo,
    since,
    (n) => io.tty && io.draw(`\r\u001b[2Klisting items updated since ${since.toISOString()}… ${n}`),
  );
  if (io.tty) io.draw("\r\u001b[2K");
  io.err(`${items.length} issues and pull requests in ${repo.owner}/${repo.repo} updated since ${since.toISOString()}`);
  // 3. Decide each one and, with --apply, write only what changes.
  const verb = apply ? "changed" : "to change";
  const progress = createProgress(io, verb);
  const counts = { done: 0, total: items.length, changed: 0, failed: 0 };
  const [permissions, labels] = [new PermissionCache(), new LabelCache()];
  progress.update(counts);
  const projects = createProjectCache();
  let projectSaid = false;
  for (const item of items) {
    try {
      const plan = await planItem(permissions, octokit, repo, strategy, item, login);
      const labelsChange = plan.add.length > 0 || plan.remove.length > 0;
      if (labelsChange && apply) await applyLabels(labels, octokit, repo, item.number, strategy, plan);
      // The Project field, as the app sets it (nothing without settings.project).
      const project = await syncProjectField(octokit, {
        repo,
        number: item.number,
        strategy,
        decision: plan.decision,
        login,
        cache: projects,
        write: apply,
      });
      if ((project.status === "unreachable" || project.status === "failed") && !projectSaid) {
        projectSaid = true;
        progress.print(
          `Project ${strategy.settings.project?.url}: ${project.reason}; labels go on, the Project is left alone`,
        );
      }
      if (labelsChange || project.status === "set") {
        counts.changed += 1;
        progress.print(describeChange(item, plan, project, strategy.settings.project?.field));
      }
    } catch (error) {
      if (statusOf(error) === 401) throw new CliError("GitHub refused the token (401 Bad credentials)");
      counts.failed += 1;
      progress.print(`#${item.number}: failed: ${error instanceof Error ? error.message : String(error)}`);
    }
    counts.done += 1;
    progress.update(counts);
  }
  progress.finish();
  const unchanged = counts.done - counts.changed - counts.failed;
  const tail = apply ? "" : counts.changed > 0 ? " (dry run: nothing written; pass --apply to write)" : "";
  io.err(
    `${counts.done} items: ${counts.changed} ${verb}, ${unchanged} already right${counts.failed > 0 ? `, ${counts.failed} failed` : ""}${tail}`,
  );
  return counts.failed > 0 ? 1 : 0;
}

function sinceValue(value: string | undefined): Date {
  if (!value) throw new UsageError("--since DATE is required (YYYY-MM-DD or an ISO timestamp)");
  const iso = /^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T00:00:00Z` : value;
  const date = new Date(iso);
  if (!/^\d{4}-\d{2}-\d{2}/.test(value) || Number.isNaN(date.getTime()))
    throw new UsageError(`--since must be YYYY-MM-DD or an ISO timestamp, not "${value}"`);
  return date;
}

/** `#12 issue "Checkout outage": +"strategy: reliability" -"strategy: costs" Problem="Reliability"` */
function describeChange(item: BackfillItem, plan: LabelPlan, project: ProjectOutcome, field = "Problem"): string {
  const kind = item.kind === "issue" ? "issue" : "pull request";
  const value = project.status === "set" ? [`${printable(field)}="${printable(project.value)}"`] : [];
  const changes = [...plan.add.map((l) => `+"${l}"`), ...plan.remove.map((l) => `-"${l}"`), ...value].join(" ");
  return `#${item.number} ${kind} "${printable(item.issue.title)}": ${changes}`;
}
