// Memory right after the last full (mark-compact) garbage collection. Sampled at any other moment,
// a Node process's memory is mostly garbage waiting for the next collection: under steady load the
// soak saw RSS swing between 250 and 465 MB and heap used between 80 and 315 MB, with no trend,
// so a leak (memory that survives collections) hides in the swing. What a full collection leaves
// is what is still referenced; a leak raises it from one collection to the next.
import { constants, PerformanceObserver } from "node:perf_hooks";

export interface MemoryAfterGc {
  rssBytes: number;
  heapUsedBytes: number;
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
      const { rss, heapUsed } = process.memoryUsage();
      last = { rssBytes: rss, heapUsedBytes: heapUsed, at: Date.now() };
    });
    observer.observe({ entryTypes: ["gc"] });
  }
  return last;
}
