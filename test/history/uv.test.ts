/**
 * Two real months of merged pull requests (astral-sh/uv, May and June 2026, with a made-up strategy that
 * names its problems mostly by paths), reported with no strategy label on any of them, equal the same
 * months with each pull request labelled as the app's handler decides it live.
 */
import nock from "nock";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { planLabels } from "../../src/handlers/labelling.js";
import { publishReport } from "../../src/handlers/report.js";
import { parseDataComment } from "../../src/tally/index.js";
import { RepoFake } from "../fixtures/github-fake/one-repo.js";
import { assertNoPendingMocks, setupNock, testOctokit } from "../fixtures/probot.js";
import { addUvPulls, UV_STRATEGY, uvPulls, uvStrategy } from "../fixtures/uv/uv.js";

const strategy = uvStrategy();

function month(key: string, labelled: Map<number, string[]> | undefined): RepoFake {
  const fake = new RepoFake({ strategy: UV_STRATEGY }).serve();
  addUvPulls(fake, uvPulls(key), labelled);
  return fake;
}

async function report(fake: RepoFake, key: string) {
  const result = await publishReport({
    octokit: testOctokit(),
    owner: fake.repository.owner,
    repo: fake.repository.name,
    month: key,
    loaded: { strategy, commit: null },
    botLogin: "throughline[bot]",
    post: false,
    now: new Date("2026-08-01T00:00:00Z"),
  });
  return parseDataComment(result.body)!;
}

/** Each pull request labelled as the handler plans it when it is opened (nothing removed, no commands). */
async function liveLabels(key: string): Promise<Map<number, string[]>> {
  const out = new Map<number, string[]>();
  for (const p of uvPulls(key)) {
    const item = {
      kind: "pull_request" as const,
      number: p.number,
      title: p.title,
      body: p.body ?? "",
      labels: [],
      author: p.author,
      milestone: null,
      branch: p.headRefName || `pr-${p.number}`,
      files: p.files,
      filesComplete: true,
      closes: [],
    };
    const plan = await planLabels({
      strategy,
      item,
      history: { labels: [], comments: [] },
      fresh: true,
      mayCommand: async () => false,
    });
    out.set(p.number, plan.add);
  }
  return out;
}

describe("real months of uv, unlabelled and labelled live", () => {
  beforeEach(setupNock);
  afterEach(() => {
    nock.cleanAll();
    assertNoPendingMocks();
  });

  it.each(["2026-05", "2026-06"])("%s: the same figures, within the request budget", async (key) => {
    const unlabelled = month(key, undefined);
    const judged = await report(unlabelled, key);
    const n = judged.merged;
    const facts = unlabelled.github.log.filter(
      (r) => r.operation === "PullFacts" || r.operation === "PullFilesPages",
    ).length;
    const large = uvPulls(key).filter((p) => p.files.length > 100).length;
    expect(facts).toBeLessThanOrEqual(Math.ceil(n / 50) + large);
    expect(
      unlabelled.github.log.filter((r) => r.path !== "/app" && !r.path.endsWith("/access_tokens")).length,
    ).toBeLessThanOrEqual(Math.ceil(n / 100) + Math.ceil(n / 50) + 15 + large);
    nock.cleanAll();
    setupNock();

    const live = month(key, await liveLabels(key));
    const reported = await report(live, key);
    expect(JSON.stringify(reported, null, 1)).toBe(JSON.stringify(judged, null, 1));
    // Judged on paths, the work is far from all unaligned.
    expect(judged.unaligned.share).toBeLessThan(0.5);
  });
});
