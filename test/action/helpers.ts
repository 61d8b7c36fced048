/** A workflow run for tests: the event written to a real file, the GITHUB_* variables, GitHub answered by nock. */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ProbotOctokit } from "probot";
import { runAction, type RunOptions } from "../../src/action/run.js";
import { NOW } from "../fixtures/probot.js";

export const TOKEN = "ghs_workflowtoken";

/** Retries and throttling off, so a failing request fails at once (the function form is the one Probot keeps). */
export const NoRetryOctokit = ProbotOctokit.defaults((o: any) => ({
  ...o,
  retry: { enabled: false },
  throttle: { enabled: false },
}));

let run = 0;

export function writeEvent(payload: unknown): string {
  const dir = mkdtempSync(join(tmpdir(), "throughline-action-"));
  const path = join(dir, "event.json");
  writeFileSync(path, JSON.stringify(payload));
  return path;
}

/** The variables a runner sets for a step, with `github-token` given as the input. */
export function workflowEnv(
  eventName: string,
  payload: unknown,
  extra: Record<string, string> = {},
): Record<string, string> {
  run += 1;
  return {
    GITHUB_EVENT_NAME: eventName,
    GITHUB_EVENT_PATH: writeEvent(payload),
    "INPUT_GITHUB-TOKEN": TOKEN,
    GITHUB_REPOSITORY: "Codertocat/Hello-World",
    GITHUB_API_URL: "https://api.github.com",
    GITHUB_RUN_ID: String(1000 + run),
    GITHUB_RUN_ATTEMPT: "1",
    ...extra,
  };
}

/** Runs the Action entry; returns its exit code and the lines it wrote. */
export async function runWith(
  env: Record<string, string>,
  options: RunOptions = {},
): Promise<{ code: number; lines: string[] }> {
  const lines: string[] = [];
  const code = await runAction(env, {
    Octokit: NoRetryOctokit,
    logLevel: "fatal",
    now: () => NOW,
    write: (l) => lines.push(l),
    ...options,
  });
  return { code, lines };
}
