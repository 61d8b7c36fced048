import nock from "nock";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { readPullFacts } from "../../src/github/pull-facts.js";
import { APP, testOctokit } from "../fixtures/probot.js";
import { reportRepository, type PullInit, type ReportRepository } from "../fixtures/report-repository.js";

let served: ReportRepository | undefined;
beforeEach(() => nock.disableNetConnect());
afterEach(() => {
  const problems = served?.gh.problems ?? [];
  served?.stop();
  served = undefined;
  nock.cleanAll();
  expect(problems).toEqual([]);
});

/** The repository on the fake GitHub; it must not be asked anything it does not model. */
function serve(pulls: PullInit[]) {
  served = reportRepository({ pulls });
  return served;
}

const pull = (number: number, over: Partial<PullInit> = {}): PullInit => ({
  number,
  title: `Change ${number}`,
  mergedAt: "2026-10-05T00:00:00Z",
  ...over,
});
const repoRef = { owner: "acme", repo: "platform" };

describe("the facts of merged pull requests, read in bulk", () => {
  it("reads 50 a request, and every file of the large ones in shared follow-up requests", async () => {
    const big = (n: number) => Array.from({ length: n }, (_, i) => `src/file-${i}.ts`);
    const pulls = Array.from({ length: 120 }, (_, i) => pull(i + 1, { files: [`docs/page-${i}.md`] }));
    pulls[9]!.files = big(140);
    pulls[10]!.files = big(250);
    pulls[70]!.files = big(101);
    pulls[11]!.closes = [{ number: 900, labels: ["strategy: costs", "bug"] }];
    pulls[12]!.timeline = [
      { kind: "labeled", label: "strategy: costs", actor: APP.login },
      { kind: "unlabeled", label: "strategy: costs", actor: "alice" },
      {
        kind: "comment",
        author: APP.login,
        body: '<!-- throughline:progress -->\nx\n\n<!-- throughline:served {"problems":[]} -->',
      },
      { kind: "comment", author: "bob", body: "/strategy none" },
    ];
    const repo = serve(pulls);
    const counter = { requests: 0 };
    const facts = await readPullFacts(
      testOctokit(),
      pulls.map((p) => ({ ...repoRef, number: p.number })),
      APP.login,
      counter,
    );

    expect(facts.map((f) => f.number)).toEqual(pulls.map((p) => p.number));
    expect(facts[9]!.files).toEqual(big(140));
    expect(facts[10]!.files).toEqual(big(250));
    expect(facts[70]!.files).toHaveLength(101);
    expect(facts.every((f) => f.complete && f.filesComplete)).toBe(true);
    expect(facts[11]!.closes).toEqual([{ number: 900, labels: ["strategy: costs", "bug"] }]);
    expect(facts[12]!.history.labels).toEqual([
      { label: "strategy: costs", action: "added", byApp: true },
      { label: "strategy: costs", action: "removed", byApp: false },
    ]);
    expect(facts[12]!.history.comments).toEqual([{ id: 4, author: "bob", body: "/strategy none" }]);
    expect(facts[12]!.history.recorded).toEqual([]);
    // ⌈120/50⌉ = 3 reads; follow-ups: batch 1 has two large ones (2 rounds: 250 files), batch 2 one (1 round).
    const log = repo.log;
    expect(log.filter((r) => r.operation === "PullFacts")).toHaveLength(3);
    expect(log.filter((r) => r.operation === "PullFilesPages")).toHaveLength(3);
    expect(counter.requests).toBe(6);
    expect(log.filter((r) => r.operation === "PullFacts").map((r) => Object.keys(r.variables).length / 3)).toEqual([
      50, 50, 20,
    ]);
  });

  it("keeps going when GitHub cannot answer for one pull request: it is marked incomplete, the others are whole", async () => {
    const pulls = [
      pull(1, { files: ["a.ts"] }),
      pull(2, { readError: "Something went wrong while executing your query." }),
      pull(3, { files: ["c.ts"] }),
    ];
    serve(pulls);
    const facts = await readPullFacts(
      testOctokit(),
      [1, 2, 3].map((number) => ({ ...repoRef, number })),
      APP.login,
    );
    expect(facts.map((f) => f.complete)).toEqual([true, false, true]);
    expect(facts[1]).toMatchObject({
      files: undefined,
      closes: [],
      problem: "Something went wrong while executing your query.",
    });
    expect(facts[2]!.files).toEqual(["c.ts"]);
  });

  it("keeps going when a whole request fails: its pull requests are judged on what is known", async () => {
    nock("https://api.github.com").post("/graphql").reply(502, { message: "Bad Gateway" });
    const facts = await readPullFacts(
      testOctokit(),
      [1, 2].map((number) => ({ ...repoRef, number })),
      APP.login,
    );
    expect(facts.map((f) => [f.number, f.complete, f.files])).toEqual([
      [1, false, undefined],
      [2, false, undefined],
    ]);
  });
});
