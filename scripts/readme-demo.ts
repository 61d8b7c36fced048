/**
 * The README shows what the app really writes: its demo blocks are copied from demo/output/ (written by
 * `npm run demo`). `npx tsx scripts/readme-demo.ts` refreshes them; a test fails when they differ.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const read = (path: string) => readFileSync(`${root}/${path}`, "utf8");

/** The report excerpt ends before the metrics: the summary, the table and the charts. */
const REPORT_EXCERPT_END = "\n### Metrics";

export function demoBlocks(): Record<string, string> {
  const report = read("demo/output/report.md");
  const cut = report.indexOf(REPORT_EXCERPT_END);
  // The organisation report's own sections: by repository, where each problem's work happens, unaligned.
  const org = read("demo/output/organisation-report.md");
  const from = org.indexOf("### Shipped work by repository");
  const to = org.indexOf("\n```mermaid", from);
  return {
    comment: read("demo/output/comment.md").trim(),
    report: (cut > 0 ? report.slice(0, cut) : report).trim(),
    organisation: (from >= 0 && to > from ? org.slice(from, to) : org).trim(),
  };
}

/** Set apart from the README's own text as a quotation, exactly as the app wrote it otherwise. */
export function quoted(block: string): string {
  return block
    .split("\n")
    .map((line) => (line === "" ? ">" : `> ${line}`))
    .join("\n");
}

/** The README with each `<!-- demo:NAME -->…<!-- /demo:NAME -->` block set to the demo's output. */
export function withDemoBlocks(readme: string, blocks = demoBlocks()): string {
  return readme.replace(/<!-- demo:(\w+) -->[\s\S]*?<!-- \/demo:\1 -->/g, (whole, name: string) => {
    const block = blocks[name];
    if (block === undefined) return whole;
    return `<!-- demo:${name} -->\n\n${quoted(block)}\n\n<!-- /demo:${name} -->`;
  });
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  writeFileSync(`${root}/README.md`, withDemoBlocks(read("README.md")));
}
