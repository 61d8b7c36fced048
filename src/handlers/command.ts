/**
 * issue_comment.created: `/strategy` commands (docs/contract.md §7) from people with triage access or more.
 * Every command is acknowledged with a reaction; a rejected one gets a short reply saying what is allowed.
 */
import type { Context } from "probot";
import { likelyId, parseCommand, validateIds, type Command } from "../classify/index.js";
import type { GitHub, RepoRef } from "../github/octokit.js";
import { react, reply } from "../github/replies.js";
import type { LoadedStrategy } from "../github/strategy-file.js";
import { renderCommandHelp, renderExplainReply, type CommandRejection } from "../render/index.js";
import { inert } from "../text/inert.js";
import type { Strategy } from "../strategy/schema.js";
import type { Deps } from "./deps.js";
import { notInForceNow } from "./in-force.js";
import { syncItem } from "./sync-item.js";
import { monthOf } from "../tally/index.js";

export async function handleCommand(context: Context<"issue_comment.created">, deps: Deps): Promise<void> {
  const { comment, issue } = context.payload;
  const command = parseCommand(comment.body ?? "");
  if (!command) return;
  const repo = context.repo();
  const octokit = context.octokit;
  const loaded = await deps.strategies.load(octokit, repo);
  if (loaded.status !== "ok") {
    // Nothing to act on, but the person should know why rather than hear nothing.
    await react(octokit, repo, comment.id, "confused");
    return reply(octokit, repo, issue.number, noStrategyReply(loaded));
  }
  const strategy = loaded.strategy;
  const rejected = (why: CommandRejection) => rejectCommand(octokit, repo, issue.number, comment.id, strategy, why);
  if (!(await deps.permissions.canCommand(octokit, repo, comment.user?.login ?? "")))
    return rejected({ kind: "permission" });
  if (command.kind === "invalid") return rejected({ kind: "syntax", text: command.reason });
  const thisMonth = monthOf(deps.now(), strategy.settings.report.timezone);
  if (command.kind === "report" && command.month && command.month > thisMonth) {
    return rejected({
      kind: "syntax",
      text: `${command.month} has not begun yet; \`/strategy report\` takes this month or an earlier one`,
    });
  }
  const quiet = command.kind === "report" ? undefined : notInForceNow(strategy, deps.now());
  if (quiet) {
    await react(octokit, repo, comment.id, "confused");
    return reply(octokit, repo, issue.number, `Nothing was changed: ${quiet}, so items are not labelled.`);
  }
  const choice = choiceOf(strategy, command);
  if (choice && "unknown" in choice) {
    return rejected({
      kind: "unknown-id",
      ids: choice.unknown,
      meant: choice.unknown.map((id) => likelyId(strategy, id)),
    });
  }
  await react(octokit, repo, comment.id, "+1");
  if (command.kind === "report") {
    const posted = await deps.report?.({ octokit, repo, month: command.month ?? thisMonth, strategy: loaded });
    if (posted?.url) await reply(octokit, repo, issue.number, `${posted.title}: ${posted.url}`);
    return;
  }
  const chosen = choice && "ids" in choice ? choice.ids : undefined;
  const decision = await syncItem(octokit, repo, issue, deps, { command: chosen, loaded });
  if (command.kind === "explain" && decision)
    await reply(octokit, repo, issue.number, renderExplainReply(strategy, decision));
}

function noStrategyReply(loaded: Exclude<LoadedStrategy, { status: "ok" }>): string {
  if (loaded.status === "missing") {
    return "Nothing was changed: this repository has no strategy file yet (`strategy.yml` or `.github/strategy.yml` on the default branch), so there are no problems to serve.";
  }
  return `Nothing was changed: the strategy file on the default branch (${inert(loaded.file, 200)}) is invalid. The \`Strategy file\` check on its latest commit lists every error.`;
}

function choiceOf(
  strategy: Strategy,
  command: Command,
): { ids: string[] | "none" } | { unknown: string[] } | undefined {
  if (command.kind === "none") return { ids: "none" };
  if (command.kind !== "serve") return undefined;
  const { known, unknown } = validateIds(strategy, command.ids);
  return unknown.length > 0 ? { unknown } : { ids: known };
}

async function rejectCommand(
  octokit: GitHub,
  repo: RepoRef,
  number: number,
  commentId: number,
  strategy: Strategy,
  why: CommandRejection,
) {
  await react(octokit, repo, commentId, "confused");
  await reply(octokit, repo, number, renderCommandHelp(strategy, why));
}
