// Limits enforced before any resolver runs (cost, depth, aliases, directives, tokens, list
// arguments, batching, body size) and rate limiting. Filled in by the issue-5 limits work.
import type { Plugin } from "graphql-yoga";

export function limitPlugins(): Plugin[] {
  return [];
}
