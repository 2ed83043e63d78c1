// What one request did, gathered by the plugins that know it (limits: cost and refusals; the
// database counter: statements) and read by the ones that report it (logs, metrics). Keyed by the
// Fetch Request object Yoga hands every hook, so no plugin depends on another's context fields.
export interface RequestStats {
  /** The incoming x-request-id, or one made up for the request. */
  requestId: string;
  operationName?: string;
  /** The operation's computed cost and the limit it was checked against. */
  cost?: { requested: number; limit: number };
  /** SQL statements the request caused. */
  statements: number;
  /** True when the rate limiter refused the request. */
  rateLimited: boolean;
  /** `extensions.code` of each error in the response. */
  errorCodes: string[];
}

const stats = new WeakMap<Request, RequestStats>();

/** The request's stats, created on first use. */
export function statsOf(request: Request): RequestStats {
  let found = stats.get(request);
  if (!found) {
    found = { requestId: request.headers.get("x-request-id") ?? crypto.randomUUID(), statements: 0, rateLimited: false, errorCodes: [] };
    stats.set(request, found);
  }
  return found;
}
