import { describe, expect, it } from "vitest";
describe("the app in Probot's server", () => {
  it("routes GET /health next to the webhooks", async () => {
    const { Probot, Server } = await import("probot");
    const { generateKeyPairSync } = await import("node:crypto");
    const { createApp } = await import("../../src/index.js");
    const privateKey = generateKeyPairSync("rsa", { modulusLength: 1024 }).privateKey.export({ type: "pkcs1", format: "pem" }) as string;
    const server = new Server({ Probot: Probot.defaults({ appId: 1, privateKey, secret: "s", logLevel: "fatal" }), port: 0, host: "127.0.0.1" });
    await server.load(createApp({}, { schedule: false }));
    const http = await server.start();
    try {
      const { port } = http.address() as { port: number };
      const res = await fetch(`http://127.0.0.1:${port}/health`);
      expect(res.status).toBe(200);
      expect(await res.json()).toMatchObject({ status: "ok" });
    } finally {
      await server.stop();
    }
  });
});
