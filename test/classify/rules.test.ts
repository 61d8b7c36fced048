import { describe, expect, it } from "vitest";
import { classify } from "../../src/classify/index.js";
import type { ReasonSource, WorkItem } from "../../src/classify/types.js";
import { item, strategy } from "./strategy.js";

const s = strategy();

describe("rules", () => {
  const table: { name: string; fields: Partial<WorkItem>; source?: ReasonSource; detail?: string }[] = [
    { name: "label, other case", fields: { labels: ["BUG"] }, source: "labels", detail: "BUG" },
    { name: "label listed in another case", fields: { labels: ["incident"] }, source: "labels", detail: "incident" },
    { name: "label not listed", fields: { labels: ["bugfix"] } },
    { name: "keyword in title", fields: { title: "Fix the outage page" }, source: "keywords", detail: "outage" },
    { name: "keyword, other case", fields: { title: "OUTAGE again" }, source: "keywords", detail: "outage" },
    { name: "keyword in body", fields: { body: "During the outage we saw..." }, source: "keywords", detail: "outage" },
    { name: "keyword plural is another word", fields: { title: "Count outages" } },
    { name: "keyword inside a word", fields: { title: "Unflaky builds" } },
    { name: "keyword glued with underscore", fields: { body: "see outage_report()" } },
    { name: "keyword as an identifier part", fields: { body: "`flakyTests` list" } },
    {
      name: "keyword in code-like text",
      fields: { body: "call `outage()` there" },
      source: "keywords",
      detail: "outage",
    },
    { name: "keyword with hyphen", fields: { title: "Improve on-call docs" }, source: "keywords", detail: "on-call" },
    { name: "hyphenated keyword needs the hyphen", fields: { title: "Who is on call" } },
    { name: "keyword with symbols", fields: { title: "Port to C++ 20" }, source: "keywords", detail: "c++" },
    { name: "symbol keyword followed by a digit", fields: { title: "Port to c++20" } },
    { name: "keyword in an HTML comment only", fields: { body: "<!-- mention any outage -->\nDocs" } },
    {
      name: "pattern with group",
      fields: { title: "fix(api): retries" },
      source: "patterns",
      detail: "^fix(\\(.+\\))?:",
    },
    { name: "pattern without group", fields: { title: "fix: retries" }, source: "patterns" },
    { name: "pattern is case-sensitive", fields: { title: "Fix: retries" } },
    { name: "pattern anchored", fields: { title: "prefix: retries" } },
    { name: "(?i) pattern", fields: { title: "HOTFIX login" }, source: "patterns", detail: "(?i)^hotfix" },
    { name: "path glob", fields: { files: ["src/a.ts", "infra/main.tf"] }, source: "paths", detail: "infra/main.tf" },
    { name: "path glob, dotfile", fields: { files: ["infra/.terraform.lock.hcl"] }, source: "paths" },
    { name: "path glob, dot directory", fields: { files: [".github/workflows/ci.yml"] }, source: "paths" },
    { name: "path glob, no match", fields: { files: ["src/infra/main.tf", ".github/ci.yml"] } },
    { name: "branch glob", fields: { branch: "hotfix/login" }, source: "branches", detail: "hotfix/login" },
    { name: "branch glob is one level", fields: { branch: "hotfix/a/b" } },
    { name: "branch glob, no match", fields: { branch: "feature/hotfix" } },
    {
      name: "milestone, other case",
      fields: { milestone: "multi-REGION" },
      source: "milestones",
      detail: "multi-REGION",
    },
    { name: "milestone, no match", fields: { milestone: "Multi-region 2" } },
    { name: "author, other case", fields: { author: "SRE-bot" }, source: "authors", detail: "SRE-bot" },
    { name: "author, no match", fields: { author: "sre-bot2" } },
  ];

  it.each(table)("$name", ({ fields, source, detail }) => {
    const d = classify(s, item(fields));
    if (!source) {
      expect(d).toMatchObject({ level: "none", problems: [], reasons: [] });
      return;
    }
    expect(d.level).toBe("rules");
    expect(d.problems).toEqual(["reliability"]);
    expect(d.reasons).toEqual([
      expect.objectContaining({ problem: "reliability", source, ...(detail ? { detail } : {}) }),
    ]);
  });

  it("lists every match per problem and counts matching files", () => {
    const d = classify(
      s,
      item({
        title: "fix: outage in terraform cost",
        labels: ["bug"],
        files: ["terraform/a.tf", "infra/x.tf", "infra/y.tf", "terraform/b.tf", "infra/z/.env"],
      }),
    );
    expect(d.problems).toEqual(["reliability", "costs"]);
    expect(d.reasons.map((r) => [r.problem, r.source, r.detail])).toEqual([
      ["reliability", "labels", "bug"],
      ["reliability", "keywords", "outage"],
      ["reliability", "patterns", "^fix(\\(.+\\))?:"],
      ["reliability", "paths", "infra/x.tf (+2 more)"],
      ["costs", "keywords", "cost"],
      ["costs", "paths", "terraform/a.tf (+1 more)"],
    ]);
  });

  it("says where a keyword was found, preferring the title", () => {
    const both = classify(s, item({ title: "outage", body: "outage" })).reasons[0];
    const body = classify(s, item({ body: "an outage" })).reasons[0];
    expect([both!.where, body!.where]).toEqual(["title", "body"]);
  });

  it("notes when paths were judged on part of the files", () => {
    const files = Array.from({ length: 3000 }, (_, i) => `src/f${i}.ts`);
    expect(classify(s, item({ files, filesComplete: false })).notes).toContain(
      "Paths judged on the first 3,000 changed files.",
    );
    expect(classify(s, item({ files, filesComplete: true })).notes).toEqual([]);
  });

  it("caps the reasons listed per problem and says how many were left out", () => {
    const many = strategy();
    many.problems[0]!.match.keywords = Array.from({ length: 12 }, (_, i) => `w${i}`);
    const d = classify(many, item({ title: Array.from({ length: 12 }, (_, i) => `w${i}`).join(" ") }));
    expect(d.reasons).toHaveLength(8);
    expect(d.notes).toEqual(["reliability: 4 more matching rules not listed."]);
  });

  it("skips a rule that does not compile instead of throwing", () => {
    const broken = strategy();
    broken.problems[0]!.match.patterns = ["(unclosed", "^ok"];
    expect(classify(broken, item({ title: "ok then" })).reasons).toEqual([
      { problem: "reliability", source: "patterns", detail: "^ok", where: "title", matched: "ok" },
    ]);
  });
});
