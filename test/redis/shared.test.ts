/**
 * The parts shared through a real Redis: the delivery record, pacing, /health, and what happens while
 * Redis is unreachable. Each "process" here is its own set of connections, as separate processes have.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { Guards } from "../../src/handlers/guard.js";
import { DELIVERY_KEY_PREFIX, HANDLED_TTL_SECONDS } from "../../src/redis/deliveries.js";
import { TOKEN_KEY_PREFIX } from "../../src/redis/tokens.js";
import { startShared, type Shared } from "../../src/redis/shared.js";
import { healthRoute } from "../../src/handlers/health.js";
import { startRedis, type TestRedis } from "../fixtures/redis-server.js";

let redis: TestRedis;
const opened: Shared[] = [];

function process_(): { shared: Shared; warn: ReturnType<typeof vi.fn>; info: ReturnType<typeof vi.fn> } {
  const shared = startShared(redis.url);
  const warn = vi.fn();
  const info = vi.fn();
  shared.useLog({ warn, info });
  opened.push(shared);
  return { shared, warn, info };
}

const until = async (condition: () => boolean | Promise<boolean>, what: string) => {
  for (let i = 0; i < 600; i += 1) {
    if (await condition()) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`gave up waiting: ${what}`);
};

const context = (id: string) => ({ id, payload: { sender: { login: "octocat", type: "User" } } }) as never;

function health(shared: Shared): Record<string, unknown> {
  let body = "";
  const res = { writeHead: () => ({ end: (b: string) => (body = b) }) } as unknown as ServerResponse;
  healthRoute({ guards: new Guards(), redis: shared.redis })({ method: "GET", url: "/health" } as IncomingMessage, res);
  return JSON.parse(body);
}

beforeAll(async () => {
  redis = await startRedis();
}, 60_000);

afterAll(async () => {
  for (const shared of opened) await shared.close();
  await redis?.stop();
}, 60_000);

describe("with REDIS_URL", () => {
  it("a delivery handled by one process is skipped by another, and kept for more than a day", async () => {
    const a = process_().shared;
    const b = process_().shared;
    await until(() => a.redis.available() && b.redis.available(), "both connected");
    const ran: string[] = [];
    const handlerOf = (name: string, shared: Shared) =>
      new Guards(shared.deliveries).wrap(
        async () => ({ login: "throughline[bot]", appId: 1 }),
        () => "acme/app#1",
        async () => {
          ran.push(name);
        },
      );
    await handlerOf("a", a)(context("d-1"));
    await handlerOf("b", b)(context("d-1"));
    await handlerOf("b", b)(context("d-2"));
    expect(ran).toEqual(["a", "b"]);
    expect(await a.redis.client.get(`${DELIVERY_KEY_PREFIX}d-1`)).toBe("handled");
    expect(await a.redis.client.ttl(`${DELIVERY_KEY_PREFIX}d-1`)).toBeGreaterThan(24 * 60 * 60);
    expect(HANDLED_TTL_SECONDS).toBeGreaterThanOrEqual(24 * 60 * 60);
  });

  it("a failed delivery is forgotten everywhere, so GitHub's redelivery runs again on any process", async () => {
    const a = process_().shared;
    const b = process_().shared;
    await until(() => a.redis.available() && b.redis.available(), "both connected");
    let attempts = 0;
    const handlerOf = (shared: Shared) =>
      new Guards(shared.deliveries).wrap(
        async () => ({ login: "throughline[bot]", appId: 1 }),
        () => "acme/app#2",
        async () => {
          attempts += 1;
          if (attempts === 1) throw new Error("GitHub answered 502");
        },
      );
    await expect(handlerOf(a)(context("d-3"))).rejects.toThrow("502");
    await handlerOf(b)(context("d-3"));
    await handlerOf(a)(context("d-3"));
    expect(attempts).toBe(2);
  });

  it("two processes' clients share one pacing budget per installation", async () => {
    const a = process_().shared;
    const b = process_().shared;
    await until(() => a.redis.available() && b.redis.available(), "both connected");
    const pa = a.pacing.current();
    const pb = b.pacing.current();
    expect(pa.clustering).toBe(true);
    let release!: () => void;
    const held = pa.write.key("77").schedule(() => new Promise<void>((resolve) => (release = resolve)));
    // The write limiter allows one at a time per installation: B sees A's write running, through Redis.
    await until(async () => (await pb.write.key("77").running()) === 1, "B sees A's running write");
    expect(await pb.write.key("78").running()).toBe(0);
    release();
    await held;
    await until(async () => (await pb.write.key("77").running()) === 0, "B sees it finished");
  });

  it("an installation token one process got serves the others until it nears expiry", async () => {
    const a = process_().shared;
    const b = process_().shared;
    await until(() => a.redis.available() && b.redis.available(), "both connected");
    expect(await b.tokens.get("42")).toBeUndefined();
    await a.tokens.set("42", "ghs_token|2026-12-01T10:00:00Z|2026-12-01T11:00:00Z|all|issues!,metadata|");
    expect(await b.tokens.get("42")).toBe("ghs_token|2026-12-01T10:00:00Z|2026-12-01T11:00:00Z|all|issues!,metadata|");
    const ttl = await a.redis.client.pttl(`${TOKEN_KEY_PREFIX}42`);
    expect(ttl).toBeGreaterThan(58 * 60 * 1000);
    expect(ttl).toBeLessThanOrEqual(59 * 60 * 1000);
  });

  it("events for one item run one at a time across processes", async () => {
    const a = process_().shared;
    const b = process_().shared;
    await until(() => a.redis.available() && b.redis.available(), "both connected");
    let running = 0;
    let most = 0;
    const work = async () => {
      running += 1;
      most = Math.max(most, running);
      await new Promise((resolve) => setTimeout(resolve, 30));
      running -= 1;
    };
    await Promise.all(Array.from({ length: 8 }, (_, i) => (i % 2 ? a : b).itemLock.hold("acme/app#9", work)));
    expect(most).toBe(1);
    // Other items are not held up by it.
    let other = 0;
    await Promise.all([
      a.itemLock.hold("acme/app#10", async () => void (other += 1)),
      b.itemLock.hold("acme/app#11", async () => void (other += 1)),
    ]);
    expect(other).toBe(2);
  });

  it("Redis down: logged once, /health says so, deliveries and pacing fall back to the process; back when it returns", async () => {
    const { shared, warn, info } = process_();
    await until(() => shared.redis.available(), "connected");
    expect(health(shared)).toMatchObject({ status: "ok", redis: "ok" });

    await redis.kill();
    await until(() => !shared.redis.available(), "Redis seen as down");
    // Several reconnect attempts go by (every 2 s at most)...
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    expect(warn).toHaveBeenCalledTimes(1);
    expect(String(warn.mock.calls[0]?.[0])).toMatch(/unreachable/);
    expect(health(shared)).toMatchObject({ status: "ok", redis: "unreachable" });
    expect(shared.pacing.current().clustering).toBe(false);

    // Webhooks go on, deduplicated by this process.
    const ran: string[] = [];
    const handler = new Guards(shared.deliveries).wrap(
      async () => ({ login: "throughline[bot]", appId: 1 }),
      () => "acme/app#3",
      async () => {
        ran.push("x");
      },
    );
    await handler(context("d-down"));
    await handler(context("d-down"));
    expect(ran).toEqual(["x"]);

    await redis.start();
    await until(() => shared.redis.available(), "Redis seen as back");
    expect(info).toHaveBeenCalledTimes(1);
    expect(warn).toHaveBeenCalledTimes(1);
    expect(health(shared)).toMatchObject({ redis: "ok" });
    expect(shared.pacing.current().clustering).toBe(true);
  }, 60_000);
});
