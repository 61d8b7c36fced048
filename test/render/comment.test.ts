import { describe, expect, it } from "vitest";
import type { Decision } from "../../src/classify/types.js";
import { PROGRESS_MARKER, renderComment } from "../../src/render/index.js";
import { calmMonth, month, served, strategy, unaligned } from "./fixtures.js";
import { normalise } from "./helpers.js";

const oct = { title: "October 2026" };

describe("renderComment", () => {
  it("says the month so far is counted by labels, and how many merged pull requests carry none yet", () => {
    const body = renderComment({ strategy: strategy(), decision: served, month: oct, tally: calmMonth, unlabelled: 3 });
    expect(body).toContain(
      "Counted by strategy labels: 3 merged pull requests of the month carry none yet and count as unaligned here; the monthly report judges them as the app would have live.",
    );
    expect(
      renderComment({ strategy: strategy(), decision: served, month: oct, tally: calmMonth, unlabelled: 0 }),
    ).toContain("Counted by strategy labels.\n");
  });

  it("says what it serves and why on one line, the month so far and the reasons folded", () => {
    const body = renderComment({ strategy: strategy(), decision: served, month: oct, tally: calmMonth });
    expect(body.startsWith(`${PROGRESS_MARKER}\n`)).toBe(true);
    expect(body.split("\n")[1]).toBe(
      "This pull request serves **Reliability** (“outage” in the title, changes infra/main.tf (+2 more)) and **Hosting costs** (changes terraform/db.tf).",
    );
    expect(body).not.toContain("⚠️");
    expect(normalise(body)).toMatchSnapshot();
  });

  it("says when a pull request serves no problem, with the unaligned row in bold", () => {
    const body = renderComment({ strategy: strategy(), decision: unaligned, month: oct, tally: calmMonth });
    expect(body).toContain("serves **no problem** of the strategy: no rule in the strategy matched it.");
    expect(body).toContain("| **Unaligned** | 4 | 35% | — |");
    expect(normalise(body)).toMatchSnapshot();
  });

  it("marks drift and an unaligned alert, one line each", () => {
    const body = renderComment({ strategy: strategy(), decision: served, month: oct, tally: month });
    expect(body).toContain("| **Hosting costs** | 1 | 2.5% ⚠️ | 20% |");
    expect(body).toContain("- ⚠️ Hosting costs: 2.5% of merged work against 20% intended (17.5 points under).");
    expect(body).toContain("- ⚠️ 55% of merged work serves no problem (alert at 40%).");
    expect(body).not.toContain("| **Reliability** | 9 | 42.5% ⚠️");
    expect(normalise(body)).toMatchSnapshot();
  });

  it("does not call exactly the drift threshold drift, whatever the float arithmetic", () => {
    // 0.55 - 0.40 is 0.15000000000000002 in floating point: still exactly 15 points.
    const edge = {
      merged: 20,
      problems: { reliability: { merged: 11, share: 0.55 }, costs: { merged: 4, share: 0.2 } },
      unaligned: { merged: 5, share: 0.25 },
    };
    const body = renderComment({ strategy: strategy(), decision: served, month: oct, tally: edge });
    expect(body).not.toContain("⚠️");
  });

  it("takes the caller's drift when given", () => {
    const body = renderComment({
      strategy: strategy(),
      decision: served,
      month: oct,
      tally: month,
      drift: ["reliability"],
    });
    expect(body).toContain("42.5% ⚠️");
    expect(body).not.toContain("2.5% ⚠️ | 20%");
  });

  it("says only that the strategy is invalid, with the first errors and a link to the check", () => {
    const errors = Array.from(
      { length: 8 },
      (_, i) => `strategy.yml:${i + 3}:5 problems[${i}].title: expected a string`,
    );
    const body = renderComment({
      invalid: { file: "strategy.yml", errors },
      checkUrl: "https://github.com/acme/widgets/runs/7",
    });
    expect(
      body.startsWith(`${PROGRESS_MARKER}\n**The strategy file on the default branch (strategy.yml) is invalid**`),
    ).toBe(true);
    expect(body).toContain("[Strategy file](https://github.com/acme/widgets/runs/7)");
    expect(body).toContain("strategy.yml:7:5 problems\\[4\\].title");
    expect(body).not.toContain("problems\\[5\\]");
    expect(body).toContain("…and 3 more errors.");
    expect(body).not.toMatch(/\d+%/);
    expect(body).toMatchSnapshot();
  });

  it("names an explicit none and an ignored author", () => {
    const none: Decision = { problems: [], level: "explicit", reasons: [], notes: [], decidedBy: "command" };
    const body = renderComment({
      strategy: strategy(),
      decision: none,
      month: oct,
      tally: calmMonth,
      author: "Dependabot[bot]",
    });
    expect(body).toContain("set by a `/strategy none` command");
    expect(body).toContain("Dependabot\\[bot\\], is in `ignore_authors`");
  });

  it("says so when nothing has merged yet, without a table", () => {
    const empty = { merged: 0, problems: {}, unaligned: { merged: 0, share: 0 } };
    const body = renderComment({ strategy: strategy(), decision: served, month: oct, tally: empty });
    expect(body).toContain("**October 2026 so far**: no pull requests merged into the default branch yet.");
    expect(body).not.toContain("| Problem |");
  });

  it("lists the valid ids and how to change the mapping", () => {
    const body = renderComment({ strategy: strategy(), decision: served, month: oct, tally: calmMonth });
    expect(body).toContain("`Serves: <id>`");
    expect(body).toContain("`/strategy <id>`");
    expect(body).toContain("Ids: `reliability`, `costs`.");
  });

  it("notes approximate shares and caveats in the details", () => {
    const body = renderComment({
      strategy: strategy(),
      decision: served,
      month: oct,
      tally: { ...calmMonth, approximate: true },
    });
    const details = body.slice(body.indexOf("<details>"));
    expect(details).toContain("Note: paths judged on the first 3,000 files.");
    expect(details).toContain("approximate");
  });

  it("trims the details, never the summary, to stay under GitHub's limit", () => {
    const reasons = Array.from({ length: 5000 }, (_, i) => ({
      problem: "reliability",
      source: "paths" as const,
      detail: `infra/${"deep/".repeat(20)}file-${i}.tf`,
    }));
    const decision: Decision = { ...served, reasons };
    const body = renderComment({ strategy: strategy(), decision, month: oct, tally: month });
    expect(body.length).toBeLessThan(65_536);
    expect(body.split("\n")[1]).toContain("(changes infra/");
    expect(body.split("\n")[1]).toContain("+4998 more");
    expect(body).toContain("| Unaligned | 11 | 55% | — |");
    expect(body).toMatch(
      /- …and \d+ more left out to fit GitHub's size limit\.\n\nNot right\? [^\n]+\n\n<\/details>\n\n<!-- throughline:served \{"problems":\["reliability","costs"\]\} -->$/,
    );
  });
});

describe("the comment's explanations", () => {
  it("quote what matched in the item, and give a pattern's source only in the details, shortened", () => {
    const decision: Decision = {
      problems: ["reliability"],
      level: "rules",
      reasons: [
        {
          problem: "reliability",
          source: "patterns",
          detail: `^(fix|hotfix)(\\((api|db|cache|queue|worker)\\))?!?:${"x".repeat(100)}`,
          where: "title",
          matched: "fix(db):",
        },
        {
          problem: "reliability",
          source: "keywords",
          detail: "outage",
          where: "body",
          matched: "Outage",
          excerpt: "…after last week's Outage in eu-west we…",
        },
      ],
      notes: [],
    };
    const body = renderComment({ strategy: strategy(), decision, month: oct, tally: calmMonth });
    const [line] = body.split("\n").slice(1);
    expect(line).toBe(
      "This pull request serves **Reliability** (title “fix(db):”, “Outage” in the description: “…after last week's Outage in eu-west we…”).",
    );
    expect(line).not.toContain("^(fix");
    const details = body.slice(body.indexOf("<summary>Why"));
    expect(details).toContain(
      "- **Reliability**: title “fix(db):” (pattern “^(fix\\|hotfix)(\\\\((api\\|db\\|cache\\|queue\\|wor…”)",
    );
  });

  it("folds the month so far, with what drifts in its summary", () => {
    const body = renderComment({ strategy: strategy(), decision: served, month: oct, tally: month });
    expect(body).toContain(
      "<details><summary>October 2026 so far: 20 pull requests merged, 45% served the strategy · ⚠️ 1 problem off its intended share · ⚠️ unaligned work over the alert threshold</summary>",
    );
    // Before the fold: only the line saying what it serves.
    expect(body.slice(0, body.indexOf("<details>")).trim().split("\n")).toHaveLength(2);
  });
});
