import { describe, expect, it } from "vitest";
import { COMMAND_USAGE, parseCommand } from "../../src/classify/index.js";

describe("parseCommand", () => {
  it.each([
    ["/strategy reliability costs", { kind: "serve", ids: ["reliability", "costs"] }],
    ["/strategy reliability, costs, reliability", { kind: "serve", ids: ["reliability", "costs"] }],
    ["   /strategy DX", { kind: "serve", ids: ["dx"] }],
    ["Thanks!\n/strategy dx\n/strategy none", { kind: "serve", ids: ["dx"] }],
    ["/strategy none", { kind: "none" }],
    ["/strategy explain", { kind: "explain" }],
    ["/Strategy Explain", { kind: "explain" }],
    ["/strategy report", { kind: "report" }],
    ["/strategy report 2026-10", { kind: "report", month: "2026-10" }],
    ["/strategy report 2026-13", { kind: "invalid" }],
    ["/strategy report 2026-1", { kind: "invalid" }],
    ["/strategy report 2026-10 2026-11", { kind: "invalid" }],
    ["/strategy explain please", { kind: "invalid" }],
    ["/strategy none costs", { kind: "invalid" }],
    ["/strategy costs none", { kind: "invalid" }],
    ["/strategy @team", { kind: "invalid" }],
    ["/strategy", { kind: "invalid" }],
    ["/strategy   ", { kind: "invalid" }],
    ["/strategyfoo", undefined],
    ["please run /strategy explain", undefined],
    ["> /strategy none", undefined],
    ["```\n/strategy none\n```", undefined],
    ["<!-- /strategy none -->", undefined],
    ["> /strategy none\n/strategy explain", { kind: "explain" }],
    ["", undefined],
  ] as const)("%j", (body, expected) => {
    const parsed = parseCommand(body);
    if (expected === undefined) expect(parsed).toBeUndefined();
    else expect(parsed).toMatchObject(expected);
  });

  it("explains the usage of a bare /strategy", () => {
    expect(parseCommand("/strategy")).toEqual({
      kind: "invalid",
      reason: `\`/strategy\` needs an argument. ${COMMAND_USAGE}`,
    });
  });

  it("quotes bad ids inertly so the reply cannot mention anyone", () => {
    const parsed = parseCommand("/strategy @team");
    expect(parsed).toMatchObject({
      kind: "invalid",
      reason: expect.stringContaining('not a problem id: "@\u200dteam"'),
    });
  });

  it("says which month format is expected", () => {
    expect(parseCommand("/strategy report 2026-13")).toMatchObject({ reason: expect.stringContaining("YYYY-MM") });
  });
});
