/**
 * A report over real work: June 2026 of astral-sh/uv (test/fixtures/uv), with May as the month before,
 * each pull request judged by the made-up uv strategy as the app would (title, body, paths), built
 * and rendered by the same pure code the app runs after reading GitHub.
 */
import { judgeMerged } from "../../src/classify/index.js";
import { renderReport } from "../../src/render/index.js";
import type { Strategy } from "../../src/strategy/schema.js";
import {
  buildReport,
  dataComment,
  monthPeriod,
  tallyItems,
  type ReportModel,
  type ShippedItem,
} from "../../src/tally/index.js";
import { type UvPull, uvPulls, uvStrategy } from "../fixtures/uv/uv.js";

function shipped(strategy: Strategy, pulls: UvPull[]): ShippedItem[] {
  return pulls.map((p) => {
    const item = {
      kind: "pull_request" as const,
      number: p.number,
      title: p.title,
      body: p.body ?? "",
      labels: p.labels ?? [],
      author: p.author,
      milestone: null,
      branch: p.headRefName,
      files: p.files,
      filesComplete: true,
    };
    // The one decision, as a report makes it for a merged pull request (no timeline in this data).
    const problems = judgeMerged({
      strategy,
      item,
      history: { labels: [], comments: [] },
      mayCommand: () => false,
    }).served;
    return {
      number: p.number,
      title: p.title,
      url: `https://github.com/astral-sh/uv/pull/${p.number}`,
      author: p.author,
      mergedAt: p.mergedAt,
      labels: p.labels ?? [],
      problems,
      files: p.files,
      additions: p.additions,
      deletions: p.deletions,
    };
  });
}

export function uvReport(measure: "pull_requests" | "author_weeks" = "pull_requests"): {
  model: ReportModel;
  body: string;
  june: ShippedItem[];
} {
  const strategy = uvStrategy(measure);
  const may = shipped(strategy, uvPulls("2026-05"));
  const june = shipped(strategy, uvPulls("2026-06"));
  const period = monthPeriod("2026-06", "UTC");
  const model = buildReport({
    strategy,
    repo: "astral-sh/uv",
    period,
    commit: "0123456789abcdef0123456789abcdef01234567",
    tally: tallyItems(strategy, june),
    base: "main",
    searchRange: period.searchRange,
    previous: [{ key: "2026-05", tally: tallyItems(strategy, may) }],
    items: june,
  });
  return { model, body: renderReport(model, dataComment(model)).body, june };
}
