// The operation deadline (TIMEOUT) and cancelling the database work behind it. Filled in by the
// issue-5 serving work.
import type { Plugin } from "graphql-yoga";

export function deadlinePlugins(): Plugin[] {
  return [];
}
