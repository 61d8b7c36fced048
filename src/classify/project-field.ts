/**
 * The Project field (docs/contract.md §12), decided without I/O: which option an item gets, which options the
 * field needs, and whether the app may write the value it finds.
 */
import type { Strategy } from "../strategy/schema.js";
import { PROJECT_EXTRA_OPTIONS } from "../strategy/semantic-settings.js";
import type { Decision } from "./types.js";

/** The colours GitHub offers for a single-select option. */
export type OptionColor = "GRAY" | "BLUE" | "GREEN" | "ORANGE" | "PINK" | "PURPLE" | "RED" | "YELLOW";

export interface OptionSpec {
  name: string;
  color: OptionColor;
  description: string;
}

export interface ExistingOption extends OptionSpec {
  id: string;
}

/** How the app marks the options it made, so it can tell them from options a person added. */
export const OPTION_MARK = "Throughline: ";

const [SEVERAL, NONE] = PROJECT_EXTRA_OPTIONS;

/** The option an item gets: the title of the one problem it serves, `Several` or `None`. */
export function optionFor(strategy: Strategy, decision: Pick<Decision, "problems">): string {
  if (decision.problems.length > 1) return SEVERAL;
  const problem = strategy.problems.find((p) => p.id === decision.problems[0]);
  return problem ? problem.title.trim() : NONE;
}

/** The options the strategy asks for, in its order: each problem, then `Several` and `None`. */
export function wantedOptions(strategy: Strategy): OptionSpec[] {
  return [
    ...strategy.problems.map((p) => ({
      name: p.title.trim(),
      color: optionColor(p.color),
      description: clip(`${OPTION_MARK}the problem \`${p.id}\`${p.why ? `. ${p.why}` : ""}`),
    })),
    { name: SEVERAL, color: "PURPLE" as const, description: `${OPTION_MARK}serves more than one problem` },
    { name: NONE, color: "GRAY" as const, description: `${OPTION_MARK}serves no problem of the strategy` },
  ];
}

/** A short key for the options the strategy asks for: the cache of field ids is kept per key. */
export function optionsKey(strategy: Strategy): string {
  return wantedOptions(strategy)
    .map((o) => o.name)
    .join("\u0000");
}

/**
 * The field's full option list when it is out of step with the strategy, or undefined when every wanted
 * option is there and no option the app made is left over. Options are matched by name; an option a
 * person made (no mark) is kept, and so is how a person recoloured or described a wanted one. GitHub
 * replaces the whole list on update, so everything kept is sent again.
 */
export function optionsUpdate(
  existing: readonly OptionSpec[],
  wanted: readonly OptionSpec[],
): OptionSpec[] | undefined {
  const byName = new Map(existing.map((o) => [o.name, o]));
  const wantedNames = new Set(wanted.map((o) => o.name));
  const missing = wanted.filter((o) => !byName.has(o.name));
  const stale = existing.filter((o) => !wantedNames.has(o.name) && o.description.startsWith(OPTION_MARK));
  if (missing.length === 0 && stale.length === 0) return undefined;
  const keep = (o: OptionSpec): OptionSpec => ({ name: o.name, color: o.color, description: o.description });
  return [
    ...wanted.map((o) => keep(byName.get(o.name) ?? o)),
    ...existing.filter((o) => !wantedNames.has(o.name) && !o.description.startsWith(OPTION_MARK)).map(keep),
  ];
}

/** The value an item has in the field now. */
export interface CurrentValue {
  optionId: string | null;
  name: string | null;
  /** Who set it, as REST writes logins (`slug[bot]` for an app); null when GitHub does not say. */
  setBy: string | null;
}

export type ValueStep =
  | { write: true; optionId: string; name: string }
  | { write: false; why: "in-step" | "person" | "no-option" };

/**
 * Whether to write the value: only when it differs from the wanted one and is empty or the app's own.
 * A value someone else set (or whose setter GitHub does not name) is a person's choice and stays.
 */
export function valueStep(
  current: CurrentValue | null,
  wanted: string,
  options: ReadonlyMap<string, string>,
  ownLogin: string,
): ValueStep {
  const optionId = options.get(wanted);
  if (!optionId) return { write: false, why: "no-option" };
  if (current?.optionId === optionId) return { write: false, why: "in-step" };
  if (current && current.optionId !== null && !sameLogin(current.setBy, ownLogin))
    return { write: false, why: "person" };
  return { write: true, optionId, name: wanted };
}

function sameLogin(a: string | null, b: string): boolean {
  return a !== null && a.toLowerCase() === b.toLowerCase();
}

/** GitHub keeps option descriptions short; the mark must survive the cut. */
function clip(text: string, max = 200): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/** The nearest of GitHub's option colours to a problem's label colour (GRAY without one). */
export function optionColor(hex: string | undefined): OptionColor {
  if (!hex) return "GRAY";
  const channel = (at: number) => parseInt(hex.slice(at, at + 2), 16) / 255;
  const [r, g, b] = [channel(0), channel(2), channel(4)];
  const max = Math.max(r, g, b);
  const min = Math.min(r, g, b);
  const light = (max + min) / 2;
  const chroma = max - min;
  if (chroma < 0.12 || light < 0.08 || light > 0.95) return "GRAY";
  let hue = max === r ? ((g - b) / chroma) % 6 : max === g ? (b - r) / chroma + 2 : (r - g) / chroma + 4;
  hue = (hue * 60 + 360) % 360;
  if (hue < 15 || hue >= 345) return "RED";
  if (hue < 45) return "ORANGE";
  if (hue < 70) return "YELLOW";
  if (hue < 170) return "GREEN";
  if (hue < 255) return "BLUE";
  if (hue < 300) return "PURPLE";
  return "PINK";
}
