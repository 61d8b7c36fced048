/**
 * Safety around every handler: the app's own events are ignored (no loops), a redelivered webhook
 * (same delivery id) is handled once (in this process, or across processes with the delivery record in
 * Redis), and events for one item run one at a time (in this process, and across processes with the item
 * lock in Redis).
 */
import type { Context } from "probot";
import { type Identity, sameLogin } from "../github/identity.js";
import { type DeliveryRecord, localDeliveries } from "./deliveries.js";

/** Events for one item one at a time across processes (the one shared through Redis is src/redis/item-lock.ts). */
export interface ItemLock {
  /** Runs `work` while holding the lock for `key`. */
  hold<T>(key: string, work: () => Promise<T>): Promise<T>;
}

export type AnyContext = Context & { payload: { sender?: { login?: string; type?: string } } };

/** The deliveries taken and the queues of events under way; one per app (the app state holds it). */
export class Guards {
  private readonly queues = new Map<string, Promise<unknown>>();
  /** Set when the process is shutting down: /health answers 503 from then on. */
  stopping = false;

  /**
   * `deliveries`: which webhook deliveries were already taken (this process's own record by default);
   * `itemLock`: events for one item one at a time across processes too (Redis with REDIS_URL).
   */
  constructor(
    private readonly deliveries: DeliveryRecord = localDeliveries(),
    private readonly itemLock?: ItemLock,
  ) {}

  /** Wrap a handler with the guards; the item key says which events must not run at the same time. */
  wrap<C extends AnyContext>(
    identity: () => Promise<Identity>,
    key: (context: C) => string,
    handler: (context: C) => Promise<void>,
  ) {
    return async (context: C): Promise<void> => {
      const id = context.id;
      if (id && !(await this.deliveries.take(id))) return;
      try {
        if (!(await isOwnEvent(context, identity))) {
          const item = key(context);
          const lock = this.itemLock;
          await this.oneAtATime(item, () => (lock ? lock.hold(item, () => handler(context)) : handler(context)));
        }
      } catch (error) {
        if (id) await this.deliveries.forget(id); // a failed delivery may be redelivered and must then run again
        throw error;
      }
      if (id) await this.deliveries.handled(id);
    };
  }

  /** Run `work` after every earlier piece of work for the same key has settled. */
  oneAtATime<T>(key: string, work: () => Promise<T>): Promise<T> {
    const before = this.queues.get(key) ?? Promise.resolve();
    const run = before.catch(() => undefined).then(work);
    const settled = run.catch(() => undefined);
    this.queues.set(key, settled);
    void settled.then(() => {
      if (this.queues.get(key) === settled) this.queues.delete(key);
    });
    return run;
  }

  /** Events being handled now (or waiting for an earlier one on the same item). */
  inFlight(): number {
    return this.queues.size;
  }

  /** Resolves once every event under way has finished (graceful shutdown). */
  async drained(): Promise<void> {
    while (this.queues.size > 0) await Promise.all([...this.queues.values()]);
  }
}

/** Events caused by the app itself; other bots' events are handled like anyone's. */
async function isOwnEvent(context: AnyContext, identity: () => Promise<Identity>): Promise<boolean> {
  const sender = context.payload.sender;
  if (sender?.type !== "Bot") return false;
  return sameLogin(sender.login, (await identity()).login);
}
