/** Strategy files on disk, for the commands that need no network: found where the app would look, read and parsed. */
import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { relative, resolve } from "node:path";
import { LOCAL_PATHS } from "../github/strategy-source.js";
import { extendsOf, parseStrategy, type Parsed } from "../strategy/index.js";
import { CliError, type CliIO } from "./io.js";

export interface LocalStrategy {
  /** The path shown in messages (relative to the working directory when inside it). */
  file: string;
  text: string;
  /** The `extends:` target, when the file has one. */
  extends: string | undefined;
  parsed: Parsed;
}

/** The file given, or the first of strategy.yml, strategy.yaml, .github/strategy.yml, .github/strategy.yaml. */
export function findStrategyFile(io: CliIO, given: string | undefined): string {
  if (given) return given;
  const found = LOCAL_PATHS.find((path) => existsSync(resolve(io.cwd, path)));
  if (!found) throw new CliError(`no strategy file here: looked for ${LOCAL_PATHS.join(", ")}`);
  return found;
}

async function readText(io: CliIO, path: string): Promise<string> {
  try {
    return await readFile(resolve(io.cwd, path), "utf8");
  } catch (error) {
    const code = (error as { code?: string }).code;
    throw new CliError(
      code === "ENOENT"
        ? `${path}: no such file`
        : `${path}: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
}

function shown(io: CliIO, path: string): string {
  const rel = relative(io.cwd, resolve(io.cwd, path));
  return rel && !rel.startsWith("..") ? rel : path;
}

/** Read and parse; `base` is a local copy of the strategy the file extends, if any. */
export async function readLocalStrategy(io: CliIO, path: string, base?: string): Promise<LocalStrategy> {
  const file = shown(io, path);
  const text = await readText(io, path);
  const baseSource = base ? { text: await readText(io, base), file: shown(io, base) } : undefined;
  return { file, text, extends: extendsOf(text), parsed: parseStrategy(text, file, baseSource) };
}
