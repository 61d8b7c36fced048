/** The CLI run in-process: output captured line by line, a temporary working directory, GitHub answered by nock. */
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { ProbotOctokit } from "probot";
import { runCli } from "../../src/cli/run.js";
import type { CliIO } from "../../src/cli/io.js";

export interface Ran {
  code: number;
  out: string[];
  err: string[];
  drawn: string[];
  /** stdout as one text. */
  stdout: string;
}

/** A fresh working directory holding `files` (path → text). */
export function workdir(files: Record<string, string> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), "throughline-cli-"));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

export const NoRetryOctokit = ProbotOctokit.defaults((o: any) => ({
  ...o,
  retry: { enabled: false },
  throttle: { enabled: false },
}));

export async function cli(argv: string[], over: Partial<CliIO> = {}): Promise<Ran> {
  const out: string[] = [];
  const err: string[] = [];
  const drawn: string[] = [];
  let clock = Date.parse("2026-11-20T12:00:00Z");
  const io: CliIO = {
    out: (line) => out.push(line),
    err: (line) => err.push(line),
    draw: (text) => drawn.push(text),
    tty: false,
    env: { GITHUB_TOKEN: "ghp_cli" },
    cwd: workdir(),
    // Each reading of the clock is a second later, so progress has an elapsed time to estimate from.
    now: () => new Date((clock += 1000)),
    Octokit: NoRetryOctokit,
    ...over,
  };
  const code = await runCli(argv, io);
  return { code, out, err, drawn, stdout: out.join("\n") };
}
