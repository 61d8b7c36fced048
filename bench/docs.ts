/** docs/performance.md: what the benchmark measures and how to read it, then the latest run's tables. */
import { writeFileSync } from "node:fs";
import { resultsMarkdown, type Results } from "./table.js";

const INTRO = `# Performance

What costs a Throughline user is requests: each one spends the installation's rate limit, and every write
or GraphQL call waits about a second under GitHub's pacing of content creation (Probot's throttling
spaces them out). So the benchmark counts requests first, and measures time only as ratios taken in the
same run, which hold on a noisy machine.

Run it with \`npm run bench\` (two to five minutes on 2 cores, depending on what else runs; most of it the
reports at scale of section 5) or \`npm run bench -- --quick\` (under a minute).
\`npm run bench -- --docs\` rewrites this page and docs/performance.json from the run.
test/bench/bench.test.ts runs the quick version and asserts the request targets (counts, never time).

## How to read the tables

1. **Requests per event**: each event goes through the real app (\`probot.receive\`) against a small
   stateful GitHub served by nock, and every request nock answers is counted.
   *Steady*: the app has been running (strategy cached, so re-reading it is a 304; its labels known to
   exist) and the item is as the app left it. *Cold*: the first event in a repository after a start,
   with no strategy label created yet and nothing of the app's on the item.
   *Total* excludes auth (*Auth*: the installation token and GET /app, once per installation and
   process). *Paced*: writes and GraphQL calls. *Free (304)*: conditional requests that cost no rate
   limit. *Writes*: REST writes, compared with the *Floor*, the writes the event needs.
   Targets apply in steady state: an issue event ≤ 2 requests, a pull-request event ≤ 6 with ≤ 4 paced.
2. **Monthly report**: \`publishReport\` over N merged pull requests against the fake GitHub the tests share
   (GraphQL search pages of 100, search windows split past 1,000 results), each N in its own process.
   Two in five carry a strategy label; the others (*Without label*, U) are judged on their facts, read
   50 a request. Target: ≤ ⌈N/100⌉ + ⌈U/50⌉ + 15 requests. *Pacing* is what the requests cost at a second
   each. *Own ms* is the wall time not spent waiting on a request (the fake GitHub's own work is in *Wall
   ms*). Memory: peak heap above the start of the report, and the process's peak RSS; the fake GitHub
   answers in the same process here, so both include its work (section 5 measures the report alone).
3. **Core throughput**: classify + tally + render (the report's pure work) over N pull requests given as
   the JSON text of search pages, as a ratio against only parsing those pages. Every pull request is
   judged by the rules of examples/strategy.yml (none carries a strategy label). Heap peaks include
   uncollected garbage; *Retained* is what is still held after a collection.
4. **Handler overhead**: the real app handling N \`pull_request.opened\` events, as a ratio against a bare
   Probot app sending the same five requests, both with throttling off.
5. **Reports at scale**: \`publishReport\` over a month of N merged pull requests, the fake GitHub serving
   it over loopback from the benchmark's process and the report running in a process of its own, so its
   memory is the report's alone. *Repository*: a month whose pull requests all carry a strategy label
   (budget ⌈N/100⌉ + 15), and months where none does (U = N), each judged now as it would have been live
   on its facts, read 50 a request (budget ⌈N/100⌉ + ⌈U/50⌉ + 15, plus one per pull request with more
   than 100 changed files, *B*: one in 500 here). *Organisation*: R repositories inheriting the strategy
   of \`.github\` (one in ten extends it), all pull requests labelled or one in five not; budget
   ⌈N/100⌉ + ⌈R/100⌉ + 20 when all carry a strategy label, and ⌈U/50⌉ + B more for the U that do not. *Live heap*: the heap still in use
   after a collection every 10 requests (what the report holds), above the heap at its start; *Heap
   peak*: sampled every 2 ms, garbage included; *Max RSS*: the process's peak (Node and the loaded code
   account for most of it). What the report holds is bounded: sums, a handful of notable items per
   problem, and a sample of at most 1,000 unaligned and 1,000 aligned items for rule suggestions, which
   is full by 10,000 pull requests here; an organisation report also keeps sums per repository.

## Latest run
`;

export function writePerformanceDocs(results: Results): void {
  const docs = new URL("../docs/", import.meta.url);
  writeFileSync(
    new URL("performance.md", docs),
    `${INTRO}\n${results.at.slice(0, 10)}, \`npm run bench${results.quick ? " -- --quick" : ""}\`.\n\n${resultsMarkdown(results)}\n`,
  );
  writeFileSync(new URL("performance.json", docs), `${JSON.stringify(results, null, 2)}\n`);
}
