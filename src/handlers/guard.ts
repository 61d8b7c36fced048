/**
 * Safety around every handler: the app's own events are ignored (no loops), a redelivered webhook
 * (same delivery id) is handled once (in this process, or across processes with the delivery record in
 * Redis), and events for one item run one at a time in this process.
 */
import type { Context } from "probot";
import { sameLogin } from "../github/identity.js";
import { localDeliveries } from "../redis/deliveries.js";
import type { Deps } from "./deps.js";

/** The record used when the app is given none (one process). */
const ownDeliveries = localDeliveries();
const queues = new Map<string, Promise<unknown>>();

type AnyContext = Context & { payload: { sender?: { login?: string; type?: string } } };

/** Wrap a handler with the guards; the item key says which events must not run at the same time. */
export function guarded<C extends AnyContext>(deps: Deps, key: (context: C) => string, handler: (context: C) => Promise<void>) {
  const deliveries = deps.deliveries ?? ownDeliveries;
  return async (context: C): Promise<void> => {
    const id = context.id;
    if (id && !(await deliveries.take(id))) return;
    try {
      if (!(await isOwnEvent(context, deps))) await oneAtATime(key(context), () => handler(context));
    } catch (error) {
      if (id) await deliveries.forget(id); // a failed delivery may be redelivered and must then run again
      throw error;
    }
    if (id) await deliveries.handled(id);
  };
}

/** Events caused by the app itself; other bots' events are handled like anyone's. */
async function isOwnEvent(context: AnyContext, deps: Deps): Promise<boolean> {
  const sender = context.payload.sender;
  if (sender?.type !== "Bot") return false;
  return sameLogin(sender.login, (await deps.identity()).login);
}

/** Run `work` after every earlier piece of work for the same key has settled. */
export function oneAtATime<T>(key: string, work: () => Promise<T>): Promise<T> {
  const before = queues.get(key) ?? Promise.resolve();
  const run = before.catch(() => undefined).then(work);
  const settled = run.catch(() => undefined);
  queues.set(key, settled);
  void settled.then(() => {
    if (queues.get(key) === settled) queues.delete(key);
  });
  return run;
}

/** Events being handled now (or waiting for an earlier one on the same item). */
export function inFlight(): number {
  return queues.size;
}

/** Resolves once every event under way has finished (graceful shutdown). */
export async function drained(): Promise<void> {
  while (queues.size > 0) await Promise.all([...queues.values()]);
}

export function resetGuards(): void {
  ownDeliveries.clear();
  queues.clear();
}
