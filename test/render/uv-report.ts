/**
 * A report over real work: June 2026 of astral-sh/uv (test/fixtures/uv), with May as the month before,
 * each pull request classified by the made-up uv strategy as the app would (title, body, paths), built
 * and rendered by the same pure code the app runs after reading GitHub.
 */
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { classify } from "../../src/classify/index.js";
import { renderReport } from "../../src/render/index.js";
import { parseStrategy } from "../../src/strategy/index.js";
import type { Strategy } from "../../src/strategy/schema.js";
import {
  buildReport,
  dataComment,
  monthPeriod,
  tallyItems,
  type ReportModel,
  type ShippedItem,
} from "../../src/tally/index.js";

export interface UvPull {
  number: number;
  title: string;
  body: string;
  author: string;
  mergedAt: string;
  headRefName: string;
  files: string[];
  additions: number;
  deletions: number;
  labels: string[];
}

const dir = join(dirname(fileURLToPath(import.meta.url)), "../fixtures/uv");
const read = (name: string) => readFileSync(join(dir, name), "utf8");

export function uvStrategy(measure: "pull_requests" | "author_weeks" = "pull_requests"): Strategy {
  const parsed = parseStrategy(read("uv-strategy.yml"), "strategy.yml");
  if (!parsed.ok) throw new Error("the uv strategy is invalid");
  parsed.strategy.settings.report.measure = measure;
  return parsed.strategy;
}

export const uvPulls = (key: string): UvPull[] => JSON.parse(read(`uv-${key}.json`)) as UvPull[];

function shipped(strategy: Strategy, pulls: UvPull[]): ShippedItem[] {
  return pulls.map((p) => {
    const { problems } = classify(strategy, {
      kind: "pull_request",
      number: p.number,
      title: p.title,
      body: p.body ?? "",
      labels: p.labels ?? [],
      author: p.author,
      milestone: null,
      branch: p.headRefName,
      files: p.files,
      filesComplete: true,
    });
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
