/** What a command may touch: its output streams, environment and clock, passed in so tests need no process. */
import type { ProbotOctokit } from "probot";

export interface CliIO {
  /** Results: one call per line. */
  out(line: string): void;
  /** Diagnostics and progress: one call per line. */
  err(line: string): void;
  /** Progress drawn in place on a terminal (no newline); only called when `tty` is true. */
  draw(text: string): void;
  /** Whether stderr is a terminal, so a progress bar can be drawn in place. */
  tty: boolean;
  env: Record<string, string | undefined>;
  cwd: string;
  now(): Date;
  /** The GitHub client class (tests turn retries off); ProbotOctokit by default. */
  Octokit?: typeof ProbotOctokit;
}

/** A failure to report in one line, exit code 1. */
export class CliError extends Error {
  readonly exitCode: number = 1;
}

/** The command was called wrongly: the message, a pointer to --help, exit code 2. */
export class UsageError extends CliError {
  override readonly exitCode = 2;
}

export function processIO(): CliIO {
  return {
    out: (line) => process.stdout.write(`${line}\n`),
    err: (line) => process.stderr.write(`${line}\n`),
    draw: (text) => process.stderr.write(text),
    tty: Boolean(process.stderr.isTTY),
    env: process.env,
    cwd: process.cwd(),
    now: () => new Date(),
  };
}
