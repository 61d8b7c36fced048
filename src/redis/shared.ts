/**
 * What the processes of one deployment share through Redis (REDIS_URL), built once at start-up: the
 * connection and its health, the webhook delivery record, GitHub request pacing, and (where the monthly
 * job runs) the report queue and its worker. `close` stops them in order: the worker first (its jobs
 * finish), then the connections.
 */
import { hostname } from "node:os";
import type { Probot } from "probot";
import { sharedPacing, type Pacing } from "../github/pacing.js";
import { type MonthlyJobs, type MonthlyJobsOptions, startMonthlyJobs } from "../schedule/queue.js";
import { connectRedis, type RedisLog, type RedisState } from "./connection.js";
import type { DeliveryRecord } from "../handlers/deliveries.js";
import type { ItemLock } from "../handlers/guard.js";
import type { TokenCache } from "../github/client.js";
import { redisDeliveries } from "./deliveries.js";
import { redisItemLock } from "./item-lock.js";
import { redisTokenCache } from "./tokens.js";

export interface Closeable {
  close(): Promise<void>;
}

export interface Shared {
  redis: RedisState;
  deliveries: DeliveryRecord;
  itemLock: ItemLock;
  pacing: Pacing;
  tokens: TokenCache;
  /** Sends Redis's log lines to the app's logger once there is one (the console until then). */
  useLog(log: RedisLog): void;
  /** Runs the monthly job in this process: its worker takes jobs from the shared queue. */
  runMonthlyJobs(app: Probot, now?: () => Date, options?: Partial<MonthlyJobsOptions>): MonthlyJobs;
  /** Things to stop before the connections close (the monthly job's worker and queue), in order. */
  stopFirst: Closeable[];
  close(): Promise<void>;
}

export function startShared(url: string): Shared {
  let log: RedisLog = { info: (m) => console.log(m), warn: (m) => console.warn(m) };
  const redis = connectRedis(url, { info: (m) => log.info(m), warn: (m) => log.warn(m) });
  // Pacing commands wait briefly for a reconnect, then fail rather than hold a webhook.
  const pacing = sharedPacing(redis.connect({ maxRetriesPerRequest: 2 }), redis.available);
  const stopFirst: Closeable[] = [];
  return {
    redis,
    deliveries: redisDeliveries(redis),
    itemLock: redisItemLock(redis, { warn: (m) => log.warn(m) }),
    pacing,
    tokens: redisTokenCache(redis),
    useLog: (next) => void (log = next),
    runMonthlyJobs: (app, now, options = {}) => {
      const jobs = startMonthlyJobs({ app, redis, now, workerName: `${hostname()}:${process.pid}`, ...options });
      stopFirst.push(jobs);
      return jobs;
    },
    stopFirst,
    close: async () => {
      for (const part of stopFirst) await part.close().catch(() => undefined);
      await pacing.close();
      await redis.close();
    },
  };
}
