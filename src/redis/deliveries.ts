/**
 * The record of webhook deliveries (GitHub's X-GitHub-Delivery id) already taken: a redelivery is handled
 * once. In this process by default; in Redis when REDIS_URL is set, so a redelivery that reaches another
 * process is skipped too, before any GitHub request. Taking a delivery is a set-if-absent with a short
 * expiry (a process killed mid-event leaves no lasting mark); a handled one is kept two days, a failed
 * one is forgotten so that GitHub's redelivery runs again. While Redis is unreachable the process's own
 * record answers.
 */
import { type DeliveryRecord, localDeliveries } from "../handlers/deliveries.js";
import type { RedisState } from "./connection.js";

/** How long a handled delivery is remembered in Redis: GitHub redelivers for up to three days on request. */
export const HANDLED_TTL_SECONDS = 2 * 24 * 60 * 60;
/** How long a delivery being handled is held: longer than any event takes, short enough for a crash. */
export const TAKEN_TTL_SECONDS = 10 * 60;
export const DELIVERY_KEY_PREFIX = "throughline:delivery:";

/** The record in Redis, shared by every process; this process's own record while Redis is unreachable. */
export function redisDeliveries(redis: Pick<RedisState, "client" | "available">): DeliveryRecord {
  const local = localDeliveries();
  const key = (id: string) => `${DELIVERY_KEY_PREFIX}${id}`;
  // Which record took each delivery under way, so that it is settled in the same one.
  const takenLocally = new Set<string>();
  return {
    take: async (id) => {
      if (redis.available()) {
        try {
          return (await redis.client.set(key(id), "taken", "EX", TAKEN_TTL_SECONDS, "NX")) === "OK";
        } catch {
          // Lost between the check and the command: answered below like any outage.
        }
      }
      takenLocally.add(id);
      return local.take(id);
    },
    handled: async (id) => {
      if (takenLocally.delete(id)) return local.handled(id);
      await redis.client.set(key(id), "handled", "EX", HANDLED_TTL_SECONDS).catch(() => undefined);
    },
    forget: async (id) => {
      if (takenLocally.delete(id)) return local.forget(id);
      await redis.client.del(key(id)).catch(() => undefined);
    },
    clear: () => {
      takenLocally.clear();
      local.clear();
    },
  };
}
