import { describe, expect, it } from "vitest";
import { parseServes, validateIds } from "../../src/classify/index.js";
import { strategy } from "./strategy.js";

describe("parseServes", () => {
  it.each([
    ["Serves: reliability, costs", ["reliability", "costs"]],
    ["serves:reliability costs", ["reliability", "costs"]],
    ["SERVES:  Reliability ,, Costs.", ["reliability", "costs"]],
    ["Intro\n\n  Serves: `dx`\nmore text", ["dx"]],
    ["**Serves:** dx", ["dx"]],
    ["**Serves**: dx", ["dx"]],
    ["- Serves: dx", ["dx"]],
    ["Serves: none", "none"],
    ["Serves: NONE", "none"],
    ["Serves: none, costs", ["none", "costs"]],
    ["Serves: costs\nlater\nServes: dx", ["dx"]],
    ["Serves: costs\r\nServes: none", "none"],
    ["Serves: costs\nServes:", ["costs"]],
    ["Serves:", undefined],
    ["", undefined],
    ["It serves: costs", undefined],
    ["Observes: costs", undefined],
    ["```\nServes: costs\n```", undefined],
    ["Serves: dx\n~~~~md\nServes: costs\n~~~\nstill code\n~~~~", ["dx"]],
    ["Serves: dx\n```\nServes: costs", ["dx"]],
    ["<!-- Serves: costs -->", undefined],
    ["Serves: dx\n<!--\nServes: costs\n-->", ["dx"]],
    ["Serves: dx <!-- or costs -->", ["dx"]],
    ["> Serves: costs", undefined],
  ] as const)("%j", (body, expected) => {
    expect(parseServes(body)).toEqual(expected);
  });
});

describe("validateIds", () => {
  it("splits known from unknown, lowercased and without repeats", () => {
    expect(validateIds(strategy(), ["DX", "speed", "dx", "costs", "speed"])).toEqual({
      known: ["dx", "costs"],
      unknown: ["speed"],
    });
  });
});
