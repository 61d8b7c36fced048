/**
 * A burst of 500 issues.opened across 500 items, all at once: every one handled, exactly once, with
 * exactly the writes it needs; and every write passes through the throttling plugin's write pacing
 * (counted by an instant stand-in for its queue: no real seconds are waited here).
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { assertNoPendingMocks, setupNock } from "../fixtures/probot.js";
import { STRATEGY } from "../fixtures/strategies.js";
import { RepoFake } from "../fixtures/github-fake/one-repo.js";
import { countingPacer, issueEvent, liveProbot, testProbot } from "./helpers.js";

const RELIABILITY = "strategy: reliability";
const N = 500;

/** Odd issues mention an outage (one label each); even ones serve nothing (no write at all). */
const burstEvents = (n = N) =>
  Array.from({ length: n }, (_, i) =>
    issueEvent("opened", { number: i + 1, title: i % 2 === 0 ? `Outage ${i + 1}` : `Question ${i + 1}` }),
  );

function perItemWrites(fake: RepoFake): Map<number, number> {
  const counts = new Map<number, number>();
  for (const w of fake.writes()) {
    const n = Number(/\/issues\/(\d+)\/labels$/.exec(w.path)?.[1]);
    if (n) counts.set(n, (counts.get(n) ?? 0) + 1);
  }
  return counts;
}

describe("a burst of 500 events", () => {
  beforeEach(setupNock);
  afterEach(assertNoPendingMocks);

  it("all handled, none lost, none twice: one label write per item that serves a problem, one label created", async () => {
    const probot = testProbot(); // throttling off: no pacing waits
    const fake = new RepoFake({ strategy: STRATEGY }).serve();
    const events = burstEvents();
    // Each delivered twice, as GitHub may: the copies must change nothing.
    const outcomes = await Promise.allSettled([...events, ...events].map((e) => probot.receive(e)));
    expect(outcomes.filter((o) => o.status === "rejected")).toEqual([]);
    const counts = perItemWrites(fake);
    expect(counts.size).toBe(N / 2);
    expect([...counts.values()].every((c) => c === 1)).toBe(true);
    for (let i = 1; i <= N; i++) expect(fake.item(i).labels).toEqual(i % 2 === 1 ? [RELIABILITY] : []);
    expect(fake.writes()).toHaveLength(N / 2 + 1); // + creating the label, once
    // The strategy file: read once, then a conditional request per event (free when unchanged).
    expect(fake.requests.filter((r) => r.path.endsWith("/contents/strategy.yml"))).toHaveLength(N);
  });

  it("with throttling on, every write of 100 events at once goes through the write pacing, one at a time", async () => {
    const pacer = countingPacer();
    const probot = liveProbot({ pacer, retry: false });
    const fake = new RepoFake({ strategy: STRATEGY }).serve();
    await Promise.all(burstEvents(100).map((e) => probot.receive(e)));
    const writes = fake.writes().length;
    expect(writes).toBe(100 / 2 + 1);
    // The throttling plugin queues writes and GraphQL requests; only writes happen here, each queued once.
    expect(pacer.seen.jobs).toBe(writes);
    expect(pacer.seen.maxRunning).toBe(1);
  });
});
