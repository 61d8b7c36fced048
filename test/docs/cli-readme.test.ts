/**
 * The README's command-line table says what each command's `--help` says: the same commands, and every
 * flag it shows exists, required or optional as the command has it.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { cli } from "../cli/helpers.js";

const readme = readFileSync(new URL("../../README.md", import.meta.url), "utf8");
const section = readme.slice(
  readme.indexOf("## Command line"),
  readme.indexOf("\n## ", readme.indexOf("## Command line") + 1),
);
/** Each row's synopsis, e.g. "throughline report --repo OWNER/NAME [--month YYYY-MM] [--post]". */
const rows = [...section.matchAll(/^\| `(throughline [^`]+)` \|/gm)].map((m) => m[1]);

/** Flags in a synopsis: those in brackets are optional, the others required. */
function flags(synopsis: string): { required: string[]; optional: string[] } {
  const optional = [...synopsis.matchAll(/\[[^\]]*?(--[\w-]+)[^\]]*\]/g)].map((m) => m[1]!);
  const all = [...synopsis.matchAll(/--[\w-]+/g)].map((m) => m[0]);
  return { required: all.filter((f) => !optional.includes(f)), optional };
}

async function helpOf(command: string): Promise<string> {
  const run = await cli([command, "--help"]);
  expect(run.code).toBe(0);
  return run.out.join("\n");
}

describe("the README's command line", () => {
  it("lists exactly the commands of `throughline --help`", async () => {
    const main = (await cli(["--help"])).out.join("\n");
    const commands = [...main.matchAll(/^ {2}(\w+) {2,}/gm)].map((m) => m[1]);
    expect(commands.length).toBeGreaterThanOrEqual(5);
    expect(rows.map((row) => row!.split(" ")[1])).toEqual(commands);
  });

  it("shows each command's flags as its --help has them, required or optional", async () => {
    for (const row of rows) {
      const command = row!.split(" ")[1];
      const help = await helpOf(command!);
      const usage = help.split("\n")[0]!.replace(/^Usage: /, "");
      const options = new Set([...help.matchAll(/^ {2}(--[\w-]+)/gm)].map((m) => m[1]));
      const requiredInHelp = new Set([
        ...flags(usage).required,
        ...[...help.matchAll(/^ {2}(--[\w-]+).*\(required\)/gm)].map((m) => m[1]),
      ]);
      const shown = flags(row!);
      for (const flag of [...shown.required, ...shown.optional])
        expect([command, flag, options.has(flag)]).toEqual([command, flag, true]);
      for (const flag of shown.required)
        expect([command, flag, "required"]).toEqual([
          command,
          flag,
          requiredInHelp.has(flag) ? "required" : "optional",
        ]);
      for (const flag of shown.optional)
        expect([command, flag, "optional"]).toEqual([
          command,
          flag,
          requiredInHelp.has(flag) ? "required" : "optional",
        ]);
      // Every required flag is in the README's row.
      for (const flag of requiredInHelp)
        expect([command, flag, shown.required.includes(flag!)]).toEqual([command, flag, true]);
    }
  });

  it("names the setup page's button as Probot shows it", () => {
    const page = readFileSync(new URL("../../node_modules/probot/lib/views/setup.js", import.meta.url), "utf8");
    expect(page).toContain("Register GitHub App");
    expect(readme).toContain("click **Register GitHub App**");
    expect(readme).not.toContain("Register a GitHub App");
  });
});
