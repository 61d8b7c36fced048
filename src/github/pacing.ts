/**
 * GitHub request pacing shared by every process of a deployment: the throttling plugin's own limiter
 * groups (the plugin in Probot's Octokit, configured as Probot configures it for REDIS_URL: full
 * Bottleneck clustered over an ioredis connection), so one installation gets one budget however many
 * processes write to it. While Redis is unreachable, clients made then pace within this process (the
 * plugin's defaults), so webhooks are never held up by Redis; clients made once it is back share again.
 *
 * The groups mirror @octokit/plugin-throttling's: the plugin keeps one set per process, made by the
 * first client, which is why both sets are made here and each client is handed the one that applies.
 */
import Bottleneck from "bottleneck";
import type { Redis } from "ioredis";

export interface PacingGroups {
  global: Bottleneck.Group;
  auth: Bottleneck.Group;
  search: Bottleneck.Group;
  write: Bottleneck.Group;
  notifications: Bottleneck.Group;
}

/** Throttle options for one client: the groups, and whether they are shared (the plugin's `clustering`). */
export type PacingOptions = PacingGroups & { clustering: boolean; Bottleneck: typeof Bottleneck };

export interface Pacing {
  /** The groups a client made now should use. */
  current(): PacingOptions;
  /** Stops the shared limiters' connection. */
  close(): Promise<void>;
}

/** As @octokit/plugin-throttling sets them up; `timeout` is how long Redis keeps an idle limiter. */
function groups(common: { timeout: number; connection?: Bottleneck.IORedisConnection }): PacingGroups {
  return {
    global: new Bottleneck.Group({ id: "octokit-global", maxConcurrent: 10, ...common }),
    auth: new Bottleneck.Group({ id: "octokit-auth", maxConcurrent: 1, ...common }),
    search: new Bottleneck.Group({ id: "octokit-search", maxConcurrent: 1, minTime: 2000, ...common }),
    write: new Bottleneck.Group({ id: "octokit-write", maxConcurrent: 1, minTime: 1000, ...common }),
    notifications: new Bottleneck.Group({ id: "octokit-notifications", maxConcurrent: 1, minTime: 3000, ...common }),
  };
}

const TIMEOUT_MS = 2 * 60 * 1000;

/**
 * Pacing over `client` (a connection of its own: Bottleneck subscribes on a duplicate of it), used while
 * `available()` says Redis answers.
 */
export function sharedPacing(client: Redis, available: () => boolean): Pacing {
  const connection = new Bottleneck.IORedisConnection({ client });
  // Connection errors are the Redis state's to report (once); Bottleneck would repeat them per retry.
  connection.on("error", () => undefined);
  const shared: PacingOptions = { ...groups({ timeout: TIMEOUT_MS, connection }), clustering: true, Bottleneck };
  const local: PacingOptions = { ...groups({ timeout: TIMEOUT_MS }), clustering: false, Bottleneck };
  return {
    current: () => (available() ? shared : local),
    close: async () => {
      await connection.disconnect(false).catch(() => undefined);
    },
  };
}
