/**
 * Installation access tokens shared by the processes of a deployment: the cache Probot's app
 * authentication keeps in each process (@octokit/auth-app's), backed by Redis, so a token one process
 * asked GitHub for serves the others until it nears expiry instead of each process asking for its own.
 * Kept as auth-app keeps them (59 minutes of a token's hour); this process's own cache answers first, and
 * alone while Redis is unreachable. Redis then holds live installation tokens: keep it private.
 */
import type { TokenCache } from "../github/client.js";
import type { RedisState } from "./connection.js";

export const TOKEN_KEY_PREFIX = "throughline:token:";
const TTL_MS = 59 * 60 * 1000;
const LOCAL_LIMIT = 15_000;

export function redisTokenCache(redis: Pick<RedisState, "client" | "available">): TokenCache {
  const local = new Map<string, { value: string; until: number }>();
  const remember = (key: string, value: string, until: number) => {
    local.delete(key);
    local.set(key, { value, until });
    if (local.size > LOCAL_LIMIT) local.delete(local.keys().next().value as string);
  };
  return {
    get: async (key) => {
      const own = local.get(key);
      if (own && own.until > Date.now()) return own.value;
      if (!redis.available()) return undefined;
      try {
        const [value, ttl] = await Promise.all([
          redis.client.get(`${TOKEN_KEY_PREFIX}${key}`),
          redis.client.pttl(`${TOKEN_KEY_PREFIX}${key}`),
        ]);
        if (value && ttl > 0) remember(key, value, Date.now() + ttl);
        return value ?? undefined;
      } catch {
        return undefined;
      }
    },
    set: async (key, value) => {
      remember(key, value, Date.now() + TTL_MS);
      if (redis.available())
        await redis.client.set(`${TOKEN_KEY_PREFIX}${key}`, value, "PX", TTL_MS).catch(() => undefined);
    },
  };
}
