import { describe, expect, it } from "vitest";
import { classify } from "../../src/classify/index.js";
import type { WorkItem } from "../../src/classify/types.js";
import { item, strategy } from "./strategy.js";

const s = strategy({ unaligned_label: "unaligned" });

// Each source points at a different problem, so the winner is visible.
const command: Partial<WorkItem> = { command: ["dx"] };
const serves: Partial<WorkItem> = { body: "Serves: costs" };
const person: Partial<WorkItem> = { personLabels: ["reliability"] };
const linked: Partial<WorkItem> = { closes: [{ number: 12, labels: ["Strategy: COSTS"] }] };
const rules: Partial<WorkItem> = { title: "outage", labels: ["dx"] };

describe("precedence", () => {
  const table: { name: string; fields: Partial<WorkItem>; level: string; problems: string[]; decidedBy?: string }[] = [
    {
      name: "command beats Serves, labels, links, rules",
      fields: { ...rules, ...linked, ...person, ...serves, ...command },
      level: "explicit",
      problems: ["dx"],
      decidedBy: "command",
    },
    {
      name: "Serves beats person labels",
      fields: { ...rules, ...linked, ...person, ...serves },
      level: "explicit",
      problems: ["costs"],
      decidedBy: "serves",
    },
    {
      name: "person label beats linked",
      fields: { ...rules, ...linked, ...person },
      level: "explicit",
      problems: ["reliability"],
      decidedBy: "label",
    },
    { name: "linked beats rules", fields: { ...rules, ...linked }, level: "linked", problems: ["costs"] },
    { name: "rules when nothing else", fields: rules, level: "rules", problems: ["reliability", "dx"] },
    { name: "nothing matches", fields: {}, level: "none", problems: [] },
    {
      name: "command none beats everything",
      fields: { ...rules, ...linked, ...person, ...serves, command: "none" },
      level: "explicit",
      problems: [],
      decidedBy: "command",
    },
    {
      name: "Serves: none beats labels and rules",
      fields: { ...rules, ...person, body: "Serves: none" },
      level: "explicit",
      problems: [],
      decidedBy: "serves",
    },
    {
      name: "person label given by name",
      fields: { ...rules, personLabels: ["strategy: costs"] },
      level: "explicit",
      problems: ["costs"],
      decidedBy: "label",
    },
    {
      name: "person-applied unaligned label is none",
      fields: { ...rules, personLabels: ["Unaligned"] },
      level: "explicit",
      problems: [],
      decidedBy: "label",
    },
    {
      name: "none marker from personProblemIds",
      fields: { ...rules, personLabels: ["none"] },
      level: "explicit",
      problems: [],
      decidedBy: "label",
    },
    {
      name: "Serves with only unknown ids falls through",
      fields: { ...rules, body: "Serves: speed" },
      level: "rules",
      problems: ["reliability", "dx"],
    },
    {
      name: "command with only unknown ids falls through to Serves",
      fields: { ...serves, command: ["nope"] },
      level: "explicit",
      problems: ["costs"],
      decidedBy: "serves",
    },
    {
      name: "linked issue without strategy labels falls through",
      fields: { ...rules, closes: [{ number: 3, labels: ["bug"] }] },
      level: "rules",
      problems: ["reliability", "dx"],
    },
  ];

  it.each(table)("$name", ({ fields, level, problems, decidedBy }) => {
    const d = classify(s, item(fields));
    expect(d.level).toBe(level);
    expect(d.problems).toEqual(problems);
    expect(d.decidedBy).toBe(decidedBy);
  });

  it("puts problems in strategy order without repeats, whatever order they were named in", () => {
    const d = classify(s, item({ body: "Serves: dx, reliability dx" }));
    expect(d.problems).toEqual(["reliability", "dx"]);
    expect(d.reasons).toEqual([
      { problem: "reliability", source: "serves", detail: "Serves: reliability, dx" },
      { problem: "dx", source: "serves", detail: "Serves: reliability, dx" },
    ]);
  });

  it("unions the problems of several linked issues, one reason per issue", () => {
    const d = classify(
      s,
      item({
        closes: [
          { number: 12, labels: ["strategy: dx"] },
          { number: 13, labels: ["strategy: reliability", "strategy: dx"] },
          { number: 14, labels: ["unaligned"] },
        ],
      }),
    );
    expect(d.level).toBe("linked");
    expect(d.problems).toEqual(["reliability", "dx"]);
    expect(d.reasons.map((r) => `${r.problem}<${r.detail}`)).toEqual(["dx<#12", "reliability<#13", "dx<#13"]);
  });

  it("keeps known ids and notes unknown ones in a Serves line", () => {
    const d = classify(s, item({ body: "Serves: costs, @speed" }));
    expect(d.problems).toEqual(["costs"]);
    expect(d.notes).toEqual([
      'The Serves: line names no such problem: "@\u200dspeed" (valid ids: reliability, costs, dx).',
    ]);
  });

  it("suggests the id a swapped pair of letters was meant as, in a Serves line and a command", () => {
    const serves = classify(s, item({ body: "Serves: relaibility, cotss" }));
    expect(serves.notes).toEqual([
      'The Serves: line names no such problem: "relaibility" (did you mean "reliability"?), "cotss" (did you mean "costs"?) (valid ids: reliability, costs, dx).',
    ]);
    const command = classify(s, item({ command: ["xd"] }));
    expect(command.notes).toEqual([
      'The /strategy command names no such problem: "xd" (did you mean "dx"?) (valid ids: reliability, costs, dx).',
    ]);
  });
});
