import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { example } from "./fixtures/payloads.js";
import { assertNoPendingMocks, setupNock, testProbot } from "./fixtures/probot.js";

describe("the app", () => {
  beforeEach(setupNock);
  afterEach(assertNoPendingMocks);

  it("loads as the default export and receives a ping without calling GitHub", async () => {
    const probot = testProbot();
    await expect(probot.receive({ id: "1", name: "ping", payload: example("ping") } as any)).resolves.toBeUndefined();
  });
});
