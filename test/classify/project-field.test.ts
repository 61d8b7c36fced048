import { describe, expect, it } from "vitest";
import { optionColor, optionFor, optionsUpdate, valueStep, wantedOptions } from "../../src/classify/index.js";
import { parseStrategy } from "../../src/strategy/index.js";
import { STRATEGY } from "../fixtures/strategies.js";

const parsed = parseStrategy(STRATEGY, "strategy.yml");
if (!parsed.ok) throw new Error("fixture strategy is invalid");
const strategy = parsed.strategy;

describe("the option an item gets", () => {
  it("is the problem's title, Several or None", () => {
    expect(optionFor(strategy, { problems: ["costs"] })).toBe("Hosting costs");
    expect(optionFor(strategy, { problems: ["reliability", "costs"] })).toBe("Several");
    expect(optionFor(strategy, { problems: [] })).toBe("None");
  });
});

describe("the field's options", () => {
  const wanted = wantedOptions(strategy);
  const existing = wanted.map((o, i) => ({ ...o, id: `o${i}` }));

  it("are one per problem in the strategy's order, then Several and None, each marked as the app's", () => {
    expect(wanted.map((o) => o.name)).toEqual(["Reliability", "Hosting costs", "Several", "None"]);
    expect(wanted.every((o) => o.description.startsWith("Throughline: "))).toBe(true);
  });

  it("need no update when every wanted option is there", () => {
    expect(optionsUpdate(existing, wanted)).toBeUndefined();
    // A person's recolouring and an option a person added are no reason to write.
    expect(
      optionsUpdate(
        [
          { ...existing[0]!, color: "BLUE" },
          ...existing.slice(1),
          { id: "x", name: "Later", color: "GRAY", description: "" },
        ],
        wanted,
      ),
    ).toBeUndefined();
  });

  it("gain a new problem, lose the app's stale ones, and keep a person's", () => {
    const next = wantedOptions({
      ...strategy,
      problems: [strategy.problems[0]!, { ...strategy.problems[1]!, title: "Cloud spend" }],
    });
    const person = { id: "x", name: "Later", color: "GRAY" as const, description: "Parked" };
    const update = optionsUpdate([{ ...existing[0]!, color: "BLUE" }, ...existing.slice(1), person], next);
    expect(update?.map((o) => o.name)).toEqual(["Reliability", "Cloud spend", "Several", "None", "Later"]);
    expect(update?.[0]?.color).toBe("BLUE");
    expect(update?.every((o) => !("id" in o))).toBe(true);
  });
});

describe("whether the value is written", () => {
  const options = new Map([
    ["Reliability", "o1"],
    ["Hosting costs", "o2"],
    ["Several", "o3"],
    ["None", "o4"],
  ]);
  const me = "throughline[bot]";

  it("writes an empty value, or the app's own when it differs", () => {
    expect(valueStep(null, "Reliability", options, me)).toEqual({ write: true, optionId: "o1", name: "Reliability" });
    expect(
      valueStep({ optionId: "o2", name: "Hosting costs", setBy: "Throughline[bot]" }, "Reliability", options, me),
    ).toMatchObject({ write: true });
  });

  it("leaves a value in step, and a person's value, alone", () => {
    expect(valueStep({ optionId: "o1", name: "Reliability", setBy: me }, "Reliability", options, me)).toEqual({
      write: false,
      why: "in-step",
    });
    expect(valueStep({ optionId: "o2", name: "Hosting costs", setBy: "octocat" }, "Reliability", options, me)).toEqual({
      write: false,
      why: "person",
    });
    expect(valueStep({ optionId: "o2", name: "Hosting costs", setBy: null }, "Reliability", options, me)).toEqual({
      write: false,
      why: "person",
    });
  });
});

describe("option colours", () => {
  it.each([
    ["b60205", "RED"],
    ["0e8a16", "GREEN"],
    ["1d76db", "BLUE"],
    ["fbca04", "YELLOW"],
    ["d93f0b", "ORANGE"],
    ["5319e7", "PURPLE"],
    ["e99695", "RED"],
    ["cc317c", "PINK"],
    ["ededed", "GRAY"],
    [undefined, "GRAY"],
  ])("%s is %s", (hex, color) => {
    expect(optionColor(hex)).toBe(color);
  });
});
