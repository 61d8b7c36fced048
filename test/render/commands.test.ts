import { describe, expect, it } from "vitest";
import type { Decision } from "../../src/classify/types.js";
import { renderCommandHelp, renderExplainReply } from "../../src/render/index.js";
import { served, strategy, unaligned } from "./fixtures.js";

describe("renderExplainReply", () => {
  it("gives every reason per problem, the level that decided and how to change it", () => {
    const reply = renderExplainReply(strategy(), served);
    expect(reply).toMatchSnapshot();
    expect(reply).toContain(
      "- **Reliability** (`reliability`): “outage” in the title; changes infra/main.tf (+2 more)",
    );
    expect(reply).toContain("Decided by the strategy's matching rules");
  });

  it.each([
    ["no answer", unaligned, "no rule in the strategy matched it"],
    [
      "a linked issue",
      {
        problems: ["costs"],
        level: "linked",
        reasons: [{ problem: "costs", source: "linked", detail: "#12" }],
        notes: [],
      },
      "closes #12",
    ],
    [
      "a Serves: none line",
      { problems: [], level: "explicit", reasons: [], notes: [], decidedBy: "serves" },
      "set by a `Serves: none` line",
    ],
    [
      "a person's label",
      {
        problems: ["costs"],
        level: "explicit",
        reasons: [{ problem: "costs", source: "label", detail: "strategy: costs" }],
        notes: [],
      },
      "applied by a person",
    ],
  ] as [string, Decision, string][])("explains %s", (_name, decision, phrase) => {
    expect(renderExplainReply(strategy(), decision)).toContain(phrase);
  });
});

describe("renderCommandHelp", () => {
  it.each([
    [{ kind: "unknown-id", ids: ["relability"] }, "“relability” is not a problem id of the strategy"],
    [{ kind: "unknown-id", ids: ["a", "b"] }, "“a”, “b” are not problem ids"],
    [
      { kind: "unknown-id", ids: ["relaibility", "x"], meant: ["reliability", undefined] },
      "“relaibility” (did you mean `reliability`?), “x” are not problem ids",
    ],
    [{ kind: "permission" }, "it needs triage, write, maintain or admin access"],
    [{ kind: "syntax", text: "/strategy report 2026-13" }, "not understood: “/strategy report 2026-13”"],
  ] as const)("explains a rejection: %j", (reason, phrase) => {
    const reply = renderCommandHelp(strategy(), reason);
    expect(reply).toContain(phrase);
    expect(reply).toContain("Valid ids: `reliability`, `costs`.");
    for (const form of [
      "`/strategy <id> [<id>...]`",
      "`/strategy none`",
      "`/strategy explain`",
      "`/strategy report [YYYY-MM]`",
    ]) {
      expect(reply).toContain(form);
    }
  });

  it("says no ids are valid while the strategy is invalid", () => {
    expect(renderCommandHelp(null)).toContain("no ids are valid until it is fixed");
  });

  it("quotes an unknown id inertly", () => {
    expect(renderCommandHelp(strategy(), { kind: "unknown-id", ids: ["@alice"] })).toContain("“@\u200dalice”");
  });
});
