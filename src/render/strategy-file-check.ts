/** The `Strategy file` check run (docs/contract.md §6): the problems a valid file defines, or every error located. */
import type { Strategy } from "../strategy/schema.js";
import { percentOrDash, plural } from "./format.js";
import { inert, oneLine } from "../text/inert.js";
import { BODY_LIMIT, blocks, fitLines } from "./limits.js";
import { link } from "./links.js";
import { code, table } from "./markdown.js";

/** A located error in a strategy file, as strategy/ reports it. */
export interface StrategyErrorLike {
  file: string;
  line: number;
  column: number;
  /** The path to the field, e.g. `problems[1].id`; "" for the whole file. */
  path: string;
  message: string;
}

export interface Annotation {
  path: string;
  start_line: number;
  end_line: number;
  annotation_level: "failure";
  message: string;
  title: string;
}

export interface StrategyFileCheck {
  conclusion: "success" | "failure";
  title: string;
  summary: string;
  /** One per error, all of them: GitHub takes 50 per request, so the edge sends them in batches. */
  annotations?: Annotation[];
}

/** What the app found of the Project that `settings.project` names (docs/contract.md §12). */
export type ProjectStatus = { url: string; field: string } & (
  | { state: "ready"; title: string }
  | { state: "create"; title: string; options: number }
  | { state: "update"; title: string }
  | { state: "not-single-select"; title: string }
  | { state: "read-only"; title: string }
  | { state: "missing" }
  | { state: "forbidden"; message: string }
  | { state: "unknown"; message: string }
);

export type StrategyFileInput =
  | {
      path: string;
      strategy: Strategy;
      errors?: undefined;
      project?: ProjectStatus;
      /** What the change would do (a pull request's version): shown first, its sentence the summary's first line. */
      preview?: { text: string; title: string };
    }
  | { path: string; errors: StrategyErrorLike[]; strategy?: undefined };

export function renderStrategyFileCheck(input: StrategyFileInput): StrategyFileCheck {
  const file = inert(input.path, 200);
  if (input.errors === undefined) {
    const valid = validCheck(input.strategy, file, input.project);
    if (!input.preview) return valid;
    const whole = blocks(input.preview.text, "---", valid.summary);
    // With many problems or long titles both do not fit: the file's own summary keeps its first paragraph.
    const summary =
      whole.length <= BODY_LIMIT
        ? whole
        : blocks(
            input.preview.text,
            "---",
            oneLine(valid.summary.split("\n\n")[0] ?? "", 4_000),
            "The table of the file's problems is left out: the summary is at GitHub's size limit.",
          );
    return { ...valid, title: `${valid.title}; ${input.preview.title}`, summary };
  }
  const { errors } = input;
  const lines = errors.map(
    (e) => `- ${locate(e, input.path)}${e.path ? ` ${inert(e.path, 200)}` : ""}: ${inert(e.message, 500)}`,
  );
  const head = `${file} has ${plural(errors.length, "error")}. Until the file on the default branch is valid, the app changes no labels and shows no figures.`;
  return {
    conclusion: "failure",
    title: `${plural(errors.length, "error")} in ${oneLine(input.path, 100)}`,
    summary: blocks(
      head,
      fitLines(lines, BODY_LIMIT - head.length - 2, (n) => `- …and ${n} more (see the annotations).`).join("\n"),
    ),
    annotations: errors.map((e) => annotation(e, input.path)),
  };
}

function validCheck(strategy: Strategy, file: string, project: ProjectStatus | undefined): StrategyFileCheck {
  const rows = strategy.problems.map((p) => [
    inert(p.title, 120),
    code(p.id),
    inert(p.label, 60),
    percentOrDash(p.share === undefined ? null : p.share / 100),
  ]);
  const intended = strategy.problems.reduce((sum, p) => sum + (p.share ?? 0), 0);
  const name = strategy.name ? `**${inert(strategy.name, 120)}**` : "The strategy";
  return {
    conclusion: "success",
    title: `${plural(strategy.problems.length, "problem")}${project && !projectUsable(project) ? "; the Project cannot be used" : ""}`,
    summary: blocks(
      `${name} in ${file} is valid${strategy.status === "active" ? "" : ` (status: ${strategy.status})`} and defines ${plural(strategy.problems.length, "problem")}.`,
      table(["Problem", "Id", "Label", "Intended share"], rows, ["left", "left", "left", "right"]),
      intended > 0 && `Intended shares add up to ${intended}%; the rest of shipped work is not planned for a problem.`,
      project && projectLine(project),
    ),
  };
}

const projectUsable = (p: ProjectStatus) => p.state === "ready" || p.state === "create" || p.state === "update";

/** One paragraph on the Project: what the app will do with it, or why it cannot, and what to grant. */
export function projectLine(p: ProjectStatus): string {
  const field = code(oneLine(p.field, 100));
  const named = "title" in p ? link(inert(p.title, 120), p.url) : inert(p.url, 300);
  const grant =
    "It needs the **Projects** permission of the Project's owner (for an organisation: *Organization permissions → Projects: Read and write*); until then items are labelled as usual and the Project is left alone.";
  switch (p.state) {
    case "ready":
      return `**Project**: issues and pull requests on ${named} get the field ${field} set to the problem they serve (or \`Several\`, \`None\`); its options are in step with the problems.`;
    case "create":
      return `**Project**: issues and pull requests on ${named} get the field ${field}, which the app creates with ${plural(p.options, "option")} (one per problem, \`Several\`, \`None\`) on the first item it sets.`;
    case "update":
      return `**Project**: issues and pull requests on ${named} get the field ${field}; its options are brought in step with the problems on the next item the app sets (options a person added are kept).`;
    case "not-single-select":
      return `**Project**: ${named} has a field ${field} that is not a single-select field, so the app leaves it alone. Name another field in \`settings.project.field\`.`;
    case "read-only":
      return `**Project**: the app can see ${named} but may not change it. ${grant}`;
    case "missing":
      return `**Project**: ${named} was not found, or the app cannot see it: check the address and that the app is installed on the Project's owner. ${grant}`;
    case "forbidden":
      return `**Project**: the app may not use ${named} (GitHub said: ${inert(p.message, 200)}). ${grant}`;
    case "unknown":
      return `**Project**: ${named} could not be checked just now (${inert(p.message, 200)}); the app will try again on the next item event.`;
  }
}

/** "line 14, column 9", naming the file when the error is in another one (an inherited strategy). */
function locate(e: StrategyErrorLike, path: string): string {
  const where = e.line > 0 ? `line ${e.line}${e.column > 0 ? `, column ${e.column}` : ""}` : "the file";
  return isLocal(e, path) ? where : `${inert(e.file, 200)}, ${where}`;
}

/**
 * Annotations sit on the file in this repository; an error in an inherited file is shown on its first line,
 * naming where it really is.
 */
function annotation(e: StrategyErrorLike, path: string): Annotation {
  const local = isLocal(e, path);
  const line = local && e.line > 0 ? e.line : 1;
  const where = local ? "" : `${e.file}:${e.line}:${e.column} `;
  return {
    path,
    start_line: line,
    end_line: line,
    annotation_level: "failure",
    message: oneLine(`${where}${e.path ? `${e.path}: ` : ""}${e.message}`, 4000),
    title: oneLine(e.path || "strategy file", 200),
  };
}

/** Whether the error is in the checked file itself (errors may name it by its base name). */
function isLocal(e: StrategyErrorLike, path: string): boolean {
  return !e.file || e.file === path || path.endsWith(`/${e.file}`);
}
