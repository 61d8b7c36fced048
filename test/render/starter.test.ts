import { describe, expect, it } from "vitest";
import {
  newFileUrl,
  renderSetupDone,
  renderSetupIssue,
  renderStarter,
  starterRules,
  URL_LIMIT,
  type StarterInput,
} from "../../src/render/starter.js";
import { parseStrategy } from "../../src/strategy/index.js";

const GITHUB_DEFAULT_LABELS = [
  "bug",
  "documentation",
  "duplicate",
  "enhancement",
  "good first issue",
  "help wanted",
  "invalid",
  "question",
  "wontfix",
];

const input = (over: Partial<StarterInput> = {}): StarterInput => ({
  owner: "acme",
  repo: "storefront",
  defaultBranch: "main",
  labels: GITHUB_DEFAULT_LABELS,
  folders: ["src", "docs", "infra", ".github"],
  ...over,
});

function parsed(text: string) {
  const result = parseStrategy(text, "strategy.yml");
  if (!result.ok) throw new Error(result.errors.map((e) => `${e.line}:${e.column} ${e.path} ${e.message}`).join("\n"));
  return result.strategy;
}

/** Where starterRules puts a label or folder: the problem id, or undefined. */
function problemOfLabel(label: string): string | undefined {
  return Object.entries(starterRules([label], [])).find(([, s]) => s.labels.includes(label))?.[0];
}
function problemOfFolder(folder: string): string | undefined {
  return Object.entries(starterRules([], [folder])).find(([, s]) => s.paths.includes(`${folder}/**`))?.[0];
}

describe("suggested match rules", () => {
  it.each([
    ["bug", "reliability"],
    ["type: bug", "reliability"],
    ["Incident", "reliability"],
    ["sev1", "reliability"],
    ["performance", "costs"],
    ["cost", "costs"],
    ["area/infra", "costs"],
    ["documentation", "people"],
    ["dx", "people"],
    ["ci", "people"],
    ["tech debt", "people"],
    ["enhancement", "innovation"],
    ["Kind/Feature", "innovation"],
    ["feature request", "innovation"],
    ["question", undefined],
    ["wontfix", undefined],
    ["good first issue", undefined],
    ["debugging", undefined], // a whole word only: "bug" is not in "debugging"
  ])("label %j → %s", (label, problem) => {
    expect(problemOfLabel(label)).toBe(problem);
  });

  it.each([
    ["infra", "costs"],
    ["terraform", "costs"],
    ["deploy", "reliability"],
    ["k8s", "reliability"],
    ["docs", "people"],
    [".github", "people"],
    ["Docs", "people"],
    ["src", undefined],
    ["test", undefined],
  ])("folder %j → %s", (folder, problem) => {
    expect(problemOfFolder(folder)).toBe(problem);
  });

  it("gives a label that fits two problems to the first only, and lists each label once", () => {
    const rules = starterRules(["perf bug", "Bug", "bug"], []);
    expect(rules.reliability!.labels).toEqual(["Bug", "perf bug"]);
    expect(rules.costs!.labels).toEqual([]);
  });

  it("suggests at most ten labels per problem", () => {
    const labels = Array.from({ length: 30 }, (_, i) => `bug ${String(i).padStart(2, "0")}`);
    expect(starterRules(labels, []).reliability!.labels).toHaveLength(10);
  });
});

describe("the starter strategy.yml", () => {
  it("is a valid strategy with the four classic problems, shares adding up to 100", () => {
    const strategy = parsed(renderStarter(input()));
    expect(strategy.problems.map((p) => p.id)).toEqual(["reliability", "costs", "people", "innovation"]);
    expect(strategy.problems.reduce((sum, p) => sum + (p.share ?? 0), 0)).toBe(100);
    for (const p of strategy.problems) {
      expect(p.why).toBeTruthy();
      expect(p.metrics).toHaveLength(1);
    }
  });

  it("carries the repository's own labels and folders as match rules", () => {
    const strategy = parsed(renderStarter(input()));
    const match = Object.fromEntries(strategy.problems.map((p) => [p.id, p.match]));
    expect(match.reliability!.labels).toEqual(["bug"]);
    expect(match.costs!.paths).toEqual(["infra/**"]);
    expect(match.people).toMatchObject({ labels: ["documentation"], paths: [".github/**", "docs/**"] });
    expect(match.innovation!.labels).toEqual(["enhancement"]);
  });

  it("is valid for an empty repository (no labels, no folders)", () => {
    const strategy = parsed(renderStarter(input({ labels: [], folders: [] })));
    expect(strategy.problems.every((p) => p.match.labels.length === 0 && p.match.paths.length === 0)).toBe(true);
  });

  it("keeps awkward label names exactly, as quoted YAML", () => {
    const odd = [
      'bug: "quoted"',
      "bug # not a comment",
      "bug \\ slash",
      "🐛 bug",
      "bug\u2028line",
      "bug, [flow]",
      "@acme/sre bug",
    ];
    const strategy = parsed(renderStarter(input({ labels: odd })));
    expect([...strategy.problems[0]!.match.labels].sort()).toEqual([...odd].sort());
  });
});

describe("the setup issue", () => {
  const queryValue = (url: string) => new URL(url).searchParams.get("value");

  it("links to GitHub's new-file page with the starter filled in", () => {
    const { title, body } = renderSetupIssue(input({ defaultBranch: "trunk" }));
    expect(title).toBe("Set up Throughline");
    const url = /\]\((https:\/\/github\.com\/[^)]+)\)/.exec(body)![1];
    expect(url!.startsWith("https://github.com/acme/storefront/new/trunk?filename=strategy.yml&value=")).toBe(true);
    expect(queryValue(url!)).toBe(renderStarter(input({ defaultBranch: "trunk" })));
    expect(url!.length).toBeLessThanOrEqual(URL_LIMIT);
  });

  it("shows the starter in the body, exactly", () => {
    const { body } = renderSetupIssue(input());
    expect(body).toContain("```yaml\n" + renderStarter(input()).trimEnd() + "\n```");
  });

  it("links without the content when the starter would make the address too long", () => {
    const labels = Array.from({ length: 40 }, (_, i) => `bug ${"x".repeat(800)} ${i}`);
    const { body } = renderSetupIssue(input({ labels }));
    expect(body).toContain("(https://github.com/acme/storefront/new/main?filename=strategy.yml)");
    expect(body).toContain("paste the starter below");
    expect(newFileUrl(input(), "x".repeat(URL_LIMIT))).toBe(
      "https://github.com/acme/storefront/new/main?filename=strategy.yml",
    );
  });

  it("mentions nobody: a label with a handle appears only inside the code block and the link", () => {
    const { body } = renderSetupIssue(input({ labels: ["@acme/sre bug"] }));
    const outside = body.replace(/```yaml[\s\S]*?```/, "").replace(/\]\([^)]*\)/, "]()");
    expect(outside).not.toContain("@");
  });

  it("thanks and says why it closes", () => {
    expect(renderSetupDone(".github/strategy.yml", "main")).toMatch(
      /^Thank you! `\.github\/strategy\.yml` on `main` is valid.*Closing this setup issue\.$/,
    );
  });
});
