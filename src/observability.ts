// Structured logs and Prometheus metrics (GET /metrics). Filled in by the issue-5 observability work.
import type { Plugin } from "graphql-yoga";

export function observabilityPlugins(): Plugin[] {
  return [];
}
