/**
 * A real month (astral-sh/uv, June 2026, with a made-up strategy that names its problems mostly by paths):
 * a pull request removing one of the strategy's rules previews the month, and its figures under each file
 * are the figures of the monthly report made under that file.
 */
import nock from "nock";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { publishReport } from "../../src/handlers/report.js";
import { parseDataComment } from "../../src/tally/index.js";
import { RepoFake } from "../fixtures/github-fake/one-repo.js";
import { assertNoPendingMocks, setupNock, testOctokit, testProbot } from "../fixtures/probot.js";
import { pullRequestEvent } from "../fixtures/pull-requests.js";
import { addUvPulls, strategyOf, UV_STRATEGY, uvPulls } from "../fixtures/uv/uv.js";

const IN_FORCE = UV_STRATEGY;
/** Supply chain no longer recognised by workflow paths. */
const RULE_REMOVED = IN_FORCE.replace(
  'paths: [".github/workflows/**", "crates/uv-audit/**"',
  'paths: ["crates/uv-audit/**"',
);
const SHA = "e".repeat(40);
const pulls = uvPulls("2026-06");

async function report(text: string) {
  const result = await publishReport({
    octokit: testOctokit(),
    owner: "Codertocat",
    repo: "Hello-World",
    month: "2026-06",
    loaded: { strategy: strategyOf(text), commit: null },
    botLogin: "throughline[bot]",
    post: false,
    now: new Date("2026-07-15T12:00:00Z"),
  });
  return parseDataComment(result.body)!;
}

describe("a real month of uv, previewed under a rule removed", () => {
  beforeEach(setupNock);
  afterEach(() => {
    nock.cleanAll();
    assertNoPendingMocks();
  });

  it("shows the figures the report makes under each file, within ⌈N/50⌉ + 10 requests plus one per large pull request", async () => {
    expect(RULE_REMOVED).not.toBe(IN_FORCE);
    const fake = new RepoFake({ strategy: IN_FORCE }).serve();
    addUvPulls(fake, pulls);
    const change = 99_999;
    fake.github.item(fake.repository, change, {
      title: "Strategy: workflows are not supply chain",
      files: ["strategy.yml"],
    });
    fake.strategyAt.set(SHA, RULE_REMOVED);
    const event = pullRequestEvent("synchronize", {
      number: change,
      title: "Strategy: workflows are not supply chain",
      body: "",
    });
    event.payload.pull_request.head.sha = SHA;
    event.payload.repository.default_branch = "main";

    await testProbot({ now: () => new Date("2026-07-15T12:00:00Z") }).receive(event);
    expect(fake.github.problems).toEqual([]);
    const [check] = fake.checks.filter((c) => c.name === "Strategy file");
    const summary = check?.output.summary ?? "";
    const n = pulls.length;
    const large = pulls.filter((p) => p.files.length > 100).length;
    const log = fake.github.log.filter((r) => r.path !== "/app" && !r.path.endsWith("/access_tokens"));
    expect(
      log.filter((r) => r.operation === "PreviewPulls" || r.operation === "PullFilesPages").length,
    ).toBeLessThanOrEqual(Math.ceil(n / 50) + large);
    expect(log.length).toBeLessThanOrEqual(Math.ceil(n / 50) + 10 + large);
    // Nothing written to the month's pull requests.
    expect(
      fake.writes().filter((w) => !w.path.includes("/check-runs") && !w.path.includes(`/issues/${change}/`)),
    ).toEqual([]);

    nock.cleanAll();
    setupNock();
    const reportFake = new RepoFake({ strategy: IN_FORCE }).serve();
    addUvPulls(reportFake, pulls);
    const before = await report(IN_FORCE);
    const after = await report(RULE_REMOVED);
    const pct = (share: number) => `${Math.round(share * 1000) / 10}%`;
    const cellsOf = (title: string) =>
      summary
        .split("\n")
        .find((l) => l.startsWith(`| ${title} |`))!
        .split("|")
        .map((c) => c.trim())
        .slice(2, 6);
    const figures = (data: typeof before, id: string) => {
      const f = data.problems[id];
      if (!f) throw new Error(`${id} is missing from a report`);
      return f;
    };
    for (const p of strategyOf(IN_FORCE).problems) {
      const [was, will] = [figures(before, p.id), figures(after, p.id)];
      expect(cellsOf(p.title), p.id).toEqual([
        String(was.merged),
        String(will.merged),
        pct(was.share),
        pct(will.share),
      ]);
    }
    expect(cellsOf("Unaligned")).toEqual([
      String(before.unaligned.merged),
      String(after.unaligned.merged),
      pct(before.unaligned.share),
      pct(after.unaligned.share),
    ]);
    // The rule mattered: supply chain loses work, and the first line says how much.
    const moved = figures(before, "supply-chain").merged - figures(after, "supply-chain").merged;
    expect(moved).toBeGreaterThan(0);
    const first = summary.split("\n")[0];
    expect(first).toMatch(/^Last month under this change: .*\(\d+ pull requests? changes?\)\.$/);
    expect(first).toContain(
      `Secure, reproducible releases ${pct(figures(before, "supply-chain").share)} → ${pct(figures(after, "supply-chain").share)}`,
    );
    if (process.env.PRINT_PREVIEW) (await import("node:fs")).writeFileSync(process.env.PRINT_PREVIEW, summary);
  });
});
