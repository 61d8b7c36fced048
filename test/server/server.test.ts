import { createServer } from "node:http";
import { describe, expect, it, vi } from "vitest";
import { oneAtATime } from "../../src/handlers/guard.js";
import { configErrors } from "../../src/server/config.js";
import { healthHandler } from "../../src/server/health.js";
import { stopGracefully } from "../../src/server/shutdown.js";

describe("configuration errors name the variable to fix", () => {
  it.each([
    [{}, []],
    [{ NODE_ENV: "production" }, ["APP_ID is missing"]],
    [{ APP_ID: "12" }, ["PRIVATE_KEY or PRIVATE_KEY_PATH is missing", "WEBHOOK_SECRET is missing"]],
    [{ APP_ID: "twelve", PRIVATE_KEY: "k", WEBHOOK_SECRET: "s" }, ['APP_ID must be the app\'s numeric id, not "twelve"']],
    [{ APP_ID: "12", PRIVATE_KEY_PATH: "/no/such.pem", WEBHOOK_SECRET: "s" }, ["PRIVATE_KEY_PATH names a file that does not exist"]],
    [{ APP_ID: "12", PRIVATE_KEY: "k", WEBHOOK_SECRET: "s" }, []],
  ])("%j", (env, starts) => {
    const errors = configErrors(env as NodeJS.ProcessEnv);
    expect(errors).toHaveLength(starts.length);
    for (const [i, start] of starts.entries()) expect(errors[i].startsWith(start)).toBe(true);
  });
});

async function get(path: string): Promise<{ status: number; body: any }> {
  const server = createServer((req, res) => {
    if (!healthHandler(req, res)) res.writeHead(404).end();
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
    expect(await get("/health")).toEqual({ status: 200, body: { status: "ok", in_flight: 0 } });
    expect((await get("/elsewhere")).status).toBe(404);
  });

  it("on SIGTERM: /health turns 503, the server stops, events under way finish, then exit 0", async () => {
    let release!: () => void;
    const event = oneAtATime("acme/app#1", () => new Promise<void>((resolve) => (release = resolve)));
    const stop = vi.fn(async () => undefined);
    const exit = vi.fn() as unknown as (code?: number) => never;
    const stopping = stopGracefully({ stop }, 5_000, exit);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(await get("/health")).toEqual({ status: 503, body: { status: "stopping", in_flight: 1 } });
    expect(stop).toHaveBeenCalledOnce();
    expect(exit).not.toHaveBeenCalled();
    release();
    await event;
    await stopping;
    expect(exit).toHaveBeenCalledWith(0);
  });

  it("gives up after its limit with exit 1 when an event never finishes", async () => {
    void oneAtATime("acme/app#2", () => new Promise<void>(() => undefined));
    const exit = vi.fn() as unknown as (code?: number) => never;
    await stopGracefully({ stop: async () => undefined }, 50, exit);
    expect(exit).toHaveBeenCalledWith(1);
  });
});
