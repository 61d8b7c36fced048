/**
 * Mermaid charts (GitHub renders ```mermaid blocks). Labels come from user text, so they are reduced to
 * letters, digits and a little punctuation: a quote, semicolon, newline or backtick would break the chart
 * or its fence.
 */
import { fenced } from "./markdown.js";

export function mermaidLabel(text: string, max = 40): string {
  // Cut first: a long title would otherwise be scanned whole for each chart.
  const clean = text
    .slice(0, max * 4)
    .replace(/[^\p{L}\p{N} .,()/+_-]+/gu, " ")
    .replace(/\s+/g, " ")
    .trim();
  const chars = Array.from(clean);
  const cut =
    chars.length > max
      ? `${chars
          .slice(0, max - 1)
          .join("")
          .trimEnd()}…`
      : clean;
  return cut || "untitled";
}

export interface Slice {
  label: string;
  /** Percent, 0..100. */
  value: number;
  /** "#rrggbb", the slice's colour; Mermaid's theme picks one when absent. */
  color?: string;
}

/** Mermaid's pie takes twelve colours, `pie1`..`pie12`, given to the slices in the order they are written. */
export const PIE_COLOURS = 12;

/**
 * A pie of shares, slices in the order given (Mermaid colours them in that order, so a legend elsewhere
 * can name them); null when there is nothing to draw. Empty slices are left out (Mermaid draws them oddly).
 */
export function pieChart(title: string, slices: Slice[]): string | null {
  const drawn = slices.filter((s) => s.value > 0);
  if (drawn.length === 0) return null;
  const colours = drawn
    .slice(0, PIE_COLOURS)
    .map((s, i) => (s.color && HEX.test(s.color) ? `"pie${i + 1}": "${s.color}"` : null));
  const init = colours.every((c) => c !== null) ? [`%%{init: {"themeVariables": {${colours.join(", ")}}}}%%`] : [];
  const lines = [
    ...init,
    `pie title ${mermaidLabel(title, 80)}`,
    ...unique(drawn).map((s) => `    "${s.label}" : ${round1(s.value)}`),
  ];
  return fenced("mermaid", lines.join("\n"));
}

const HEX = /^#[0-9a-f]{6}$/i;

export interface Series {
  label: string;
  /** One value per x-axis category, percent. */
  values: number[];
  /** "#rrggbb", the line's colour. */
  color: string;
}

/** A line chart of percentages over categories; null with fewer than two categories (no trend yet). */
export function lineChart(title: string, categories: string[], series: Series[]): string | null {
  if (categories.length < 2 || series.length === 0) return null;
  const top = Math.max(10, ...series.flatMap((s) => s.values));
  const yMax = Math.min(100, Math.ceil(top / 10) * 10);
  // xychart-beta has no legend: the palette is fixed here so the legend under the chart can name each colour.
  const palette = series.map((s) => s.color).join(", ");
  const lines = [
    `%%{init: {"themeVariables": {"xyChart": {"plotColorPalette": "${palette}"}}}}%%`,
    "xychart-beta",
    `    title "${mermaidLabel(title, 80)}"`,
    `    x-axis [${categories.map((c) => `"${mermaidLabel(c, 20)}"`).join(", ")}]`,
    `    y-axis "Share (%)" 0 --> ${yMax}`,
    ...series.map((s) => `    line [${s.values.map(round1).join(", ")}]`),
  ];
  return fenced("mermaid", lines.join("\n"));
}

/** Two problems with the same title would merge into one slice; number the repeats. */
function unique(slices: Slice[]): Slice[] {
  const seen = new Map<string, number>();
  return slices.map((s) => {
    const label = mermaidLabel(s.label);
    const n = (seen.get(label) ?? 0) + 1;
    seen.set(label, n);
    return { ...s, label: n === 1 ? label : `${label} (${n})` };
  });
}

function round1(v: number): string {
  return (Math.round(v * 10) / 10).toString();
}
