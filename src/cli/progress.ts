/**
 * Progress of a long run on stderr: on a terminal, one bar redrawn in place with counts and the time
 * left; otherwise (a log file, CI) a plain line every tenth of the way, so logs stay short.
 */
import type { CliIO } from "./io.js";

export interface Counts {
  done: number;
  total: number;
  changed: number;
  failed: number;
}

const BAR_WIDTH = 24;

export function formatDuration(ms: number): string {
  const seconds = Math.max(0, Math.round(ms / 1000));
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  return h > 0 ? `${h}h${String(m).padStart(2, "0")}m` : m > 0 ? `${m}m${String(s).padStart(2, "0")}s` : `${s}s`;
}

/** "[#########---------------] 40/100 · 12 to change · ETA 1m05s" */
export function progressBar(c: Counts, elapsedMs: number, verb: string): string {
  const fraction = c.total === 0 ? 1 : c.done / c.total;
  const filled = Math.round(fraction * BAR_WIDTH);
  const eta =
    c.done === 0 || c.done >= c.total ? "" : ` · ETA ${formatDuration((elapsedMs / c.done) * (c.total - c.done))}`;
  const failed = c.failed > 0 ? ` · ${c.failed} failed` : "";
  return `[${"#".repeat(filled)}${"-".repeat(BAR_WIDTH - filled)}] ${c.done}/${c.total} · ${c.changed} ${verb}${failed}${eta}`;
}

export interface Progress {
  update(c: Counts): void;
  /** A result line on stdout, without tearing the bar. */
  print(line: string): void;
  finish(): void;
}

export function createProgress(io: CliIO, verb: string): Progress {
  const started = io.now().getTime();
  let last: Counts | undefined;
  let shownTenth = -1;
  const bar = () => (last ? progressBar(last, io.now().getTime() - started, verb) : "");
  const clear = () => io.draw("\r\u001b[2K");
  return {
    update(c) {
      last = { ...c };
      if (io.tty) {
        clear();
        io.draw(bar());
        return;
      }
      const tenth = c.total === 0 ? 10 : Math.floor((c.done / c.total) * 10);
      if (tenth > shownTenth) {
        shownTenth = tenth;
        io.err(`${c.done}/${c.total} items, ${c.changed} ${verb}${c.failed > 0 ? `, ${c.failed} failed` : ""}`);
      }
    },
    print(line) {
      if (io.tty && last) clear();
      io.out(line);
      if (io.tty && last) io.draw(bar());
    },
    finish() {
      if (io.tty && last) {
        clear();
      }
    },
  };
}
