import { spawnSync } from "node:child_process";
import { generateKeyPairSync } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, describe, expect, it, vi } from "vitest";
import { Guards } from "../../src/handlers/guard.js";
import { configErrors, setupMode } from "../../src/server/config.js";
import { healthRoute } from "../../src/handlers/health.js";
import { stopGracefully } from "../../src/server/shutdown.js";

const KEY = generateKeyPairSync("rsa", { modulusLength: 1024 }).privateKey.export({
  type: "pkcs1",
  format: "pem",
}) as string;
const folder = mkdtempSync(join(tmpdir(), "throughline-config-"));
const keyFile = join(folder, "app.pem");
const brokenKeyFile = join(folder, "broken.pem");
writeFileSync(keyFile, KEY);
writeFileSync(brokenKeyFile, "-----BEGIN RSA PRIVATE KEY-----\nnot a key\n-----END RSA PRIVATE KEY-----\n");
// Probot also takes a lone .pem file from the working folder: look from an empty one.
const empty = mkdtempSync(join(tmpdir(), "throughline-empty-"));
afterAll(() => {
  for (const dir of [folder, empty]) rmSync(dir, { recursive: true, force: true });
});

const PRIVATE_KEY_HELP =
  "PRIVATE_KEY is not a readable private key: paste the whole .pem file, from -----BEGIN RSA PRIVATE KEY----- to -----END RSA PRIVATE KEY----- (newlines may be written as \\n).";

describe("configuration errors name the variable to fix, one line each", () => {
  it.each<[string, Record<string, string>, string[]]>([
    ["nothing yet: the setup page", {}, []],
    ["the example .env: the setup page", { APP_ID: "", PRIVATE_KEY_PATH: "", WEBHOOK_SECRET: "development" }, []],
    [
      "production needs an app",
      { NODE_ENV: "production" },
      ["APP_ID is missing: set it to the GitHub App's id (the app's settings page shows it)."],
    ],
    [
      "a key without an app id",
      { PRIVATE_KEY: KEY, WEBHOOK_SECRET: "s" },
      ["APP_ID is missing: set it to the GitHub App's id (the app's settings page shows it)."],
    ],
    [
      "an app id alone",
      { APP_ID: "12" },
      [
        "PRIVATE_KEY or PRIVATE_KEY_PATH is missing: give the app's private key (.pem) or the path to it.",
        "WEBHOOK_SECRET is missing: set it to the webhook secret given when the app was registered.",
      ],
    ],
    [
      "an app id that is not a number",
      { APP_ID: "twelve", PRIVATE_KEY: KEY, WEBHOOK_SECRET: "s" },
      ['APP_ID must be the app\'s numeric id, not "twelve".'],
    ],
    ["a key that is not PEM", { APP_ID: "12", PRIVATE_KEY: "k", WEBHOOK_SECRET: "s" }, [PRIVATE_KEY_HELP]],
    [
      "a PEM whose contents are broken",
      {
        APP_ID: "12",
        PRIVATE_KEY: "-----BEGIN RSA PRIVATE KEY-----\\nAAAA\\n-----END RSA PRIVATE KEY-----",
        WEBHOOK_SECRET: "s",
      },
      [PRIVATE_KEY_HELP],
    ],
    [
      "a broken key without an app id",
      { PRIVATE_KEY: "k" },
      ["APP_ID is missing: set it to the GitHub App's id (the app's settings page shows it).", PRIVATE_KEY_HELP],
    ],
    [
      "a key path to nowhere",
      { APP_ID: "12", PRIVATE_KEY_PATH: "/no/such.pem", WEBHOOK_SECRET: "s" },
      ["PRIVATE_KEY_PATH names a file that does not exist: /no/such.pem"],
    ],
    [
      "a key path to a broken file",
      { APP_ID: "12", PRIVATE_KEY_PATH: brokenKeyFile, WEBHOOK_SECRET: "s" },
      [`PRIVATE_KEY_PATH names a file that is not a readable private key: ${brokenKeyFile}`],
    ],
    ["a good key file", { APP_ID: "12", PRIVATE_KEY_PATH: keyFile, WEBHOOK_SECRET: "s" }, []],
    ["a good key", { APP_ID: "12", PRIVATE_KEY: KEY, WEBHOOK_SECRET: "s" }, []],
    [
      "a good key with escaped newlines",
      { APP_ID: "12", PRIVATE_KEY: KEY.replace(/\n/g, "\\n"), WEBHOOK_SECRET: "s" },
      [],
    ],
  ])("%s", (_, env, expected) => {
    expect(configErrors(env, empty)).toEqual(expected);
  });

  it("setup mode only while nothing about the app is configured", () => {
    expect(setupMode({}, empty)).toBe(true);
    expect(setupMode({ APP_ID: "", WEBHOOK_SECRET: "development" }, empty)).toBe(true);
    expect(setupMode({ PRIVATE_KEY: "k" }, empty)).toBe(false);
    expect(setupMode({ APP_ID: "12" }, empty)).toBe(false);
  });

  it("npm start with a malformed PRIVATE_KEY stops with one line naming it, and no stack trace", () => {
    const cwd = mkdtempSync(join(tmpdir(), "throughline-start-"));
    try {
      writeFileSync(join(cwd, ".env"), 'APP_ID=12\nPRIVATE_KEY="not a key"\nWEBHOOK_SECRET=s\n');
      const main = join(import.meta.dirname, "../../src/server/main.ts");
      const tsx = join(import.meta.dirname, "../../node_modules/tsx/dist/loader.mjs");
      const env = { ...process.env, APP_ID: "", PRIVATE_KEY: "", PRIVATE_KEY_PATH: "", NODE_ENV: "", PORT: "1" };
      const run = spawnSync(process.execPath, ["--import", pathToFileURL(tsx).href, main], {
        cwd,
        env,
        encoding: "utf8",
      });
      expect(run.status).toBe(1);
      expect(run.stderr.trim()).toBe(`Throughline cannot start: ${PRIVATE_KEY_HELP}`);
      expect(run.stdout).toBe("");
    } finally {
      rmSync(cwd, { recursive: true, force: true });
    }
  });
});

async function get(guards: Guards, path: string): Promise<{ status: number; body: any }> {
  const health = healthRoute({ guards });
  const server = createServer((req, res) => {
    if (!health(req, res)) res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  try {
    const res = await fetch(`http://127.0.0.1:${port}${path}`);
    return { status: res.status, body: res.status === 404 ? null : await res.json() };
  } finally {
    server.close();
  }
}

describe("health and graceful shutdown", () => {
  it("answers /health with the events under way, and leaves other paths alone", async () => {
    const guards = new Guards();
    expect(await get(guards, "/health")).toEqual({ status: 200, body: { status: "ok", in_flight: 0 } });
    expect((await get(guards, "/elsewhere")).status).toBe(404);
  });

  it("on SIGTERM: /health turns 503, the server stops, events under way finish, then exit 0", async () => {
    const guards = new Guards();
    let release!: () => void;
    const event = guards.oneAtATime("acme/app#1", () => new Promise<void>((resolve) => (release = resolve)));
    const stop = vi.fn(async () => undefined);
    const exit = vi.fn() as unknown as (code?: number) => never;
    const stopping = stopGracefully({ stop }, { guards, limitMs: 5_000, exit });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(await get(guards, "/health")).toEqual({ status: 503, body: { status: "stopping", in_flight: 1 } });
    expect(stop).toHaveBeenCalledOnce();
    expect(exit).not.toHaveBeenCalled();
    release();
    await event;
    await stopping;
    expect(exit).toHaveBeenCalledWith(0);
  });

  it("gives up after its limit with exit 1 when an event never finishes", async () => {
    const guards = new Guards();
    void guards.oneAtATime("acme/app#2", () => new Promise<void>(() => undefined));
    const exit = vi.fn() as unknown as (code?: number) => never;
    await stopGracefully({ stop: async () => undefined }, { guards, limitMs: 50, exit });
    expect(exit).toHaveBeenCalledWith(1);
  });
});
