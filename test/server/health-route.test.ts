import { createServer, type Server as NetServer } from "node:net";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { freePort } from "../fixtures/ports.js";

/**
 * Port 3000 is what `npm start` listens on: held here for the whole file, so these servers prove they
 * never need it (held by this file, or by a running `npm start`, either way it is taken).
 */
let held: NetServer | undefined;
beforeAll(async () => {
  const server = createServer();
  held = await new Promise<NetServer | undefined>((resolve) => {
    server.once("error", () => resolve(undefined)); // already taken, e.g. by `npm start`
    server.listen(3000, "localhost", () => resolve(server));
  });
});
afterAll(() => held?.close());

async function get(port: number, path: string): Promise<{ status: number; text: string }> {
  const res = await fetch(`http://127.0.0.1:${port}${path}`, { redirect: "manual" });
  return { status: res.status, text: await res.text() };
}

describe("the app in Probot's server", () => {
  it("port 3000 is taken while these tests run", async () => {
    const probe = createServer();
    const error = await new Promise<NodeJS.ErrnoException | undefined>((resolve) => {
      probe.once("error", resolve).listen(3000, "localhost", () => probe.close(() => resolve(undefined)));
    });
    expect(error?.code).toBe("EADDRINUSE");
  });

  it("routes GET /health next to the webhooks", async () => {
    const { Probot, Server } = await import("probot");
    const { generateKeyPairSync } = await import("node:crypto");
    const { createApp } = await import("../../src/index.js");
    const privateKey = generateKeyPairSync("rsa", { modulusLength: 1024 }).privateKey.export({
      type: "pkcs1",
      format: "pem",
    }) as string;
    const port = await freePort();
    const server = new Server({
      Probot: Probot.defaults({ appId: 1, privateKey, secret: "s", logLevel: "fatal" }),
      port,
      host: "127.0.0.1",
    });
    await server.load(createApp({}, { schedule: false }));
    await server.start();
    try {
      const res = await get(port, "/health");
      expect(res.status).toBe(200);
      expect(JSON.parse(res.text)).toMatchObject({ status: "ok" });
    } finally {
      await server.stop();
    }
  });

  it("in setup mode (no credentials yet) serves the Register GitHub App page and answers GET /health", async () => {
    vi.stubEnv("NO_SMEE_SETUP", "true"); // the setup page would otherwise open a smee.io channel
    const { startSetupMode } = await import("../../src/server/setup-mode.js");
    const { Guards } = await import("../../src/handlers/guard.js");
    const port = await freePort();
    const server = await startSetupMode(
      { PORT: String(port), HOST: "127.0.0.1", LOG_LEVEL: "fatal", NO_SMEE_SETUP: "true" },
      new Guards(),
    );
    try {
      expect(server.port).toBe(port);
      const health = await get(port, "/health");
      expect(health.status).toBe(200);
      expect(JSON.parse(health.text)).toMatchObject({ status: "ok", in_flight: 0 });
      expect(await get(port, "/")).toMatchObject({ status: 302 });
      const page = await get(port, "/probot");
      expect(page.status).toBe(200);
      expect(page.text).toContain("Register GitHub App");
    } finally {
      await server.stop();
      vi.unstubAllEnvs();
    }
  });
});
