/**
 * The record of webhook deliveries (GitHub's X-GitHub-Delivery id) already taken, so a redelivery is
 * handled once: this process's own here; the one shared through Redis is src/redis/deliveries.ts.
 */

export interface DeliveryRecord {
  /** True the first time a delivery id is taken; false for a redelivery of one taken or handled. */
  take(id: string): Promise<boolean>;
  /** The delivery was handled: kept as handled. */
  handled(id: string): Promise<void>;
  /** The delivery failed: forgotten, so a redelivery runs again. */
  forget(id: string): Promise<void>;
  /** Forget everything this process remembers (tests). */
  clear(): void;
}

const LOCAL_LIMIT = 5000;

/** This process's own record (bounded, oldest forgotten first). */
export function localDeliveries(): DeliveryRecord {
  const seen = new Set<string>();
  return {
    take: async (id) => {
      if (seen.has(id)) return false;
      seen.add(id);
      if (seen.size > LOCAL_LIMIT) seen.delete(seen.values().next().value as string);
      return true;
    },
    handled: async () => undefined,
    forget: async (id) => void seen.delete(id),
    clear: () => seen.clear(),
  };
}
