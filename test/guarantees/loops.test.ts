/**
 * No loops: events the app's own writes cause are ignored, recognised by the app's login as GitHub
 * reports it (GET /app), never by a fixed name; other bots' events are handled like anyone's.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { assertNoPendingMocks, setupNock } from "../fixtures/probot.js";
import { STRATEGY } from "../fixtures/strategies.js";
import { RepoFake } from "../fixtures/github-fake/one-repo.js";
import { commentEvent, issueEvent, pullRequestEvent, testProbot, type Sent } from "./helpers.js";

const bot = (login: string) => ({ login, type: "Bot" });

/** The webhooks GitHub sends for the app's own writes, as the app's bot. */
function echoesOf(fake: RepoFake, writes: Sent[]) {
  const sender = bot(fake.login);
  return writes.flatMap((w) => {
    const number = Number(/\/issues\/(\d+)\//.exec(w.path)?.[1]);
    const isPull = number === 2;
    const event = (action: string) => {
      const e = isPull
        ? pullRequestEvent(action, { number, labels: fake.labelsOf(number) })
        : issueEvent(action, { number, labels: fake.labelsOf(number) });
      e.payload.sender = sender;
      return e;
    };
    if (w.method === "POST" && w.path.endsWith("/labels") && number)
      return (w.body.labels as string[]).map(() => event("labeled"));
    if (w.method === "DELETE" && w.path.includes("/labels/")) return [event("unlabeled")];
    if (w.method === "POST" && w.path.endsWith("/comments")) {
      const e = commentEvent(w.body.body, { login: fake.login, type: "Bot", onPullRequest: isPull });
      e.payload.issue.number = number;
      return [e];
    }
    return [];
  });
}

describe("the app's own events", () => {
  beforeEach(setupNock);
  afterEach(assertNoPendingMocks);

  it("feeding every write back as the webhook GitHub would send causes no further write", async () => {
    const probot = testProbot();
    const fake = new RepoFake({ strategy: STRATEGY }).serve();
    fake.item(2).files = ["infra/main.tf"];
    await probot.receive(issueEvent("opened"));
    await probot.receive(pullRequestEvent("opened"));
    let round = fake.writes();
    expect(round.length).toBeGreaterThan(3);
    for (let i = 0; i < 3 && round.length > 0; i++) {
      const before = fake.writes().length;
      for (const echo of echoesOf(fake, round)) await probot.receive(echo);
      round = fake.writes().slice(before);
      expect(round).toEqual([]);
    }
  });

  it("ignores its own comment even when it reads like a command", async () => {
    const probot = testProbot();
    const fake = new RepoFake({ strategy: STRATEGY }).serve();
    await probot.receive(commentEvent("/strategy explain", { login: fake.login, type: "Bot" }));
    // Only who the app is was asked; nothing was read or written about the item.
    expect(fake.requests).toEqual([]);
  });

  it("knows itself by the login GitHub reports, whatever name it was registered under", async () => {
    const probot = testProbot();
    const fake = new RepoFake({ strategy: STRATEGY }).serve();
    fake.slug = "acme-throughline";
    await probot.receive(issueEvent("labeled", {}, { sender: bot("acme-throughline[bot]") }));
    expect(fake.requests).toEqual([]);
    // An app that happens to be called throughline is someone else here.
    await probot.receive(issueEvent("labeled", {}, { sender: bot("throughline[bot]") }));
    expect(fake.item(1).labels).toEqual(["strategy: reliability"]);
  });
});

describe("other bots' events", () => {
  beforeEach(setupNock);
  afterEach(assertNoPendingMocks);

  it.each(["dependabot[bot]", "renovate[bot]", "github-actions[bot]"])(
    "are handled like anyone's: %s",
    async (login) => {
      const probot = testProbot();
      const fake = new RepoFake({ strategy: STRATEGY }).serve();
      fake.item(2).files = ["infra/main.tf"];
      const event = pullRequestEvent("opened", { user: { login, type: "Bot" } });
      event.payload.sender = bot(login);
      await probot.receive(event);
      expect(fake.item(2).labels).toEqual(["strategy: reliability"]);
      expect(fake.commentsOn(2).map((c) => c.author)).toEqual([fake.login]);
      expect(fake.checks).toHaveLength(1);
    },
  );

  it("a person whose login looks like the app's is a person", async () => {
    const probot = testProbot();
    const fake = new RepoFake({ strategy: STRATEGY }).serve();
    await probot.receive(issueEvent("opened", {}, { sender: { login: "throughline", type: "User" } }));
    expect(fake.item(1).labels).toEqual(["strategy: reliability"]);
  });
});
