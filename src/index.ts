import type { Probot } from "probot";

/** Throughline: wires GitHub events to handlers; each handler reads, decides in pure code, then writes. */
export default function throughline(app: Probot): void {
  app.log.info("Throughline loaded");
}
