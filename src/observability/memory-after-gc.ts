// Memory right after the last full (mark-compact) garbage collection. Sampled at any other moment,
// a Node process's memory is mostly garbage waiting for the next collection: under steady load the
// soak saw RSS swing between 250 and 465 MB and heap used between 80 and 315 MB, with no trend,
// so a leak (memory that survives collections) hides in the swing. What a full collection leaves
// referenced (heap used, and the external memory objects hold) is what a leak raises from one
// collection to the next. RSS even right after one still swings (240–466 MB in the same soak,
// heap used 74–76 MB): V8 keeps the heap it grew to, up to a few times what is live, for a while.
import { constants, PerformanceObserver } from "node:perf_hooks";

export interface MemoryAfterGc {
  rssBytes: number;
  heapUsedBytes: number;
  /** Memory outside V8's heap that JavaScript objects hold: Buffers, ArrayBuffers, WebAssembly memories. */
  externalBytes: number;
  /** When the collection ended (ms since the Unix epoch). */
  at: number;
}

let last: MemoryAfterGc | null = null;
let observer: PerformanceObserver | undefined;

// A gc entry's detail.kind says which collection it was (not in every version of Node's types).
const isFullCollection = (entry: object) => "detail" in entry && (entry.detail as { kind?: number } | undefined)?.kind === constants.NODE_PERFORMANCE_GC_MAJOR;

/** Starts watching collections (once per process); null until the first full one. */
export function memoryAfterLastFullGc(): MemoryAfterGc | null {
  if (!observer) {
    observer = new PerformanceObserver((list) => {
      if (!list.getEntries().some(isFullCollection)) return;
      const { rss, heapUsed, external } = process.memoryUsage();
      last = { rssBytes: rss, heapUsedBytes: heapUsed, externalBytes: external, at: Date.now() };
    });
    observer.observe({ entryTypes: ["gc"] });
  }
  return last;
}
