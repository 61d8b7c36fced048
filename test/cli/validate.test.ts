import { describe, expect, it } from "vitest";
import { afterEach, beforeEach } from "vitest";
import { api, mockGraphQL } from "../fixtures/github.js";
import { assertNoPendingMocks, setupNock } from "../fixtures/probot.js";
import { projectStrategy } from "../fixtures/projects.js";
import { INVALID_STRATEGY, STRATEGY } from "../fixtures/strategies.js";
import { cli, workdir } from "./helpers.js";

const EXTENDING = `version: 1
extends: acme/.github
problems:
  - id: reliability
    match: { paths: ["services/**"] }
`;
const BASE = `version: 1
problems:
  - id: reliability
    title: Reliability
    match: { labels: [bug] }
`;

describe("throughline validate", () => {
  beforeEach(setupNock);
  afterEach(assertNoPendingMocks);

  it("prints a summary and exits 0 for a valid file", async () => {
    const run = await cli(["validate"], { cwd: workdir({ "strategy.yml": STRATEGY }) });
    expect(run.code).toBe(0);
    expect(run.out).toEqual([
      'strategy.yml is valid: "Platform strategy 2026", active, 2 problems.',
      '  reliability  label "strategy: reliability", share 40%, 2 labels, 2 keywords, 1 pattern, 1 path, 1 branch',
      '  costs        label "strategy: costs", share 20%, 2 keywords, 1 path',
      'Check warn; comment on; report in "Announcements" at "0 9 1 * *" (UTC).',
    ]);
  });

  it("names the Project and its field when settings.project is set", async () => {
    const run = await cli(["validate"], { cwd: workdir({ "strategy.yml": projectStrategy(STRATEGY) }) });
    expect(run.code).toBe(0);
    expect(run.out.at(-1)).toBe(
      'Project https://github.com/orgs/acme/projects/5: field "Problem" set to each item\'s problem.',
    );
  });

  it("prints each error as file:line:col path: message and exits 1", async () => {
    const run = await cli(["validate"], {
      cwd: workdir({ ".github/strategy.yml": `${INVALID_STRATEGY}    share: 120\n` }),
    });
    expect(run.code).toBe(1);
    expect(run.out).toEqual([
      '.github/strategy.yml:5:9 problems[1].id: "reliability" is used twice: on lines 3 and 5',
      ".github/strategy.yml:7:12 problems[1].share: must be at most 100, got 120",
    ]);
    expect(run.err).toEqual([".github/strategy.yml: 2 errors"]);
  });

  it("takes the file as an argument, with the path as given", async () => {
    const cwd = workdir({ "plans/next.yaml": "version: 2\nproblems: []\n" });
    const run = await cli(["validate", "plans/next.yaml"], { cwd });
    expect(run.code).toBe(1);
    expect(run.out.every((line) => line.startsWith("plans/next.yaml:"))).toBe(true);
    expect(run.out[0]).toMatch(/^plans\/next\.yaml:1:10 version: /);
  });

  it("checks the merged strategy with --extends", async () => {
    const cwd = workdir({ "strategy.yml": EXTENDING, "base.yml": BASE });
    const merged = await cli(["validate", "--extends", "base.yml"], { cwd });
    expect(merged.code).toBe(0);
    expect(merged.out[1]).toBe('  reliability  label "strategy: reliability", 1 label, 1 path');
  });

  it("offline, checks an extending file itself, says what it could not check, and exits 0", async () => {
    const cwd = workdir({ "strategy.yml": EXTENDING });
    const alone = await cli(["validate"], { cwd, env: {} });
    expect(alone.code).toBe(0);
    expect(alone.out).toEqual(["strategy.yml: its YAML, fields and ids are valid."]);
    expect(alone.err).toEqual([
      "strategy.yml: not checked: the strategy merged with what it extends (acme/.github); set GITHUB_TOKEN to read it from GitHub, or pass --extends FILE with a copy of it",
    ]);
  });

  it("offline with --strict, what could not be checked is an error", async () => {
    const strict = await cli(["validate", "--strict"], { cwd: workdir({ "strategy.yml": EXTENDING }), env: {} });
    expect(strict.code).toBe(1);
    expect(strict.err).toEqual([
      "strategy.yml: not checked: the strategy merged with what it extends (acme/.github); set GITHUB_TOKEN to read it from GitHub, or pass --extends FILE with a copy of it (--strict)",
    ]);
  });

  it("offline, still finds the extending file's own mistakes", async () => {
    const text = `${EXTENDING}  - id: reliability\n    mach: {}\n`;
    const run = await cli(["validate"], { cwd: workdir({ "strategy.yml": text }), env: {} });
    expect(run.code).toBe(1);
    expect(run.out).toEqual([
      'strategy.yml:6:9 problems[1].id: "reliability" is used twice: on lines 4 and 6',
      "strategy.yml:7:5 problems[1].mach: unknown key `mach` (did you mean `match`?)",
    ]);
  });

  it("with GITHUB_TOKEN, checks the strategy merged with the one read from GitHub", async () => {
    const content = Buffer.from(BASE).toString("base64");
    api()
      .get("/repos/acme/.github/contents/strategy.yml")
      .reply(200, { type: "file", path: "strategy.yml", sha: "b1", encoding: "base64", content });
    const run = await cli(["validate"], { cwd: workdir({ "strategy.yml": EXTENDING }) });
    expect(run.code).toBe(0);
    expect(run.out[0]).toBe("strategy.yml is valid: active, 1 problem.");
    expect(run.out[1]).toBe('  reliability  label "strategy: reliability", 1 label, 1 path');
    expect(run.out.at(-1)).toBe("Checked merged with acme/.github/strategy.yml, read from GitHub.");
  });

  it("with GITHUB_TOKEN, `extends: .github` reads the owner's from --repo, and fails when it has none", async () => {
    const scope = api();
    scope.get("/repos/acme/.github/contents/strategy.yml").reply(404, { message: "Not Found" });
    mockGraphQL(scope, "LocateStrategy", { data: { local: {}, org: null } });
    const cwd = workdir({ "strategy.yml": EXTENDING.replace("acme/.github", ".github") });
    const run = await cli(["validate", "--repo", "acme/app"], { cwd });
    expect(run.code).toBe(1);
    expect(run.out).toEqual(["strategy.yml:2:1 extends: acme/.github has no strategy file on its default branch"]);
    const unknownOwner = await cli(["validate"], { cwd });
    expect(unknownOwner.code).toBe(0);
    expect(unknownOwner.err[0]).toMatch(/pass --repo OWNER\/NAME to say whose \.github repository it is/);
  });

  it.each([
    [["validate"], 1, "no strategy file here"],
    [["validate", "missing.yml"], 1, "missing.yml: no such file"],
    [["validate", "a.yml", "b.yml"], 2, "unexpected argument: b.yml"],
    [["validate", "--strictly"], 2, "Unknown option '--strictly'"],
  ])("%j exits %i: %s", async (argv, code, message) => {
    const run = await cli(argv as string[]);
    expect(run.code).toBe(code);
    expect(run.err[0]).toContain(message);
  });

  it("prints its help with --help and exits 0", async () => {
    const run = await cli(["validate", "--help"]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^Usage: throughline validate \[FILE\]/);
  });
});
