/** One change to an item's labels, oldest first, as the timeline reports it. */
export interface LabelEvent {
  label: string;
  action: "added" | "removed";
  /** Caused by the app itself (its bot login), as opposed to a person or another bot. */
  byApp: boolean;
}

/** The latest event per label (lowercased name), and the latest "added" event per label. */
export interface LabelHistory {
  latest: Map<string, LabelEvent>;
  latestAdded: Map<string, LabelEvent>;
}

export function summarizeHistory(history: readonly LabelEvent[]): LabelHistory {
  const latest = new Map<string, LabelEvent>();
  const latestAdded = new Map<string, LabelEvent>();
  for (const event of history) {
    const key = event.label.toLowerCase();
    latest.set(key, event);
    if (event.action === "added") latestAdded.set(key, event);
  }
  return { latest, latestAdded };
}

/** The app applied it: its latest "added" event is the app's. Unknown provenance counts as a person's. */
export function appliedByApp(h: LabelHistory, label: string): boolean {
  return h.latestAdded.get(label.toLowerCase())?.byApp === true;
}

/** Someone other than the app removed it last: the app must not put it back. */
export function removedByPerson(h: LabelHistory, label: string): boolean {
  const last = h.latest.get(label.toLowerCase());
  return last?.action === "removed" && !last.byApp;
}
