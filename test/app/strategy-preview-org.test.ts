/**
 * What a change to the organisation's strategy would do (docs/contract.md §6 and §10): a pull request in
 * the owner's `.github` repository that changes its strategy previews last month over the repositories in
 * scope, each pull request judged by its repository's strategy under both versions, with the same figures
 * as the organisation report made under each version, within the organisation report's budget.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { publishReport } from "../../src/handlers/report.js";
import { parseStrategy } from "../../src/strategy/index.js";
import { parseDataComment } from "../../src/tally/index.js";
import { merged, organisation, ORG_STRATEGY } from "../fixtures/organisation.js";
import { assertNoPendingMocks, setupNock, testOctokit, testProbot } from "../fixtures/probot.js";
import { pullRequestEvent } from "../fixtures/pull-requests.js";

/** "css" now serves reliability, "refactor" costs: web#23 and api#12 move. */
const NEW_ORG = ORG_STRATEGY.replace("keywords: [outage]", "keywords: [outage, css]").replace(
  "keywords: [cost]",
  "keywords: [cost, refactor]",
);
const SHA = "d".repeat(40);

let stop: (() => void) | undefined;

function changeInHome() {
  const event = pullRequestEvent("synchronize", { number: 5, title: "Strategy: more keywords", body: "" });
  event.payload.pull_request.head.sha = SHA;
  event.payload.repository = {
    ...event.payload.repository,
    name: ".github",
    full_name: "acme/.github",
    default_branch: "main",
    owner: { ...event.payload.repository.owner, login: "acme" },
  };
  return event;
}

async function orgData(text: string) {
  const parsed = parseStrategy(text, "strategy.yml");
  if (!parsed.ok) throw new Error("invalid");
  const result = await publishReport({
    octokit: testOctokit(),
    owner: "acme",
    repo: ".github",
    month: "2026-10",
    loaded: {
      strategy: parsed.strategy,
      commit: null,
      source: { owner: "acme", repo: ".github", path: "strategy.yml", text },
    },
    botLogin: "throughline[bot]",
    post: false,
    now: new Date("2026-11-20T12:00:00Z"),
  });
  return parseDataComment(result.body)!;
}

describe("a change to the organisation's strategy", () => {
  beforeEach(setupNock);
  afterEach(() => {
    stop?.();
    stop = undefined;
    assertNoPendingMocks();
  });

  it("previews last month over the repositories in scope, as the organisation report under each version counts it", async () => {
    const org = organisation();
    const { gh, home } = org;
    gh.item(home, 5, { title: "Strategy: more keywords", files: ["strategy.yml"], headSha: SHA });
    home.filesAt.set(SHA, new Map([["strategy.yml", NEW_ORG]]));
    stop = gh.intercept();
    await testProbot().receive(changeInHome());
    expect(gh.problems).toEqual([]);
    const runs = home.checkRuns.filter((c) => c.name === "Strategy file" && c.headSha === SHA);
    expect(runs).toHaveLength(1);
    const summary = runs[0]?.summary ?? "";
    expect(summary.split("\n")[0]).toBe(
      "Last month under this change: Reliability 27.8% → 38.9%, Hosting costs 38.9% → 50%, unaligned 33.3% → 11.1% (2 pull requests change).",
    );
    expect(summary).toContain("October 2026 in 3 repositories of acme:");
    expect(summary).toMatch(/api#12\]\([^)]+\) Refactor handlers: unaligned → Hosting costs/);
    expect(summary).toMatch(/web#23\]\([^)]+\) Tweak css: unaligned → Reliability/);
    // Within the organisation report's budget: ⌈N/100⌉ + ⌈R/100⌉ + 20, plus the facts (⌈N/50⌉).
    const n = 9;
    const r = 8;
    const sent = gh.log.filter((q) => q.path !== "/app" && !q.path.endsWith("/access_tokens"));
    expect(sent.length).toBeLessThanOrEqual(Math.ceil(n / 100) + Math.ceil(r / 100) + 20 + Math.ceil(n / 50));
    expect(sent.filter((q) => q.operation === "PreviewPulls")).toHaveLength(1);
    // Nothing written but the check (and the pull request's own labelling and comment, in .github).
    const writes = sent.filter((q) => q.method !== "GET" && !(q.path === "/graphql" && !q.mutation));
    expect(writes.filter((w) => !w.path.startsWith("/repos/acme/.github/"))).toEqual([]);
    expect(writes.filter((w) => /\/issues\/(?!5\b)\d+/.test(w.path))).toEqual([]);

    // The organisation report under each version: the same figures.
    const before = await orgData(ORG_STRATEGY);
    const after = await orgData(NEW_ORG);
    const row = (title: string) => summary.split("\n").find((l) => l.startsWith(`| ${title} |`))!;
    const pct = (share: number) => `${Math.round(share * 1000) / 10}%`;
    for (const [id, title] of [
      ["reliability", "Reliability"],
      ["costs", "Hosting costs"],
    ] as const) {
      const cells = row(title)
        .split("|")
        .map((c) => c.trim());
      const [was, will] = [before.problems[id], after.problems[id]];
      if (!was || !will) throw new Error(`${id} is missing from a report`);
      expect(cells.slice(2, 6)).toEqual([String(was.merged), String(will.merged), pct(was.share), pct(will.share)]);
    }
    const unaligned = row("Unaligned")
      .split("|")
      .map((c) => c.trim());
    expect(unaligned.slice(2, 6)).toEqual([
      String(before.unaligned.merged),
      String(after.unaligned.merged),
      pct(before.unaligned.share),
      pct(after.unaligned.share),
    ]);
    expect(before.merged).toBe(9);
    expect(after.merged).toBe(9);
  });

  it("searches a repository that only the proposed version brings into scope, and counts its work", async () => {
    const org = organisation();
    const { gh, home } = org;
    // shop extends the organisation's strategy with a problem only the proposed version defines.
    const shop = gh.addRepository({
      owner: "acme",
      name: "shop",
      files: {
        "strategy.yml": "extends: .github\nversion: 1\nproblems:\n  - id: security\n    match: { keywords: [token] }\n",
      },
    });
    gh.item(shop, 50, merged("Rotate token", "2026-10-15T10:00:00Z"));
    const proposed = `${NEW_ORG}  - id: security\n    title: Security\n`;
    gh.item(home, 5, { title: "Strategy: more keywords", files: ["strategy.yml"], headSha: SHA });
    home.filesAt.set(SHA, new Map([["strategy.yml", proposed]]));
    stop = gh.intercept();
    await testProbot().receive(changeInHome());
    expect(gh.problems).toEqual([]);
    const summary = home.checkRuns.find((c) => c.name === "Strategy file" && c.headSha === SHA)?.summary ?? "";
    expect(summary).toContain("one repository moves in or out of the organisation's scope");
    const searches = gh.log.filter((q) => q.operation === "PreviewPulls").map((q) => JSON.stringify(q.variables));
    expect(searches.length).toBeGreaterThan(0);
    expect(searches.join(" ")).not.toContain("-repo:acme/shop");
    expect(summary).toMatch(/shop#50\]\([^)]+\) Rotate token: not counted → Security/);
    // Judged over the repositories in scope under either version; shop is not among those left out.
    expect(summary).toContain("October 2026 in 4 repositories of acme:");
    const leftOut = summary.split("\n\n").find((p) => p.startsWith("Left out")) ?? "";
    expect(leftOut).toContain("mobile");
    expect(leftOut).not.toContain("shop");
  });

  it("with a token that reads only .github (the Action's), previews .github's own work and says so", async () => {
    const org = organisation();
    const { gh, home } = org;
    gh.item(home, 5, { title: "Strategy: more keywords", files: ["strategy.yml"], headSha: SHA });
    home.filesAt.set(SHA, new Map([["strategy.yml", NEW_ORG]]));
    stop = gh.intercept();
    await testProbot({ readsOrganisation: false }).receive(changeInHome());
    expect(gh.problems).toEqual([]);
    const summary = home.checkRuns.find((c) => c.name === "Strategy file" && c.headSha === SHA)?.summary ?? "";
    // .github#1, the outage runbook, is its one merged pull request of October: nothing changes.
    expect(summary.split("\n")[0]).toBe(
      "Last month under this change: no change, the 1 merged pull request of October 2026 serves the same problems.",
    );
    expect(summary).toContain("This preview covers the .github repository's own pull requests only");
    expect(gh.log.filter((q) => q.operation === "OrgRepositories")).toEqual([]);
  });
});
