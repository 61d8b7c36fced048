/**
 * People change labels while the app works, and their change stands: the app adds and removes single
 * labels (never replaces the set), never touches a label that is not its own to manage, and never
 * re-adds a strategy label a person removed.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { assertNoPendingMocks, setupNock } from "../fixtures/probot.js";
import { STRATEGY } from "../fixtures/strategies.js";
import { RepoFake } from "../fixtures/github-fake/one-repo.js";
import { APP, issueEvent, pullRequestEvent, testProbot } from "./helpers.js";

const RELIABILITY = "strategy: reliability";
const COSTS = "strategy: costs";

function fakeWithLabels() {
  const fake = new RepoFake({ strategy: STRATEGY }).serve();
  fake.repoLabels.add(RELIABILITY);
  fake.repoLabels.add(COSTS);
  return fake;
}

/** The app never sends the whole set (PUT), and only ever names strategy labels. */
function expectSingleLabelWrites(fake: RepoFake) {
  const labelWrites = fake.requests.filter((r) => /\/issues\/\d+\/labels/.test(r.path) && r.method !== "GET");
  expect(labelWrites.some((r) => r.method === "PUT")).toBe(false);
  for (const r of labelWrites) {
    const named = r.method === "POST" ? r.body.labels : [decodeURIComponent(r.path.split("/labels/")[1]!)];
    for (const name of named) expect(name).toMatch(/^strategy: /);
  }
}

describe("a person changes labels mid-run", () => {
  beforeEach(setupNock);
  afterEach(assertNoPendingMocks);

  it("a label a person adds while the app writes its own stays", async () => {
    const probot = testProbot();
    const fake = fakeWithLabels();
    fake.beforeWrite = (r) => r.path.endsWith("/issues/1/labels") && fake.addLabel(1, "needs-triage");
    await probot.receive(issueEvent("opened"));
    expect(fake.item(1).labels).toEqual(["needs-triage", RELIABILITY]);
    expectSingleLabelWrites(fake);
  });

  it("a strategy label a person adds mid-run wins: the app then takes back only its own", async () => {
    const probot = testProbot();
    const fake = fakeWithLabels();
    fake.beforeWrite = (r) => r.path.endsWith("/issues/1/labels") && r.method === "POST" && fake.addLabel(1, COSTS);
    await probot.receive(issueEvent("opened"));
    fake.beforeWrite = () => undefined;
    // The person's labeled event arrives: their choice is explicit, and never overridden.
    await probot.receive(issueEvent("labeled", { labels: fake.labelsOf(1) }));
    expect(fake.item(1).labels).toEqual([COSTS]);
    expectSingleLabelWrites(fake);
  });

  it("a strategy label a person removes is never re-added, whatever events follow", async () => {
    const probot = testProbot();
    const fake = fakeWithLabels();
    await probot.receive(issueEvent("opened"));
    expect(fake.item(1).labels).toEqual([RELIABILITY]);
    fake.removeLabel(1, RELIABILITY);
    for (const action of ["unlabeled", "edited", "reopened", "edited"]) {
      await probot.receive(issueEvent(action, { labels: fake.labelsOf(1), body: "Another outage today." }));
    }
    expect(fake.item(1).labels).toEqual([]);
    expect(fake.requests.filter((r) => r.method === "POST" && r.path.endsWith("/issues/1/labels"))).toHaveLength(1);
  });

  it("a label the app was about to remove, removed by a person first: no failure, no re-add", async () => {
    const probot = testProbot();
    const fake = fakeWithLabels();
    fake.addLabel(1, RELIABILITY, APP.login);
    fake.beforeWrite = (r) => r.method === "DELETE" && fake.removeLabel(1, RELIABILITY);
    // The title no longer mentions an outage: the app takes its label back, and finds it gone (404).
    await probot.receive(issueEvent("edited", { title: "Update the README", body: "", labels: fake.labelsOf(1) }));
    expect(fake.item(1).labels).toEqual([]);
  });

  it("on a pull request, a person's label added during the run survives the app's label, comment and check writes", async () => {
    const probot = testProbot();
    const fake = fakeWithLabels();
    fake.item(2).files = ["infra/main.tf"];
    fake.beforeWrite = (r) => r.path.endsWith("/issues/2/comments") && fake.addLabel(2, "do-not-merge");
    await probot.receive(pullRequestEvent("opened"));
    expect(fake.item(2).labels).toEqual([RELIABILITY, "do-not-merge"]);
    expectSingleLabelWrites(fake);
  });
});
