/**
 * Classifies many generated items with known answers: a compiled strategy must stay correct however many
 * items go through it (the cache, the shared regular expressions and their state included).
 */
import { describe, expect, it } from "vitest";
import { classify } from "../../src/classify/index.js";
import type { Decision, WorkItem } from "../../src/classify/types.js";
import { item, strategy } from "./strategy.js";

const s = strategy();
const N = 100_000;

/** Item i's shape follows i % 6; the expected decision is known by construction. */
function generate(i: number): { item: WorkItem; problems: string[]; level: Decision["level"] } {
  switch (i % 6) {
    case 0:
      return { item: item({ number: i, title: `Fix outage ${i}` }), problems: ["reliability"], level: "rules" };
    case 1:
      return { item: item({ number: i, title: `Cut outages ${i}` }), problems: [], level: "none" };
    case 2:
      return {
        item: item({ number: i, files: [`docs/${i}.md`, `terraform/${i}.tf`] }),
        problems: ["costs"],
        level: "rules",
      };
    case 3:
      return {
        item: item({ number: i, labels: ["dx"], body: `Serves: reliability costs` }),
        problems: ["reliability", "costs"],
        level: "explicit",
      };
    case 4:
      return {
        item: item({ number: i, closes: [{ number: i - 1, labels: ["strategy: dx"] }] }),
        problems: ["dx"],
        level: "linked",
      };
    default:
      return {
        item: item({ number: i, title: `fix(api): cost ${i}`, branch: `feature/${i}` }),
        problems: ["reliability", "costs"],
        level: "rules",
      };
  }
}

describe("classifying many items", () => {
  it(`gives the expected answer for each of ${N.toLocaleString("en-US")} items`, () => {
    const wrong: number[] = [];
    for (let i = 0; i < N; i++) {
      const { item, problems, level } = generate(i);
      const d = classify(s, item);
      if (d.level !== level || d.problems.join() !== problems.join()) wrong.push(i);
    }
    expect(wrong.slice(0, 10)).toEqual([]);
  });

  it("explains a sample of them in full", () => {
    const sample = [0, 1, 2, 3, 4, 5].map((k) => classify(s, generate(99_990 + k).item));
    expect(sample.map((d) => d.reasons.map((r) => `${r.problem} ${r.source} ${r.detail}`))).toEqual([
      ["reliability keywords outage"],
      [],
      ["costs paths terraform/99992.tf"],
      ["reliability serves Serves: reliability, costs", "costs serves Serves: reliability, costs"],
      ["dx linked #99993"],
      ["reliability patterns ^fix(\\(.+\\))?:", "costs keywords cost"],
    ]);
  });
});
