import { validate } from "@octokit/graphql-schema";
import { describe, expect, it } from "vitest";
import * as context from "../../src/github/report-context.js";
import * as history from "../../src/github/report-history.js";
import * as discussions from "../../src/github/discussions.js";
import * as issue from "../../src/github/report-issue.js";
import * as merged from "../../src/github/merged-pulls-query.js";
import * as counts from "../../src/github/report-counts.js";
import * as plan from "../../src/github/plan-items.js";

const documents = Object.entries({
  ...context,
  ...history,
  ...discussions,
  ...issue,
  ...merged,
  ...counts,
  ...plan,
}).filter(([name]) => /_(QUERY|MUTATION)$/.test(name));

describe("the report's GraphQL documents", () => {
  it("are all exported", () => {
    expect(documents.map(([name]) => name).sort()).toEqual([
      "CLOSE_DUPLICATE_REPORT_ISSUE_MUTATION",
      "CREATE_DISCUSSION_MUTATION",
      "CREATE_REPORT_ISSUE_MUTATION",
      "DELETE_DISCUSSION_MUTATION",
      "MERGED_PULLS_QUERY",
      "PLAN_ITEMS_QUERY",
      "REPORT_BODIES_QUERY",
      "REPORT_CONTEXT_QUERY",
      "SEARCH_COUNTS_QUERY",
      "UPDATE_DISCUSSION_MUTATION",
      "UPDATE_REPORT_ISSUE_MUTATION",
    ]);
  });

  it.each(documents)("%s is valid against GitHub's schema", (_, document) => {
    expect(validate(document as string).map(String)).toEqual([]);
  });

  it.each([
    ["counts for one search", counts.searchCountsQuery(1)],
    ["counts for thirty searches", counts.searchCountsQuery(30)],
    ["merged pull requests from three searches", merged.mergedPullsQuery(3)],
    ["a plan of issues only", plan.planItemsQuery([{ issue: 4 }, { issue: 5 }])],
    ["a plan of labels and milestones", plan.planItemsQuery([{ label: "a" }, { milestone: "b" }, { label: "c" }])],
  ])("the built document for %s is valid", (_, document) => {
    expect(validate(document).map(String)).toEqual([]);
  });
});
