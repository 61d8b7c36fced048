/**
 * Requests per event: each scenario runs through the real app (probot.receive) against the fake GitHub,
 * and every request nock answers is counted by how GitHub charges it. Auth requests (the installation
 * token and GET /app, once per installation or process) are shown apart from the event's own.
 */
import type { Probot } from "probot";
import { testProbot } from "../test/fixtures/probot.js";
import { STRATEGY } from "../test/fixtures/strategies.js";
import { issueEvent, pullEvent, type Delivery } from "./events.js";
import { fakeState, serveFake, type FakeState, type Recorded } from "./fake-github.js";
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
const describe = (r: Recorded) => (r.operation ? `graphql ${r.operation}` : `${r.method} ${r.path.replace(/^\/repos\/[^/]+\/[^/]+/, "")} ${r.status}`);

const STRATEGY_LABELS = ["strategy: reliability", "strategy: costs"];

/** Warm the app as a while of traffic would: strategy cached, identity known, both labels seen (on other items). */
async function warmUp(receive: (d: Delivery) => Promise<void>, state: FakeState): Promise<void> {
  for (const label of STRATEGY_LABELS) state.labels.add(label);
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
  const state = fakeState(STRATEGY);
  state.counts = { total: 10, aligned: 6, p0: 4, p1: 2 };
  const fake = serveFake(state);
  try {
    const probot = benchProbot();
    const receive = (d: Delivery) => probot.receive(d as any);
    if (phase === "steady") await warmUp(receive, state);
    await scenario.before?.(phase, receive, state);
    fake.log.length = 0;
    await receive(scenario.event(phase));
    const failed = [...fake.unmatched, ...fake.log.filter((r) => r.status >= 500).map(describe)];
    if (failed.length > 0) throw new Error(`${scenario.name} (${phase}) made requests the fake GitHub cannot answer: ${failed.join(", ")}`);
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
    fake.stop();
  }
}

export async function countEvents(phases: Phase[] = ["steady", "cold"]): Promise<EventCount[]> {
  const counts: EventCount[] = [];
  for (const scenario of SCENARIOS) for (const phase of phases) counts.push(await countEvent(scenario, phase));
  return counts;
}
