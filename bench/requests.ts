/**
 * Requests per event: each scenario runs through the real app (probot.receive) against the fake GitHub,
 * and every request it answers is counted by how GitHub charges it. Auth requests (the installation
 * token and GET /app, once per installation or process) are shown apart from the event's own.
 */
import type { Probot } from "probot";
import { testProbot } from "../test/fixtures/probot.js";
import { STRATEGY } from "../test/fixtures/strategies.js";
import { issueEvent, pullEvent, type Delivery } from "./events.js";
import { FakeGitHub, type Recorded, type Repository } from "../test/fixtures/github-fake/index.js";
import { SCENARIOS, TARGETS, type Kind, type Phase, type Scenario } from "./scenarios.js";

export interface EventCount {
  event: string;
  kind: Kind;
  phase: Phase;
  total: number;
  /** Writes and GraphQL calls: each waits about a second under GitHub's pacing of content creation. */
  paced: number;
  /** Conditional requests answered 304: free of rate limit. */
  free: number;
  /** REST writes (POST, PATCH, PUT, DELETE): what the floor is compared with. */
  writes: number;
  floor: number;
  auth: number;
  /** Method and path (or GraphQL operation) of each counted request, in order. */
  requests: string[];
  target: { total?: number; paced?: number };
  withinTarget: boolean | null;
}

const isAuth = (r: Recorded) => r.path === "/app" || r.path.endsWith("/access_tokens");
const isPaced = (r: Recorded) => r.path === "/graphql" || (r.method !== "GET" && r.method !== "HEAD");
const describe = (r: Recorded) =>
  r.operation
    ? `graphql ${r.operation}`
    : `${r.method} ${r.url.split("?")[0]!.replace(/^\/repos\/[^/]+\/[^/]+/, "")} ${r.status}`;

/** The fake GitHub the benchmark runs against, and its one repository. */
export interface BenchGitHub {
  gh: FakeGitHub;
  repo: Repository;
}

/**
 * The test repository with the strategy, anyone allowed to give commands, and the month so far: ten
 * merged pull requests, four serving reliability and two costs (what the progress comment's figures count).
 */
export function benchGitHub(strategy: string): BenchGitHub {
  const gh = new FakeGitHub({ autoCreateItems: true, firstId: 1000 });
  // As in GitHub's example payloads, the default branch is master.
  const repo = gh.addRepository({
    owner: "Codertocat",
    name: "Hello-World",
    defaultBranch: "master",
    files: { "strategy.yml": strategy },
    defaultRole: "write",
  });
  const served = (i: number) => (i < 4 ? ["strategy: reliability"] : i < 6 ? ["strategy: costs"] : []);
  for (let i = 0; i < 10; i++) {
    gh.item(repo, 200 + i, {
      labels: served(i),
      createdAt: "2026-11-02T09:00:00Z",
      mergedAt: `2026-11-${String(3 + i).padStart(2, "0")}T12:00:00Z`,
      state: "closed",
    });
  }
  return { gh, repo };
}

/** Fails when the fake was asked what it does not model, or answered a server error. */
export function assertAnswered(what: string, gh: FakeGitHub): void {
  const failed = [...gh.problems, ...gh.log.filter((r) => r.status >= 500).map(describe)];
  if (failed.length > 0) throw new Error(`${what} made requests the fake GitHub cannot answer: ${failed.join(", ")}`);
}

const STRATEGY_LABELS = ["strategy: reliability", "strategy: costs"];

/** Warm the app as a while of traffic would: strategy cached, identity known, both labels seen (on other items). */
async function warmUp(receive: (d: Delivery) => Promise<void>, { repo }: BenchGitHub): Promise<void> {
  for (const label of STRATEGY_LABELS) repo.ensureLabel(label);
  await receive(issueEvent("opened", { number: 90 }));
  await receive(issueEvent("opened", { number: 91, title: "Tidy", body: "Serves: costs" }));
  await receive(pullEvent("opened", { number: 92 }, "9".repeat(40)));
}

/** The app as the tests run it, without the monthly schedule (its pass would add requests of its own). */
export function benchProbot(): Probot {
  process.env.THROUGHLINE_SCHEDULE = "off";
  return testProbot();
}

export async function countEvent(scenario: Scenario, phase: Phase): Promise<EventCount> {
  const bench = benchGitHub(STRATEGY);
  const fake = bench.gh;
  const stop = fake.intercept();
  try {
    const probot = benchProbot();
    const receive = (d: Delivery) => probot.receive(d as any);
    if (phase === "steady") await warmUp(receive, bench);
    await scenario.before?.(phase, receive, bench);
    fake.clearLog();
    await receive(scenario.event(phase));
    assertAnswered(`${scenario.name} (${phase})`, fake);
    const own = fake.log.filter((r) => !isAuth(r));
    const total = own.length;
    const paced = own.filter(isPaced).length;
    // Targets are for steady state; cold events are judged against them too, for information.
    const target = TARGETS[scenario.kind];
    const judged = target.total !== undefined || target.paced !== undefined;
    return {
      event: scenario.name,
      kind: scenario.kind,
      phase,
      total,
      paced,
      free: own.filter((r) => r.status === 304).length,
      writes: own.filter((r) => r.path !== "/graphql" && r.method !== "GET" && r.method !== "HEAD").length,
      floor: scenario.floor[phase],
      auth: fake.log.length - total,
      requests: own.map(describe),
      target,
      withinTarget: judged ? total <= (target.total ?? Infinity) && paced <= (target.paced ?? Infinity) : null,
    };
  } finally {
    stop();
  }
}

export async function countEvents(phases: Phase[] = ["steady", "cold"]): Promise<EventCount[]> {
  const counts: EventCount[] = [];
  for (const scenario of SCENARIOS) for (const phase of phases) counts.push(await countEvent(scenario, phase));
  return counts;
}
