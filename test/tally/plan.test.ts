import { describe, expect, it } from "vitest";
import { planProgress, type PlanIssue } from "../../src/tally/index.js";

const open = (number: number): PlanIssue => ({ number, state: "open", stateReason: null });
const done = (number: number): PlanIssue => ({ number, state: "closed", stateReason: "completed" });
const dropped = (number: number): PlanIssue => ({ number, state: "closed", stateReason: "not_planned" });

describe("planProgress", () => {
  it("counts each issue once across the plan", () => {
    const report = planProgress(
      [
        { title: "Failover", issue: 1 },
        { title: "Multi-region", milestone: "Multi-region" },
        { title: "SLOs", label: "slo" },
      ],
      [
        { exists: true, ...done(1) },
        { exists: true, issues: [done(1), open(2), done(3)], due: "2026-12-31" },
        { exists: true, issues: [open(2), done(4)] },
      ],
    );
    expect(report).toEqual({
      done: 3,
      total: 4,
      entries: [
        { title: "Failover", kind: "issue", ref: "#1", done: 1, total: 1, state: "closed" },
        { title: "Multi-region", kind: "milestone", ref: "Multi-region", done: 2, total: 3, due: "2026-12-31" },
        { title: "SLOs", kind: "label", ref: "slo", done: 1, total: 2 },
      ],
    });
  });

  it("leaves out issues closed as not planned or duplicate, and pull requests", () => {
    const report = planProgress(
      [{ title: "Cleanup", label: "cleanup" }],
      [
        {
          exists: true,
          issues: [
            dropped(1),
            { number: 2, state: "closed", stateReason: "duplicate" },
            { ...done(3), pullRequest: true },
            done(4),
            open(5),
          ],
        },
      ],
    );
    expect(report.done).toBe(1);
    expect(report.total).toBe(2);
    expect(report.entries[0]).toMatchObject({ done: 1, total: 2 });
  });

  it("counts an issue closed before state reasons existed as done", () => {
    const report = planProgress(
      [{ title: "Old", issue: 7 }],
      [{ exists: true, number: 7, state: "closed", stateReason: null }],
    );
    expect(report).toMatchObject({ done: 1, total: 1 });
  });

  it("flags an entry that does not exist and counts nothing for it", () => {
    const report = planProgress(
      [
        { title: "Gone", issue: 404 },
        { title: "No milestone", milestone: "Nope" },
        { title: "Real", issue: 1 },
      ],
      [{ exists: false }, { exists: false }, { exists: true, ...open(1) }],
    );
    expect(report).toMatchObject({ done: 0, total: 1 });
    expect(report.entries.map((e) => e.missing ?? false)).toEqual([true, true, false]);
    expect(report.entries[0]).toMatchObject({ done: 0, total: 0, ref: "#404" });
  });

  it("makes the totals unknown when an entry could not be looked up", () => {
    const report = planProgress(
      [
        { title: "Failover", issue: 1 },
        { title: "Later", label: "later" },
      ],
      [{ exists: true, ...done(1) }, undefined],
    );
    expect(report.done).toBeNull();
    expect(report.total).toBeNull();
    expect(report.entries[1]).toMatchObject({ done: null, total: null });
    expect(report.entries[0]).toMatchObject({ done: 1, total: 1 });
  });
});
