/** Argument parsing shared by the commands: node:util's parseArgs, `--help` everywhere, usage errors that say what is wrong. */
import { parseArgs, type ParseArgsConfig } from "node:util";
import { UsageError, type CliIO } from "./io.js";

export type Options = NonNullable<ParseArgsConfig["options"]>;

export interface Parsed {
  values: Record<string, string | boolean | string[] | undefined>;
  positionals: string[];
}

/** Parsed arguments, or undefined when --help was asked for (and printed). */
export function parseArguments(
  argv: string[],
  options: Options,
  help: string,
  io: CliIO,
  maxPositionals = 0,
): Parsed | undefined {
  let parsed: Parsed;
  try {
    parsed = parseArgs({
      args: argv,
      options: { ...options, help: { type: "boolean", short: "h" } },
      allowPositionals: true,
      strict: true,
    });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  if (parsed.values.help) {
    io.out(help);
    return undefined;
  }
  if (parsed.positionals.length > maxPositionals)
    throw new UsageError(`unexpected argument: ${parsed.positionals[maxPositionals]}`);
  return parsed;
}

export function stringValue(parsed: Parsed, name: string): string | undefined {
  const value = parsed.values[name];
  return typeof value === "string" ? value : undefined;
}

export function listValue(parsed: Parsed, name: string): string[] {
  const value = parsed.values[name];
  return Array.isArray(value) ? value : [];
}

/** `--repo OWNER/NAME`, or the workflow's GITHUB_REPOSITORY when run in a workflow. */
export function repoValue(parsed: Parsed, io: CliIO): { owner: string; repo: string } {
  const value = stringValue(parsed, "repo") ?? io.env.GITHUB_REPOSITORY;
  if (!value) throw new UsageError("--repo OWNER/NAME is required");
  const match = /^([A-Za-z0-9][A-Za-z0-9-]*)\/([A-Za-z0-9._-]+)$/.exec(value);
  if (!match) throw new UsageError(`--repo must be OWNER/NAME, not "${value}"`);
  return { owner: match[1]!, repo: match[2]! };
}

/** Text from GitHub shown on a terminal: control characters could move the cursor or recolour it. */
export function printable(text: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what it removes
  return text.replace(/[\u0000-\u001f\u007f-\u009f]/g, " ");
}
