/**
 * The app's connection to the Redis server named by REDIS_URL, shared by the processes of one deployment.
 * One client answers quick commands (the delivery record) and fails fast while Redis is unreachable
 * (no offline queue), so a webhook is never held up by Redis; it reconnects on its own, every few
 * seconds at most. Losing Redis is logged once, and its return once.
 */
import { Redis, type RedisOptions } from "ioredis";

export interface RedisLog {
  info(message: string): void;
  warn(message: string): void;
}

export interface RedisState {
  /** The URL it connects to, without a password (for logs and /health). */
  readonly url: string;
  /** The client for quick commands; fails at once while Redis is unreachable. */
  readonly client: Redis;
  /** True while the server answers. */
  available(): boolean;
  /** Resolves once Redis is reachable (at once if it is now). */
  whenAvailable(): Promise<void>;
  /** A new connection with the same settings and its own options (BullMQ and the pacing need their own). */
  connect(options?: RedisOptions): Redis;
  /** Called with true when Redis becomes reachable, false when it is lost. */
  onChange(listener: (available: boolean) => void): void;
  /** Closes every connection made here. */
  close(): Promise<void>;
}

/** Reconnect after 100 ms, then up to every 2 s, for ever. */
export const retryStrategy = (times: number) => Math.min(100 * times, 2000);

/** "redis://:secret@host:6379/0" → "redis://host:6379/0". */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    parsed.username = "";
    parsed.password = "";
    return parsed.toString();
  } catch {
    return "(an unparsable REDIS_URL)";
  }
}

export function connectRedis(url: string, log: RedisLog): RedisState {
  const shown = redactUrl(url);
  const base: RedisOptions = { retryStrategy, lazyConnect: false, connectTimeout: 5_000 };
  const made: Redis[] = [];
  const connect = (options: RedisOptions = {}) => {
    const client = new Redis(url, { ...base, ...options });
    made.push(client);
    return client;
  };
  const client = connect({ enableOfflineQueue: false, maxRetriesPerRequest: 1, commandTimeout: 2_000 });

  let up = false;
  // Reported once per outage: the first failure (or a start while Redis is down), then the return.
  let reported = false;
  const listeners: ((available: boolean) => void)[] = [];
  let waiting: (() => void)[] = [];
  const change = (now: boolean) => {
    if (now === up) return;
    up = now;
    if (now) {
      if (reported)
        log.info(`Redis at ${shown} is reachable again: shared pacing, delivery record and monthly jobs resume`);
      reported = false;
      for (const resolve of waiting) resolve();
      waiting = [];
    }
    for (const listener of listeners) listener(now);
  };
  const failed = (error?: Error) => {
    change(false);
    if (reported) return;
    reported = true;
    log.warn(
      `Redis at ${shown} is unreachable${error?.message ? ` (${error.message})` : ""}: webhooks are handled with this process's own pacing and delivery record; monthly jobs wait for Redis. Retrying in the background.`,
    );
  };
  client.on("ready", () => change(true));
  client.on("error", (error: Error) => failed(error));
  client.on("end", () => change(false));
  client.on("close", () => {
    if (up) failed(new Error("connection closed"));
  });

  return {
    url: shown,
    client,
    available: () => up,
    whenAvailable: () => (up ? Promise.resolve() : new Promise((resolve) => waiting.push(resolve))),
    connect,
    onChange: (listener) => void listeners.push(listener),
    close: async () => {
      await Promise.all(
        made.map(async (c) => {
          if (c.status !== "ready") return c.disconnect();
          try {
            await c.quit();
          } catch {
            c.disconnect();
          }
        }),
      );
    },
  };
}
