/**
 * Events for one issue or pull request one at a time across processes: a lock per item in Redis, so a
 * burst of deliveries spread over several processes still reads what the previous one wrote (one
 * progress comment, one check run per head commit). The lock is held with a lease that is renewed while
 * the event runs, so a process that dies frees it within a lease. While Redis is unreachable, or when an
 * item stays locked longer than anyone should hold it, the event runs without it (this process still
 * runs one event per item at a time).
 */
import { randomUUID } from "node:crypto";
import type { ItemLock } from "../handlers/guard.js";
import type { RedisState } from "./connection.js";

export const ITEM_LOCK_PREFIX = "throughline:item:";
const LEASE_MS = 30_000;
/** Longer than a burst of events on one item takes; past it the event runs anyway. */
const MOST_WAIT_MS = 120_000;

const RELEASE = `if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end return 0`;
const RENEW = `if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('PEXPIRE', KEYS[1], ARGV[2]) end return 0`;

export function redisItemLock(
  redis: Pick<RedisState, "client" | "available">,
  log?: { warn(message: string): void },
): ItemLock {
  return {
    hold: async (key, work) => {
      const name = `${ITEM_LOCK_PREFIX}${key}`;
      const token = randomUUID();
      let held = false;
      const deadline = Date.now() + MOST_WAIT_MS;
      for (let wait = 25; redis.available() && Date.now() < deadline; wait = Math.min(wait * 2, 250)) {
        try {
          held = (await redis.client.set(name, token, "PX", LEASE_MS, "NX")) === "OK";
        } catch {
          break; // Redis lost: run without the lock
        }
        if (held) break;
        await new Promise((resolve) => setTimeout(resolve, wait + Math.floor(Math.random() * wait)));
      }
      if (!held && redis.available())
        log?.warn(`${key} stayed locked by another process for ${MOST_WAIT_MS / 1000} s: handling the event anyway`);
      if (!held) return work();
      const renew = setInterval(
        () => void redis.client.eval(RENEW, 1, name, token, LEASE_MS).catch(() => undefined),
        LEASE_MS / 3,
      );
      try {
        return await work();
      } finally {
        clearInterval(renew);
        await redis.client.eval(RELEASE, 1, name, token).catch(() => undefined);
      }
    },
  };
}
