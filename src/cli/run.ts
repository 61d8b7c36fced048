/** `throughline <command>`: find the command, run it, and turn failures into a message and an exit code. */
import { createRequire } from "node:module";
import * as backfill from "./backfill.js";
import * as explain from "./explain.js";
import { CliError, type CliIO } from "./io.js";
import * as report from "./report.js";
import * as schema from "./schema.js";
import * as validate from "./validate.js";

type Run = (argv: string[], io: CliIO) => Promise<number>;

const COMMANDS: Record<string, { summary: string; help: string; run: Run }> = {
  validate: { summary: validate.summary, help: validate.help, run: validate.validate },
  schema: { summary: schema.summary, help: schema.help, run: schema.schema },
  explain: { summary: explain.summary, help: explain.help, run: explain.explain },
  report: { summary: report.summary, help: report.help, run: report.report },
  backfill: { summary: backfill.summary, help: backfill.help, run: backfill.backfill },
};

function usage(): string {
  const width = Math.max(...Object.keys(COMMANDS).map((n) => n.length));
  return [
    "Usage: throughline <command> [options]",
    "",
    "Commands:",
    ...Object.entries(COMMANDS).map(([name, c]) => `  ${name.padEnd(width)}  ${c.summary}`),
    "",
    "Run `throughline <command> --help` for a command's options.",
    "Commands that talk to GitHub read the token from GITHUB_TOKEN (or --token) and respect GITHUB_API_URL.",
  ].join("\n");
}

function version(): string {
  // src/cli and lib/cli are both two levels below the package root.
  const pkg = createRequire(import.meta.url)("../../package.json") as { version: string };
  return pkg.version;
}

export async function runCli(argv: string[], io: CliIO): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === "--help" || name === "-h" || name === "help") {
    const topic = name === "help" ? rest[0] : undefined;
    io.out(topic && COMMANDS[topic] ? COMMANDS[topic].help : usage());
    return 0;
  }
  if (name === "--version" || name === "-v") {
    io.out(version());
    return 0;
  }
  const command = COMMANDS[name];
  if (!command) {
    io.err(`throughline: unknown command "${name}"\n\n${usage()}`);
    return 2;
  }
  try {
    return await command.run(rest, io);
  } catch (error) {
    if (error instanceof CliError) {
      io.err(`throughline ${name}: ${error.message}`);
      if (error.exitCode === 2) io.err(`Run \`throughline ${name} --help\` for usage.`);
      return error.exitCode;
    }
    io.err(`throughline ${name}: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }
}
