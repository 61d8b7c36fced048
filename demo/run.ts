/**
 * `npm run demo`: the real app, offline, over a sample repository. GitHub is a fake behind nock that
 * holds the sample's issues, pull requests and months of merged work; the app receives webhooks as
 * GitHub would send them and writes back through the same API. The clock is fixed and every id comes
 * from a counter, so two runs write the same files to demo/output/.
 *
 * 1. Three issues and two pull requests are opened (labels, progress comment, check); the board's
 *    auto-add puts each on the team's Project, whose Problem field the app sets.
 * 2. `/strategy explain` is asked on each of them.
 * 3. The monthly reports for August, September and October are published, in that order, as the
 *    schedule would have; October's is the one shown.
 */
import { generateKeyPairSync } from "node:crypto";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { Probot, ProbotOctokit } from "probot";
import { StrategyFiles } from "../src/github/strategy-file.js";
import { publishReport } from "../src/handlers/report.js";
import { createApp } from "../src/index.js";
import { parseStrategy } from "../src/strategy/index.js";
import nock from "nock";
import {
  addToProject,
  FakeGitHub,
  itemId,
  type Item,
  type Project,
  type Repository,
} from "../test/fixtures/github-fake/index.js";
import { renderOutputs, type DemoOutputs } from "./outputs.js";
import { ORG_OWNER, ORG_STRATEGY, organisationWork, WEB_STRATEGY } from "./sample/organisation.js";
import { generateHistory } from "./sample/history.js";
import { newWork } from "./sample/new-work.js";
import {
  APP,
  DEFAULT_BRANCH,
  FILES,
  LABELS,
  MILESTONES,
  NOW,
  OWNER,
  PLAN_ISSUES,
  REPO,
  ROLES,
  STRATEGY_TEXT,
  strategyAsOf,
} from "./sample/repository.js";
import { commented, INSTALLATION_ID, issueOpened, projectItemCreated, pullRequestOpened } from "./webhooks.js";

export const OUTPUT_DIR = fileURLToPath(new URL("./output/", import.meta.url));
export type { DemoOutputs } from "./outputs.js";

const REPORT_MONTHS = ["2026-08", "2026-09", "2026-10"];
const SHOWN_MONTH = "2026-10";
/** The maintainer who asks `/strategy explain`. */
const ASKER = "mara";

/** The team's board, an organisation Project (v2) that `settings.project` names. */
const BOARD = { owner: OWNER, number: 1, title: "Storefront roadmap" };
/** Who runs the board: its auto-add puts new issues and pull requests on it. */
const BOARD_OWNER = "mara";

function sampleGitHub(): { gh: FakeGitHub; repo: Repository; opened: Item[]; board: Project } {
  const parsed = parseStrategy(STRATEGY_TEXT, "strategy.yml");
  if (!parsed.ok) throw new Error(`the sample strategy is invalid: ${parsed.errors.map((e) => e.message).join("; ")}`);
  const history = generateHistory(parsed.strategy, 101);
  const opened = newWork(101 + history.length);
  const gh = new FakeGitHub({ app: APP, now: NOW, firstId: 9001 });
  const repo = gh.addRepository({
    owner: OWNER,
    name: REPO,
    id: "R_demo",
    defaultBranch: DEFAULT_BRANCH,
    files: FILES,
    labels: LABELS,
    milestones: MILESTONES,
    roles: ROLES,
    defaultRole: null,
    items: [...PLAN_ISSUES, ...history],
  });
  // The strategy file is rewritten before each month's report to stand as it did then, so its history
  // is not shown to GraphQL: each report reads its trends from the reports before it.
  repo.branchTarget = false;
  const board = gh.addProject(BOARD);
  return { gh, repo, opened, board };
}

let privateKey: string | undefined;

/** A Probot like production's, minus retries and throttling (nothing to wait for offline). */
function probot(strategies: StrategyFiles): Probot {
  // A throwaway key: the fake GitHub accepts any token.
  privateKey ??= generateKeyPairSync("rsa", { modulusLength: 2048 }).privateKey.export({
    type: "pkcs1",
    format: "pem",
  }) as string;
  const instance = new Probot({
    appId: APP.id,
    privateKey,
    Octokit: ProbotOctokit.defaults((o: any) => ({ ...o, retry: { enabled: false }, throttle: { enabled: false } })),
    logLevel: "fatal",
  });
  instance.load(createApp({ now: () => NOW, strategies }));
  return instance;
}

/** Runs the demo and returns the files it would write, without writing them. */
export async function runDemo(): Promise<DemoOutputs> {
  const { gh, repo, opened, board } = sampleGitHub();
  nock.disableNetConnect();
  const stop = gh.intercept();
  try {
    // The app's strategy files, shared with the monthly reports below.
    const strategies = new StrategyFiles();
    const app = probot(strategies);
    // 1. The morning's new issues and pull requests, as GitHub delivers them.
    for (const item of opened) {
      repo.items.set(item.number, structuredClone(item));
      await app.receive(item.kind === "issue" ? issueOpened(item) : pullRequestOpened(item));
      const added = addToProject(gh, board, repo.item(item.number));
      await app.receive(
        projectItemCreated(
          item,
          { id: added.id, projectId: board.id, contentId: itemId(repo.item(item.number)) },
          BOARD_OWNER,
        ),
      );
    }
    // 2. A maintainer asks why, on each of them.
    for (const item of opened) {
      const comment = { id: gh.nextId(), author: ASKER, body: "/strategy explain", createdAt: gh.tick() };
      repo.item(item.number).comments.push(comment);
      await app.receive(commented(repo.item(item.number), comment));
    }
    // 3. The monthly reports, oldest first, each with the strategy file as it stood then, so October's
    //    reads its trends from the two before it.
    const octokit = await app.auth(INSTALLATION_ID);
    let shown = "";
    for (const month of REPORT_MONTHS) {
      const version = strategyAsOf(month);
      repo.files.set("strategy.yml", version.text);
      repo.history.set("strategy.yml", [
        {
          oid: version.commit,
          committedDate: NOW.toISOString(),
          message: "Adopt the 2026 strategy",
          text: version.text,
        },
      ]);
      strategies.forget(OWNER, REPO);
      const loaded = await strategies.load(octokit, { owner: OWNER, repo: REPO });
      if (loaded.status !== "ok") throw new Error(`the app did not load the ${month} strategy: ${loaded.status}`);
      const published = await publishReport({
        octokit,
        owner: OWNER,
        repo: REPO,
        month,
        loaded,
        botLogin: APP.login,
        post: true,
        now: NOW,
      });
      if (month === SHOWN_MONTH) shown = published.body;
    }
    if (gh.problems.length > 0)
      throw new Error(`the demo's GitHub was asked what it cannot answer:\n${gh.problems.join("\n")}`);
    const outputs = renderOutputs(repo, {
      opened: opened.map((i) => i.number),
      featured: opened[3]!.number,
      month: SHOWN_MONTH,
      reportBody: shown,
      board,
    });
    stop();
    // 4. An organisation of three repositories under one strategy, and its report.
    return { ...outputs, "organisation-report.md": await organisationReport(app) };
  } finally {
    stop();
    nock.enableNetConnect();
  }
}

/** October's organisation report of the sample organisation, as `/strategy report` in its `.github` repository posts it. */
async function organisationReport(app: Probot): Promise<string> {
  const gh = new FakeGitHub({ app: APP, now: NOW, firstId: 19001 });
  const home = gh.addRepository({ owner: ORG_OWNER, name: ".github", files: { "strategy.yml": ORG_STRATEGY } });
  gh.addRepository({ owner: ORG_OWNER, name: "api" });
  gh.addRepository({ owner: ORG_OWNER, name: "web", files: { ".github/strategy.yml": WEB_STRATEGY } });
  for (const [name, items] of Object.entries(organisationWork())) {
    const repo = gh.repo(`${ORG_OWNER}/${name}`);
    for (const item of items) gh.item(repo, item.number!, item);
  }
  home.branchTarget = false;
  const stop = gh.intercept();
  try {
    const octokit = await app.auth(INSTALLATION_ID);
    const strategies = new StrategyFiles();
    const loaded = await strategies.load(octokit, { owner: ORG_OWNER, repo: ".github" });
    if (loaded.status !== "ok") throw new Error(`the app did not load the organisation's strategy: ${loaded.status}`);
    await publishReport({
      octokit,
      owner: ORG_OWNER,
      repo: ".github",
      month: SHOWN_MONTH,
      loaded,
      botLogin: APP.login,
      post: true,
      now: NOW,
    });
    if (gh.problems.length > 0)
      throw new Error(`the demo's GitHub was asked what it cannot answer:\n${gh.problems.join("\n")}`);
    const report = home.discussions.find((d) => d.title.endsWith("October 2026"));
    if (!report) throw new Error("the organisation report was not posted");
    return report.body.endsWith("\n") ? report.body : `${report.body}\n`;
  } finally {
    stop();
  }
}

/** Runs the demo and writes its files to `dir`. */
export async function main(dir = OUTPUT_DIR): Promise<DemoOutputs> {
  const outputs = await runDemo();
  mkdirSync(dir, { recursive: true });
  for (const [name, text] of Object.entries(outputs)) writeFileSync(join(dir, name), text);
  return outputs;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  main().then(
    (outputs) =>
      console.log(
        `Wrote ${Object.keys(outputs)
          .map((f) => `demo/output/${f}`)
          .join(", ")}`,
      ),
    (error) => {
      console.error(error);
      process.exitCode = 1;
    },
  );
}
