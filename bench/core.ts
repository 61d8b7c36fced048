/** Core throughput in a child process (see core-child.ts). */
import { runChild } from "./child.js";

export interface CoreRun {
  items: number;
  rounds: number;
  /** Size of the search pages' JSON text. */
  inputMB: number;
  floorMs: number;
  coreMs: number;
  /** coreMs / floorMs: how many times the cost of only parsing the pages. */
  ratio: number;
  perItemMicros: number;
  unalignedShare: number;
  heapBaseMB: number;
  /** Peak heap above the start (garbage included) while only parsing, and while doing the core work. */
  floorHeapPeakMB: number;
  coreHeapPeakMB: number;
  /** Heap still held after the work and a collection: what the work keeps. */
  retainedMB: number;
  maxRssMB: number;
}

export const measureCore = (items: number, rounds = 3) =>
  runChild<CoreRun>("./core-child.ts", [String(items), String(rounds)]);
