/**
 * Hostile strategy files, through the app: each is refused with an error located in the file (in the
 * `Strategy file` check, annotated at its line) or, when valid, matched in linear time. Never a crash,
 * a hang, or a changed prototype. (The reader's own limits and the plain fuzz run are in test/strategy;
 * the fuzz run over the whole pipeline is fuzz.test.ts here.)
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { example } from "../fixtures/payloads.js";
import { assertNoPendingMocks, setupNock } from "../fixtures/probot.js";
import { STRATEGY } from "../fixtures/strategies.js";
import { RepoFake } from "../fixtures/github-fake/one-repo.js";
import { issueEvent, pullRequestEvent, testProbot } from "./helpers.js";

function pushOfStrategy() {
  const payload = example("push", undefined, (p) => p.ref.startsWith("refs/heads/"));
  payload.ref = `refs/heads/${payload.repository.default_branch}`;
  payload.installation = { id: 1 };
  payload.commits = [{ ...payload.commits[0], added: [], removed: [], modified: ["strategy.yml"] }];
  payload.head_commit = { ...payload.commits[0] };
  return { id: `push-${Math.random()}`, name: "push", payload } as any;
}

function aliasBomb(): string {
  const lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"];
  for (let i = 1; i < 9; i++)
    lines.push(
      `a${i}: &a${i} [${Array(10)
        .fill(`*a${i - 1}`)
        .join(", ")}]`,
    );
  return lines.join("\n");
}

// A function replacer: a pattern such as `(a+)+$'` would otherwise be read as a `$'` substitution.
const withPattern = (pattern: string) =>
  STRATEGY.replace("patterns: ['^fix(\\(.+\\))?:']", () => `patterns: ['${pattern}']`);
const MEGABYTE = `version: 1\nname: "${"x".repeat(1024 * 1024)}"\n`;

describe("a hostile strategy file pushed to the default branch", () => {
  beforeEach(setupNock);
  afterEach(assertNoPendingMocks);

  it.each([
    [
      "malformed YAML",
      "version: 1\nproblems:\n  - id: a\n    title: [unclosed\n",
      4,
      /the `\[` on line 4 is never closed with `\]`/,
    ],
    ["an alias bomb", aliasBomb(), 3, /more than 100 aliases/],
    ["10,000 nested sequences", `version: 1\nproblems: ${"[".repeat(10_000)}`, 2, /nests deeper than 64 levels/],
    [
      "200 nested mappings",
      `version: 1\nproblems:\n${Array.from({ length: 200 }, (_, i) => `${" ".repeat(i + 2)}a:`).join("\n")}`,
      66,
      /nests deeper/,
    ],
    ["a 1 MB file (sent without content, as GitHub does)", MEGABYTE, 1, /limited to 256 KiB/],
    ["a 300 KiB file", `version: 1\nname: "${"x".repeat(300 * 1024)}"\n`, 1, /limited to 256 KiB/],
    ["an invalid regular expression", withPattern("(unclosed"), 12, /not a valid RE2 regular expression/],
    ["a backtracking-only construct", withPattern("(?<=x)y"), 12, /not a valid RE2 regular expression/],
    ["a `__proto__` key", `${STRATEGY}__proto__: { polluted: true }\n`, 21, /unknown key `__proto__`/],
    [
      "a `constructor.prototype` key",
      `${STRATEGY}constructor: { prototype: { polluted: true } }\n`,
      21,
      /unknown key `constructor`/,
    ],
    ["two documents", `${STRATEGY}---\nversion: 1\n`, 21, /more than one YAML document/],
  ])("%s: a failing check, annotated at the line of the error", async (_what, text, line, message) => {
    const probot = testProbot();
    const fake = new RepoFake({ strategy: text }).serve();
    await probot.receive(pushOfStrategy());
    const [check] = fake.checks;
    expect(check).toMatchObject({ name: "Strategy file", conclusion: "failure" });
    const annotations = check!.output.annotations as { path: string; start_line: number; message: string }[];
    expect(annotations[0]).toMatchObject({
      path: "strategy.yml",
      start_line: line,
      message: expect.stringMatching(message),
    });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty("polluted");
  });

  it("a broken file in force: issues keep their labels (nothing is written) until it is fixed", async () => {
    const probot = testProbot();
    const fake = new RepoFake({ strategy: aliasBomb() }).serve();
    await probot.receive(issueEvent("opened"));
    expect(fake.writes()).toEqual([]);
    fake.strategy = STRATEGY;
    await probot.receive(pushOfStrategy());
    await probot.receive(issueEvent("edited"));
    expect(fake.item(1).labels).toEqual(["strategy: reliability"]);
  });
});

describe("patterns that would backtrack catastrophically elsewhere", () => {
  beforeEach(setupNock);
  afterEach(assertNoPendingMocks);

  // RE2 matches in time linear in the text: these complete on 100,000 characters (a backtracking engine
  // would not finish `(a+)+$` on 30).
  it.each([
    ["(a+)+$", "100,000 a's and a !", "a".repeat(100_000) + "!", false],
    ["(a+)+$", "100,000 a's", "a".repeat(100_000), true],
    ["^(\\w+\\s?)*$", "20,000 words and a !", `${"word ".repeat(20_000)}!`, false],
    ["(.*a){20}", "100,000 a's", "a".repeat(100_000), true],
    ["(x+x+)+y", "100,000 x's", "x".repeat(100_000), false],
  ])("%s on a title of %s completes", async (pattern, _title, title, matches) => {
    const probot = testProbot();
    const fake = new RepoFake({ strategy: withPattern(pattern.replace(/'/g, "''")) }).serve();
    await probot.receive(issueEvent("opened", { title, body: "" }));
    expect(fake.item(1).labels).toEqual(matches ? ["strategy: reliability"] : []);
  });

  it("a glob with many wildcards in one segment, on a 100,000-character file name, completes (globs run as RE2)", async () => {
    const probot = testProbot();
    const strategy = STRATEGY.replace('paths: ["infra/**"]', () => 'paths: ["*a*a*a*a*a*a*a*b"]');
    const fake = new RepoFake({ strategy }).serve();
    fake.item(2).files = ["a".repeat(100_000), `${"a".repeat(100_000)}b`];
    await probot.receive(pullRequestEvent("opened", { title: "Docs", body: "" }));
    expect(fake.item(2).labels).toEqual(["strategy: reliability"]);
  });

  it("a 100,000-character title and a 65,536-character body on a pull request: matched, and quoted cut short", async () => {
    const probot = testProbot();
    const fake = new RepoFake({ strategy: withPattern("(a+)+$") }).serve();
    fake.item(2).files = ["docs/readme.md"];
    await probot.receive(
      pullRequestEvent("opened", { title: "a".repeat(100_000), body: `${"x".repeat(65_530)} spend` }),
    );
    expect(fake.item(2).labels).toEqual(["strategy: reliability", "strategy: costs"]);
    const [comment] = fake.commentsOn(2);
    expect(comment!.body.length).toBeLessThan(65_536);
  });
});
