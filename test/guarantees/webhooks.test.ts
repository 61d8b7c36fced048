/**
 * Deliveries arrive over HTTP through Probot's own middleware: only a delivery signed with the webhook
 * secret, with GitHub's headers and a JSON body, reaches a handler. Everything else is refused before.
 */
import { createHmac, generateKeyPairSync } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import nock from "nock";
import { createNodeMiddleware, Probot, ProbotOctokit } from "probot";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createApp } from "../../src/index.js";
import { example } from "../fixtures/payloads.js";
import { APP, assertNoPendingMocks, NOW } from "../fixtures/probot.js";

// GitHub's published test vector for X-Hub-Signature-256.
const SECRET = "It's a Secret to Everybody";
const VECTOR = {
  payload: "Hello, World!",
  signature: "sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17",
};

const sign = (body: string, secret = SECRET) => `sha256=${createHmac("sha256", secret).update(body).digest("hex")}`;

let probot: Probot;
let server: Server;
let url: string;
const ran: string[] = [];

beforeAll(async () => {
  probot = new Probot({
    appId: APP.id,
    privateKey: generateKeyPairSync("rsa", { modulusLength: 1024 }).privateKey.export({
      type: "pkcs1",
      format: "pem",
    }) as string,
    secret: SECRET,
    Octokit: ProbotOctokit.defaults((o: any) => ({ ...o, retry: { enabled: false }, throttle: { enabled: false } })),
    logLevel: "fatal",
  });
  const middleware = await createNodeMiddleware(
    (app) => {
      createApp({ now: () => NOW })(app);
      // Runs for every delivery that reaches the handlers, whatever its event.
      app.onAny(async (context) => void ran.push(`${context.name}:${context.id}`));
    },
    { probot },
  );
  server = createServer((req, res) => void middleware(req, res, () => res.writeHead(404).end()));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/github/webhooks`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

beforeEach(() => {
  ran.length = 0;
  nock.disableNetConnect();
  nock.enableNetConnect("127.0.0.1");
});
afterEach(assertNoPendingMocks);

const ping = JSON.stringify({ ...example("ping"), installation: { id: 1 } });

function deliver(body: string, headers: Record<string, string | undefined>, method = "POST") {
  const defined = Object.fromEntries(Object.entries(headers).filter((e): e is [string, string] => e[1] !== undefined));
  return fetch(url, { method, headers: defined, body: method === "GET" ? undefined : body });
}

const headersFor = (body: string, over: Record<string, string | undefined> = {}) => ({
  "content-type": "application/json",
  "x-github-event": "ping",
  "x-github-delivery": "d-1",
  "x-hub-signature-256": sign(body),
  ...over,
});

describe("webhook deliveries", () => {
  it("GitHub's published test vector verifies with the secret (the signing used below is GitHub's)", async () => {
    expect(await probot.webhooks.verify(VECTOR.payload, VECTOR.signature)).toBe(true);
    expect(await probot.webhooks.verify(VECTOR.payload, sign(VECTOR.payload, "another secret"))).toBe(false);
    expect(sign(VECTOR.payload)).toBe(VECTOR.signature);
  });

  it("accepts a signed JSON delivery and runs the handlers once", async () => {
    const res = await deliver(ping, headersFor(ping));
    expect(res.status).toBe(200);
    expect(ran).toEqual(["ping:d-1"]);
  });

  it.each([
    [
      "a signature made with another secret",
      headersFor(ping, { "x-hub-signature-256": sign(ping, "not the secret") }),
      400,
    ],
    ["a signature of another body", headersFor(ping, { "x-hub-signature-256": sign(`${ping} `) }), 400],
    ["a malformed signature", headersFor(ping, { "x-hub-signature-256": "sha256=zz" }), 400],
    [
      "only the old SHA-1 signature",
      headersFor(ping, { "x-hub-signature-256": undefined, "x-hub-signature": "sha1=0000" }),
      400,
    ],
    ["no signature header", headersFor(ping, { "x-hub-signature-256": undefined }), 400],
    ["no event header", headersFor(ping, { "x-github-event": undefined }), 400],
    ["no delivery id", headersFor(ping, { "x-github-delivery": undefined }), 400],
    ["a form-encoded body", headersFor(ping, { "content-type": "application/x-www-form-urlencoded" }), 415],
    ["no content type", headersFor(ping, { "content-type": undefined }), 415],
  ])("refuses %s, and no handler runs", async (_what, headers, status) => {
    const res = await deliver(ping, headers);
    expect(res.status).toBe(status);
    expect(ran).toEqual([]);
  });

  it("refuses a correctly signed body that is not JSON (GitHub's vector), and no handler runs", async () => {
    const res = await deliver(VECTOR.payload, headersFor(VECTOR.payload, { "x-hub-signature-256": VECTOR.signature }));
    expect(res.status).toBe(400);
    expect(await res.text()).toContain("Invalid JSON");
    expect(ran).toEqual([]);
  });

  it("refuses truncated JSON even when signed", async () => {
    const broken = ping.slice(0, ping.length / 2);
    const res = await deliver(broken, headersFor(broken));
    expect(res.status).toBe(400);
    expect(ran).toEqual([]);
  });

  it("answers 404 to anything but POST on the webhook path", async () => {
    const res = await deliver("", {}, "GET");
    expect(res.status).toBe(404);
    expect(ran).toEqual([]);
  });

  it("a forged issues delivery reaches no handler and asks nothing of GitHub", async () => {
    const forged = JSON.stringify({ ...example("issues", "opened"), installation: { id: 1 } });
    const res = await deliver(
      forged,
      headersFor(forged, { "x-github-event": "issues", "x-hub-signature-256": sign(forged, "guess") }),
    );
    expect(res.status).toBe(400);
    expect(ran).toEqual([]);
    // net connect is off and nothing is mocked: any request to GitHub would have failed the delivery with 500.
  });
});
