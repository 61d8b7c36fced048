/**
 * The one schema of `strategy.yml`, version 1. Every field carries its documentation (`describe`) and its
 * default, so the JSON Schema for editors (`schema/strategy.schema.json`) and the configuration
 * reference (`docs/configuration.md`) are generated from this file and cannot drift from what the app accepts.
 * Semantic rules that span fields (unique ids, share sums, compilable patterns) live in `semantic.ts`.
 */
import { z } from "zod";

const list = (what: string) => z.array(z.string().min(1)).default([]).describe(what);
const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "expected a date as YYYY-MM-DD");

export const metricSchema = z.strictObject({
  name: z.string().min(1).describe("What is measured, e.g. 'Sev-1 incidents per month'."),
  unit: z.string().optional().describe("The unit shown after figures, e.g. 'incidents'."),
  baseline: z
    .number()
    .optional()
    .describe("The reading when the strategy started; direction follows baseline -> target."),
  target: z.number().describe("The reading at which the problem counts as solved."),
  current: z.number().optional().describe("The latest reading, updated by editing the file."),
  count: z
    .string()
    .min(1)
    .optional()
    .describe(
      "A GitHub search whose result count is the reading, scoped to this repository; {period} becomes the report's period as a search range.",
    ),
});

export const planEntrySchema = z.strictObject({
  title: z.string().min(1).describe("The action, in a few words."),
  issue: z
    .union([
      z.number().int().positive(),
      z
        .string()
        .regex(
          /^[A-Za-z0-9._-]{1,100}#[1-9][0-9]*$/,
          "expected an issue number, or REPO#NUMBER for an issue of another repository of the owner",
        ),
    ])
    .optional()
    .describe(
      "The issue that tracks the action: its number in this repository, or 'REPO#NUMBER' for an issue of another repository of the same owner (the usual form in an organisation's strategy).",
    ),
  milestone: z.string().min(1).optional().describe("A milestone title whose issues make up the action."),
  label: z.string().min(1).optional().describe("A label whose issues make up the action."),
});

export const matchSchema = z.strictObject({
  labels: list("The item carries one of these labels (case-insensitive)."),
  keywords: list("Whole words, case-insensitive, in the title or body."),
  patterns: list("RE2-syntax regular expressions on the title; (?i) makes one case-insensitive."),
  paths: list("Globs on a pull request's changed files, e.g. 'infra/**'."),
  branches: list("Globs on a pull request's head branch, e.g. 'hotfix/*'."),
  milestones: list("Milestone titles (case-insensitive)."),
  authors: list("Logins of authors whose work serves the problem (case-insensitive)."),
});

export const problemSchema = z
  .strictObject({
    id: z
      .string()
      .regex(/^[a-z0-9][a-z0-9-]*$/, "expected a lowercase slug: letters, digits and '-', e.g. 'reliability'")
      .max(40)
      .describe("A lowercase slug, unique in the strategy; used in `Serves:` lines and `/strategy` commands."),
    title: z.string().min(1).describe("The problem's name as people say it."),
    why: z.string().optional().describe("Why it matters; also the label's description."),
    label: z.string().min(1).max(50).optional().describe("The label for items serving it; default 'strategy: <id>'."),
    color: z
      .string()
      .regex(/^[0-9a-fA-F]{6}$/, "expected a 6-digit hex colour without '#', e.g. 'b60205'")
      .optional()
      .describe("The label colour, six hex digits."),
    share: z.number().min(0).max(100).optional().describe("Intended % of shipped work; all shares sum to at most 100."),
    metrics: z.array(metricSchema).default([]).describe("How we know the problem is being solved."),
    // A function, so each problem gets its own lists rather than one object shared by every parse.
    match: matchSchema
      .default(() => matchSchema.parse({}))
      .describe("How work is recognised; any rule that matches is enough."),
    plan: z.array(planEntrySchema).default([]).describe("The coherent actions; their progress is shown in reports."),
  })
  .transform((p) => ({ ...p, label: p.label ?? `strategy: ${p.id}` }));

export const reportSettingsSchema = z.strictObject({
  category: z.string().min(1).default("Announcements").describe("The Discussions category for monthly reports."),
  schedule: z
    .string()
    .min(1)
    .default("0 9 1 * *")
    .describe("Cron, in `timezone`: when the previous month's report is posted."),
  timezone: z
    .string()
    .min(1)
    .default("UTC")
    .describe("IANA time zone for months and the schedule, e.g. 'Europe/Paris'."),
  measure: z
    .enum(["pull_requests", "author_weeks"])
    .default("pull_requests")
    .describe(
      "Which effort measure `share`, drift and the report's headline are held against: merged pull requests, or author-weeks (each author's weeks with merged work, shared among what they shipped that week). Both are shown.",
    ),
});

/** A GitHub Project (v2) URL: the owner's kind, login and project number, optionally a view of it. */
export const PROJECT_URL =
  /^https:\/\/[^/\s]+\/(orgs|users)\/([A-Za-z0-9](?:[A-Za-z0-9-]{0,38}))\/projects\/(\d+)(?:\/views\/\d+)?\/?$/;

export const projectSettingsSchema = z.strictObject({
  url: z
    .string()
    .regex(
      PROJECT_URL,
      "expected a GitHub Project URL such as 'https://github.com/orgs/acme/projects/5' or 'https://github.com/users/octocat/projects/2'",
    )
    .describe("The Project (v2), e.g. 'https://github.com/orgs/acme/projects/5'; a view's URL of it works too."),
  field: z
    .string()
    .trim()
    .min(1)
    .max(100)
    .default("Problem")
    .describe("The single-select field set to the problem's title, 'Several' or 'None'; created when missing."),
});

export const settingsSchema = z.strictObject({
  comment: z.boolean().default(true).describe("Keep the progress comment on pull requests."),
  check: z
    .enum(["off", "warn", "require"])
    .default("warn")
    .describe("The Strategy alignment check: off, warn (neutral when unaligned) or require (failure when unaligned)."),
  unaligned_label: z
    .string()
    .min(1)
    .max(50)
    .nullable()
    .default(null)
    .describe("A label for items that serve no problem, or null."),
  ignore_authors: list("Authors whose work is labelled but not counted as shipped, e.g. 'dependabot[bot]'."),
  drift: z
    .number()
    .min(0)
    .max(100)
    .default(15)
    .describe("Points between actual and intended share that count as drift."),
  unaligned_alert: z
    .number()
    .min(0)
    .max(100)
    .default(40)
    .describe("% of shipped work serving no problem that calls for attention."),
  report: reportSettingsSchema.default(() => reportSettingsSchema.parse({})).describe("The monthly report."),
  project: projectSettingsSchema
    .nullable()
    .default(null)
    .describe(
      "A GitHub Project (v2) whose items get a single-select field naming the problem they serve, or null for none.",
    ),
});

export const strategySchema = z.strictObject({
  version: z.literal(1).describe("The file format's version; always 1."),
  extends: z
    .string()
    .regex(/^(\.github|[A-Za-z0-9][A-Za-z0-9-]{0,38}\/[A-Za-z0-9._-]{1,100})$/, "expected OWNER/REPO or .github")
    .optional()
    .describe(
      "OWNER/REPO or '.github': inherit that strategy's problems; local problems with the same id change or add to them.",
    ),
  name: z.string().optional().describe("The strategy's name."),
  owner: z.string().optional().describe("Who answers for it, e.g. '@acme/eng-leads'."),
  status: z.enum(["draft", "active", "retired"]).default("active").describe("draft, active or retired."),
  effective: z
    .strictObject({
      from: date.optional().describe("The first day in force, YYYY-MM-DD."),
      until: date.optional().describe("The last day in force, YYYY-MM-DD; not before `from`."),
    })
    .optional()
    .describe("The dates the strategy is in force."),
  diagnosis: z.string().optional().describe("The current situation, in prose."),
  policies: list("Guiding policies, each a sentence."),
  problems: z.array(problemSchema).min(1).max(30).describe("The 1 to 30 problems the strategy exists to solve."),
  settings: settingsSchema.default(() => settingsSchema.parse({})).describe("How the app behaves."),
});

/** A valid strategy with every default filled in and each problem's label resolved. */
export type Strategy = z.output<typeof strategySchema>;
export type Problem = Strategy["problems"][number];
export type PlanEntry = z.output<typeof planEntrySchema>;
