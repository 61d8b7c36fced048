/**
 * Merged pull requests as reports, the organisation report, the CLI and previews count them (spec
 * section 3, "The same answer, live or later"). One with a strategy label is what its labels say. One
 * without gets the answer it would have had live: its facts are read in bulk (github/pull-facts.ts), the
 * authors of its `/strategy` commands are asked about once per report, and it is judged by the same code
 * the webhook handler runs (`judgeWithHistory`, then `judge`).
 */
import { carriesAnswer, judgeMerged, problemsOfLabels, type Decision, type WorkItem } from "../classify/index.js";
import type { MergedPull } from "../github/merged-pulls.js";
import type { GitHub, RepoRef } from "../github/octokit.js";
import { PermissionCache } from "../github/permissions.js";
import { readPullFacts, type FactsCounter, type PullFacts } from "../github/pull-facts.js";
import type { Strategy } from "../strategy/schema.js";
import { judgeWithHistory } from "./labelling.js";
import { zip } from "../text/zip.js";

export interface JudgedPull {
  pull: MergedPull;
  /** The problems it serves, as a report counts it. */
  problems: string[];
  /** True when it carried no answer (no strategy label, no record of the app's) and was judged now. */
  judgedNow: boolean;
  /** True when its files or timeline could not be read in full: judged on what is known. */
  incomplete: boolean;
  decision?: Decision;
}

export interface MergedJudgeStats {
  /** Pull requests without a strategy label, judged now. */
  judgedNow: number;
  /** Of those without a label, the ones whose "none" the app recorded when it judged them live. */
  recorded: number;
  /** Pull requests whose files or timeline could not be read in full. */
  incomplete: number[];
  /** Requests the facts took (follow-up pages of files included; earlier comment pages are not). */
  requests: number;
  /** Distinct command authors GitHub was asked about. */
  permissionLookups: number;
}

export interface MergedJudge {
  /**
   * The pulls judged, in the order given. Those without a strategy label have their facts read, 50 a
   * request: pass batches of 50 of them to keep requests to ⌈U/50⌉.
   */
  judge(pulls: readonly MergedPull[]): Promise<JudgedPull[]>;
  readonly stats: MergedJudgeStats;
}

export interface MergedJudgeOptions {
  octokit: GitHub;
  /** The repository; a pull request naming its own (`pull.repo`, an organisation search) is of the same owner. */
  repo: RepoRef;
  /** The rules to judge by (a preview passes another file's). */
  strategy: Strategy;
  /** The rules for one pull request when they differ by repository (the organisation report). */
  strategyOf?: (pull: MergedPull) => Strategy;
  /** The app's own login: its label events and its comment's record are its own. */
  botLogin: string;
  /** Who may give commands in a repository; by default GitHub is asked as the live handler asks. */
  mayCommand?: (repo: RepoRef, login: string) => Promise<boolean>;
}

/** The work item a merged pull request is, before its facts are added. */
export function mergedItem(pull: MergedPull, facts?: PullFacts): WorkItem {
  const { number, title, body, labels, author, milestone, branch } = pull;
  return {
    kind: "pull_request",
    number,
    title,
    body,
    labels,
    author,
    milestone,
    branch,
    ...(facts ? { files: facts.files, filesComplete: facts.filesComplete, closes: facts.closes } : {}),
  };
}

export function mergedJudge(o: MergedJudgeOptions): MergedJudge {
  const stats: MergedJudgeStats = { judgedNow: 0, recorded: 0, incomplete: [], requests: 0, permissionLookups: 0 };
  const counter: FactsCounter = { requests: 0 };
  // Asked once per repository and login for the whole report: the number of lookups is at most the
  // number of distinct people who wrote a `/strategy` command on the month's unlabelled pull requests.
  const asked = new Map<string, Promise<boolean>>();
  const permissions = new PermissionCache();
  const ask = o.mayCommand ?? ((repo: RepoRef, login: string) => permissions.canCommand(o.octokit, repo, login));
  const mayCommandIn =
    (repo: RepoRef) =>
    (login: string): Promise<boolean> => {
      const key = `${repo.owner}/${repo.repo}/${login}`.toLowerCase();
      let answer = asked.get(key);
      if (!answer) {
        stats.permissionLookups += 1;
        answer = ask(repo, login);
        asked.set(key, answer);
      }
      return answer;
    };
  const repoOf = (pull: MergedPull): RepoRef => (pull.repo ? { owner: o.repo.owner, repo: pull.repo } : o.repo);
  const strategyOf = o.strategyOf ?? (() => o.strategy);

  async function judge(pulls: readonly MergedPull[]): Promise<JudgedPull[]> {
    const unlabelled = pulls.filter((p) => !carriesAnswer(strategyOf(p), p.labels));
    const facts = new Map<MergedPull, PullFacts>();
    if (unlabelled.length > 0) {
      const read = await readPullFacts(
        o.octokit,
        unlabelled.map((p) => ({ ...repoOf(p), number: p.number })),
        o.botLogin,
        counter,
      );
      stats.requests = counter.requests;
      for (const [p, f] of zip(unlabelled, read)) facts.set(p, f);
    }
    const out: JudgedPull[] = [];
    for (const pull of pulls) {
      const f = facts.get(pull);
      if (!f) {
        out.push({
          pull,
          problems: problemsOfLabels(strategyOf(pull), pull.labels),
          judgedNow: false,
          incomplete: false,
        });
        continue;
      }
      out.push(await judgeOne(pull, f));
    }
    return out;
  }

  async function judgeOne(pull: MergedPull, f: PullFacts): Promise<JudgedPull> {
    const strategy = strategyOf(pull);
    const item = mergedItem(pull, f);
    if (!f.complete) stats.incomplete.push(pull.number);
    const quick = judgeMerged({ strategy, item, history: f.history, mayCommand: () => false });
    if (!quick.judgedNow) {
      stats.recorded += 1;
      return { pull, problems: quick.served, judgedNow: false, incomplete: !f.complete, decision: quick.decision };
    }
    stats.judgedNow += 1;
    const judged = await judgeWithHistory(strategy, item, f.history, mayCommandIn(repoOf(pull)));
    return { pull, problems: judged.served, judgedNow: true, incomplete: !f.complete, decision: judged.decision };
  }

  return { judge, stats };
}
