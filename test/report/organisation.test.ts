import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { example } from "../fixtures/payloads.js";
import { assertNoPendingMocks, setupNock, testProbot } from "../fixtures/probot.js";
import { parseDataComment } from "../../src/tally/index.js";
import { merged, organisation, organisationHome, ORG_STRATEGY, type Organisation } from "../fixtures/organisation.js";

const HOME = "/repos/acme/.github";
let stop: (() => void) | undefined;

/** `/strategy report 2026-10` commented in acme/.github by a person with write access. */
function reportCommand(body = "/strategy report 2026-10") {
  const payload = example("issue_comment", "created");
  payload.installation = { id: 1 };
  payload.sender = { login: "octocat", type: "User" };
  payload.comment.body = body;
  payload.comment.user.login = "octocat";
  payload.repository = {
    ...payload.repository,
    name: ".github",
    full_name: "acme/.github",
    owner: { ...payload.repository.owner, login: "acme" },
  };
  return { id: `delivery-${Math.random()}`, name: "issue_comment", payload } as any;
}

/** The command's side: octocat may write, the comment exists, the strategy file's commit comes from REST. */
async function run({ gh, home }: Organisation) {
  home.roles.octocat = "write";
  home.branchTarget = false;
  home.history.set("strategy.yml", [
    { oid: "c".repeat(40), committedDate: "2026-09-01T10:00:00Z", message: "Strategy", text: ORG_STRATEGY },
  ]);
  gh.comment(home, 1, "/strategy report 2026-10", "octocat", 492700400);
  stop = gh.intercept();
  await testProbot().receive(reportCommand());
  expect(gh.problems).toEqual([]);
  expect(gh.count({ method: "POST", path: `${HOME}/issues/comments/492700400/reactions` })).toBe(1);
  const replies = home
    .item(1)
    .comments.filter((c) => c.author === gh.appLogin)
    .map((c) => c.body);
  expect(home.discussions).toHaveLength(1);
  const report = home.discussions[0]!;
  // GitHub's GraphQL requests: what the report reads and writes.
  const log = gh.requests({ path: "/graphql" }).map((r) => ({ operation: r.operation, variables: r.variables ?? {} }));
  return { log, replies, report, data: parseDataComment(report.body)! };
}

/** ⌈N/100⌉ + ⌈R/100⌉ + 20 */
const budget = (n: number, r: number) => Math.ceil(n / 100) + Math.ceil(r / 100) + 20;

describe("the organisation report", () => {
  beforeEach(setupNock);
  afterEach(() => {
    stop?.();
    assertNoPendingMocks();
  });

  it("covers .github, inheriting and extending repositories, each judged by its own strategy, and names those left out", async () => {
    const org = organisation();
    const { log, replies, report, data } = await run(org);

    if (process.env.PRINT_ORG) (await import("node:fs")).writeFileSync(process.env.PRINT_ORG, report.body);
    expect(report.title).toBe("Strategy alignment: October 2026");
    expect(replies).toEqual([
      expect.stringMatching(
        /^Strategy alignment: October 2026: https:\/\/github\.com\/acme\/\.github\/discussions\/\d+$/,
      ),
    ]);
    // .github#1 and web#21 by the organisation's keywords, web#20 by web's own label rule; api#13 went to
    // another branch, api#15 after the month, web#24 is by an author web ignores; mobile has its own
    // strategy, old is archived, api-fork a fork, secret unreadable.
    expect(data).toMatchObject({
      scope: "organisation",
      period: { from: "2026-10-01", to: "2026-10-31", timezone: "UTC" },
      merged: 9,
      problems: {
        reliability: { merged: 3, share: 2.5 / 9, plan: { done: 3, total: 5 } },
        costs: { merged: 4, share: 3.5 / 9 },
      },
      unaligned: { merged: 3, share: 3 / 9 },
      repositories: {
        ".github": { merged: 1, problems: { reliability: 1, costs: 0 }, unaligned: 0 },
        api: { merged: 4, problems: { reliability: 2, costs: 2 }, unaligned: 1 },
        web: { merged: 4, problems: { reliability: 0, costs: 2 }, unaligned: 2 },
      },
    });
    expect(Object.keys(data.repositories!)).toEqual([".github", "api", "web"]);
    expect(data.problems.reliability!.metrics).toEqual([
      { name: "Sev-1 incidents", baseline: 6, current: 2, target: 1, progress: 0.8 },
    ]);

    // Content beyond a repository report.
    expect(report.body).toContain("### Shipped work by repository");
    expect(report.body).toMatch(/\| api \| inherits \| 4 \| 37\.5% \| 37\.5% \| 25% \|/);
    expect(report.body).toMatch(/\| web \| extends \| 4 \| 0% \| 50% \| 50% \|/);
    expect(report.body).toContain("- **Reliability**: api (2, 66.7%) and .github (1, 33.3%)");
    expect(report.body).toContain(
      "### Most unaligned work\n\n- web (2 pull requests, 50% of its work)\n- api (1 pull request, 25% of its work)",
    );
    expect(report.body).toContain("- mobile: has a strategy of its own (strategy.yml)");
    expect(report.body).toContain("- secret: could not be read (Resource not accessible by integration)");
    expect(report.body).not.toMatch(/\bold\b|api-fork/);
    expect(report.body).toContain("[api#10](https://github.com/acme/api/pull/10)");

    // Searches span the scope: the owner, not archived, less the repositories left out.
    const scope = "org:acme archived:false -repo:acme/mobile -repo:acme/secret";
    const searches = log.filter((r) => r.operation === "MergedPulls").map((r) => r.variables.q0);
    expect(searches).toEqual([`${scope} is:pr is:merged merged:2026-10-01..2026-10-31 sort:created-asc`]);
    const counts = log.filter((r) => r.operation === "SearchCounts").flatMap((r) => Object.values(r.variables));
    expect(counts).toContain(`${scope} is:issue label:sev1 created:2026-10-01..2026-10-31`);
    expect(counts).toContain(
      `${scope} is:issue is:closed reason:completed closed:2026-10-01..2026-10-31 label:"strategy: reliability"`,
    );
    expect(log.length).toBeLessThanOrEqual(budget(14, 7));
  });

  it("counts 1,500 pull requests over 12 repositories exactly, within its budget", async () => {
    const org = organisationHome();
    const services = Array.from({ length: 11 }, (_, i) =>
      org.gh.addRepository({ owner: "acme", name: `service-${i}` }),
    );
    const want: Record<string, { merged: number; reliability: number; costs: number; unaligned: number }> = {};
    const start = Date.parse("2026-10-01T00:00:00Z");
    const span = 31 * 86_400_000;
    for (let i = 0; i < 1500; i++) {
      const repository = i % 12 === 0 ? org.home : services[(i % 12) - 1]!;
      const repo = repository.name;
      const kind = i % 4; // 0 reliability (label), 1 costs (label), 2 both, 3 outage in the title (rules) or nothing
      const labels =
        kind === 0
          ? ["strategy: reliability"]
          : kind === 1
            ? ["strategy: costs"]
            : kind === 2
              ? ["strategy: reliability", "strategy: costs"]
              : [];
      const title = kind === 3 && i % 8 === 3 ? `Fix outage ${i}` : `Change ${i}`;
      org.gh.item(
        repository,
        1000 + i,
        merged(title, new Date(start + Math.floor((i * span) / 1500)).toISOString(), { labels }),
      );
      const w = (want[repo] ??= { merged: 0, reliability: 0, costs: 0, unaligned: 0 });
      w.merged += 1;
      if (kind === 0 || kind === 2 || title.includes("outage")) w.reliability += 1;
      if (kind === 1 || kind === 2) w.costs += 1;
      if (kind === 3 && !title.includes("outage")) w.unaligned += 1;
    }
    const { log, data } = await run(org);

    expect(data.merged).toBe(1500);
    const sum = (k: "reliability" | "costs" | "unaligned") => Object.values(want).reduce((s, w) => s + w[k], 0);
    expect(data.problems.reliability!.merged).toBe(sum("reliability"));
    expect(data.problems.costs!.merged).toBe(sum("costs"));
    expect(data.unaligned.merged).toBe(sum("unaligned"));
    expect(data.problems.reliability!.share + data.problems.costs!.share + data.unaligned.share).toBeCloseTo(1, 10);
    expect(data.repositories).toEqual(
      Object.fromEntries(
        Object.entries(want)
          .sort(([a], [b]) => a.localeCompare(b))
          .map(([name, w]) => [
            name,
            { merged: w.merged, problems: { reliability: w.reliability, costs: w.costs }, unaligned: w.unaligned },
          ]),
      ),
    );
    // No search window read past GitHub's 1,000 results; the whole within ⌈N/100⌉ + ⌈R/100⌉ + 20.
    const reads = log
      .filter((r) => r.operation === "MergedPulls")
      .flatMap((r) =>
        Object.keys(r.variables)
          .filter((k) => k.startsWith("q"))
          .map((k) => Number(r.variables[`after${k.slice(1)}`] ?? 0) + r.variables[`n${k.slice(1)}`]),
      );
    expect(Math.max(...reads)).toBeLessThanOrEqual(1000);
    expect(log.length).toBeLessThanOrEqual(budget(1500, 12));
  });
});
