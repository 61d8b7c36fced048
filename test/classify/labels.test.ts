import { describe, expect, it } from "vitest";
import {
  labelsInStep,
  personProblemIds,
  reconcileLabels,
  strategyLabels,
  type LabelEvent,
} from "../../src/classify/index.js";
import type { Decision } from "../../src/classify/types.js";
import { strategy } from "./strategy.js";

const s = strategy({ unaligned_label: "Unaligned" });
const serving = (...problems: string[]): Decision => ({
  problems,
  level: problems.length ? "rules" : "none",
  reasons: [],
  notes: [],
});
const app = (label: string, action: LabelEvent["action"] = "added"): LabelEvent => ({ label, action, byApp: true });
const person = (label: string, action: LabelEvent["action"] = "added"): LabelEvent => ({ label, action, byApp: false });

describe("strategyLabels", () => {
  it("lowercases every problem label and the unaligned label", () => {
    expect(strategyLabels(s)).toEqual(
      new Set(["strategy: reliability", "strategy: costs", "strategy: dx", "unaligned"]),
    );
    expect(strategyLabels(strategy()).has("unaligned")).toBe(false);
  });
});

describe("reconcileLabels", () => {
  const table: {
    name: string;
    decision: Decision;
    current: string[];
    history: LabelEvent[];
    add: string[];
    remove: string[];
  }[] = [
    {
      name: "adds the served labels",
      decision: serving("reliability", "costs"),
      current: ["bug"],
      history: [],
      add: ["strategy: reliability", "Strategy: Costs"],
      remove: [],
    },
    {
      name: "nothing when in step",
      decision: serving("costs"),
      current: ["strategy: costs"],
      history: [app("strategy: costs")],
      add: [],
      remove: [],
    },
    {
      name: "removes an app label no longer served",
      decision: serving("dx"),
      current: ["strategy: reliability"],
      history: [app("strategy: reliability")],
      add: ["strategy: dx"],
      remove: ["strategy: reliability"],
    },
    {
      name: "never removes a person's label",
      decision: serving("dx"),
      current: ["strategy: reliability", "strategy: dx"],
      history: [person("strategy: reliability"), app("strategy: dx")],
      add: [],
      remove: [],
    },
    {
      name: "unknown provenance counts as a person's",
      decision: serving("dx"),
      current: ["strategy: reliability", "strategy: dx"],
      history: [],
      add: [],
      remove: [],
    },
    {
      name: "a person re-adding an app label makes it theirs",
      decision: serving("costs"),
      current: ["strategy: dx"],
      history: [app("strategy: dx"), person("strategy: dx", "removed"), person("strategy: dx")],
      add: ["Strategy: Costs"],
      remove: [],
    },
    {
      name: "never re-adds a label a person removed",
      decision: serving("reliability"),
      current: [],
      history: [app("strategy: reliability"), person("strategy: reliability", "removed")],
      add: [],
      remove: [],
    },
    {
      name: "re-adds a label the app removed itself",
      decision: serving("reliability"),
      current: [],
      history: [app("strategy: reliability"), app("strategy: reliability", "removed")],
      add: ["strategy: reliability"],
      remove: [],
    },
    {
      name: "unaligned label when nothing is served",
      decision: serving(),
      current: ["strategy: dx"],
      history: [app("strategy: dx")],
      add: ["Unaligned"],
      remove: ["strategy: dx"],
    },
    {
      name: "unaligned label removed once something is served",
      decision: serving("dx"),
      current: ["unaligned"],
      history: [app("Unaligned")],
      add: ["strategy: dx"],
      remove: ["Unaligned"],
    },
    {
      name: "person's unaligned label stays",
      decision: serving("dx"),
      current: ["Unaligned"],
      history: [person("Unaligned")],
      add: ["strategy: dx"],
      remove: [],
    },
    {
      name: "case differences: present in another case is present",
      decision: serving("costs"),
      current: ["STRATEGY: COSTS"],
      history: [],
      add: [],
      remove: [],
    },
    {
      name: "case differences: returns the strategy's spelling",
      decision: serving(),
      current: ["strategy: costs"],
      history: [app("STRATEGY: COSTS")],
      add: ["Unaligned"],
      remove: ["Strategy: Costs"],
    },
    {
      name: "case differences: a removal in another case still blocks",
      decision: serving("costs"),
      current: [],
      history: [person("strategy: COSTS", "removed")],
      add: [],
      remove: [],
    },
    {
      name: "leaves other labels alone",
      decision: serving(),
      current: ["bug", "dx"],
      history: [app("bug")],
      add: ["Unaligned"],
      remove: [],
    },
  ];

  it.each(table)("$name", ({ decision, current, history, add, remove }) => {
    expect(reconcileLabels(s, decision, current, history)).toEqual({ add, remove });
  });

  it("adds no unaligned label when none is configured", () => {
    expect(reconcileLabels(strategy(), serving(), [], [])).toEqual({ add: [], remove: [] });
  });
});

describe("labelsInStep", () => {
  it.each([
    { decision: serving("costs"), current: ["Strategy: Costs", "bug"], inStep: true },
    { decision: serving("costs"), current: ["strategy: costs", "strategy: dx"], inStep: false },
    { decision: serving("costs", "dx"), current: ["strategy: costs"], inStep: false },
    { decision: serving(), current: ["unaligned"], inStep: true },
    { decision: serving(), current: [], inStep: false },
  ])("$current for $decision.problems: $inStep", ({ decision, current, inStep }) => {
    expect(labelsInStep(s, decision, current)).toBe(inStep);
  });

  it("is in step with no labels when nothing is served and no unaligned label is set", () => {
    expect(labelsInStep(strategy(), serving(), ["bug"])).toBe(true);
  });
});

describe("personProblemIds", () => {
  it.each([
    {
      name: "a person's labels, as ids",
      current: ["Strategy: Reliability", "strategy: dx", "bug"],
      history: [person("strategy: reliability")],
      ids: ["reliability", "dx"],
    },
    {
      name: "the app's labels are not a person's",
      current: ["strategy: dx"],
      history: [person("strategy: dx"), app("strategy: dx", "removed"), app("strategy: dx")],
      ids: [],
    },
    { name: "a person's unaligned label alone is none", current: ["unaligned"], history: [], ids: ["none"] },
    {
      name: "a problem label outweighs the unaligned label",
      current: ["unaligned", "strategy: costs"],
      history: [],
      ids: ["costs"],
    },
    { name: "the app's unaligned label is nothing", current: ["Unaligned"], history: [app("unaligned")], ids: [] },
  ])("$name", ({ current, history, ids }) => {
    expect(personProblemIds(s, current, history)).toEqual(ids);
  });
});
