// Every setting the server reads from its environment, validated once at start-up: a bad value
// stops the server with one line naming the variable, instead of a misbehaving limit later.
// docs/configuration.md lists the same variables; a test keeps the two in step.
import { z } from "zod";

const integer = (minimum: number, maximum: number, fallback: number) =>
  z.coerce
    .number({ error: "must be a whole number" })
    .int({ error: "must be a whole number" })
    .min(minimum, { error: `must be at least ${minimum}` })
    .max(maximum, { error: `must be at most ${maximum}` })
    .default(fallback);

const LOG_LEVELS = ["fatal", "error", "warn", "info", "debug", "trace", "silent"] as const;

const schema = z.object({
  PORT: integer(0, 65_535, 4000),
  /** Processes serving the port (src/http/cluster.ts); 1 serves from this process, as without it. */
  WEB_CONCURRENCY: integer(1, 1024, 1),
  /** PostgreSQL pool size (pg's own default is 10). */
  DATABASE_POOL_MAX: integer(1, 1000, 10),
  /** Largest cost an operation may have (see src/guards/cost.ts for the model). */
  MAX_QUERY_COST: integer(1, 10_000_000, 10_000),
  MAX_QUERY_DEPTH: integer(1, 1000, 15),
  MAX_ALIASES: integer(0, 10_000, 30),
  MAX_DIRECTIVES: integer(0, 10_000, 50),
  MAX_TOKENS: integer(1, 1_000_000, 5000),
  /** Most field selections in one document, fragments counted where spread (see src/guards/document-limits.ts). */
  MAX_FIELDS: integer(1, 1_000_000, 1000),
  /** Most selections of a field already selected at the same place: validation compares each two. */
  MAX_DUPLICATE_FIELDS: integer(0, 100_000, 100),
  /** Estimated bytes of parsed, valid documents kept for reuse. */
  DOCUMENT_CACHE_BYTES: integer(0, 4 * 1024 * 1024 * 1024, 32 * 1024 * 1024),
  /** Longest list argument, such as `nodes(ids:)`. */
  MAX_LIST_ARGUMENT: integer(1, 10_000, 100),
  /** Most conditions in all the filters of one operation (see src/guards/connection-limits.ts). */
  MAX_FILTER_CONDITIONS: integer(1, 10_000, 200),
  /** Key that signs cursors; replicas must share it. Unset: a random key per process. */
  CURSOR_SECRET: z.string().min(32, { error: "must be at least 32 characters" }).optional(),
  MAX_BODY_BYTES: integer(1024, 100 * 1024 * 1024, 100 * 1024),
  /** Cost points one client may spend per window. */
  RATE_LIMIT_POINTS: integer(1, 1_000_000_000, 500_000),
  RATE_LIMIT_WINDOW_SECONDS: integer(1, 86_400, 60),
  /** When set, rate-limit state lives in Redis and is shared by every replica. */
  REDIS_URL: z
    .string()
    .regex(/^rediss?:\/\//, { error: "must be a redis:// or rediss:// URL" })
    .optional(),
  /** GraphQL requests worked on at once; more wait (see QUEUE_TIMEOUT_MS), then get SERVER_BUSY. */
  MAX_IN_FLIGHT: integer(1, 100_000, 32),
  /** How long a request may wait for one of the MAX_IN_FLIGHT slots. */
  QUEUE_TIMEOUT_MS: integer(0, 600_000, 1_000),
  /** Refuse GraphQL requests with SERVER_BUSY while the event loop stays this far behind; 0 = never. */
  MAX_EVENT_LOOP_LAG_MS: integer(0, 600_000, 250),
  /** Hold new GraphQL requests in the MAX_IN_FLIGHT queue while the event loop was busier than this (0–1) in each of its last two windows; 0 = never. */
  MAX_EVENT_LOOP_UTILIZATION: z.coerce.number().min(0).max(1).default(0.98),
  OPERATION_TIMEOUT_MS: integer(1, 600_000, 10_000),
  HEADERS_TIMEOUT_MS: integer(1, 600_000, 10_000),
  REQUEST_TIMEOUT_MS: integer(1, 600_000, 30_000),
  KEEP_ALIVE_TIMEOUT_MS: integer(1, 600_000, 5_000),
  SHUTDOWN_GRACE_MS: integer(0, 600_000, 10_000),
  /** A connection that makes no progress this long (a client that stopped reading) is closed. */
  SEND_TIMEOUT_MS: integer(1, 600_000, 30_000),
  /** Largest response body; a larger one is refused with RESPONSE_TOO_LARGE. */
  MAX_RESPONSE_BYTES: integer(1024, 1024 * 1024 * 1024, 5 * 1024 * 1024),
  /** Adds each request's SQL statement count to its response's `extensions` (for tests and tuning). */
  DEBUG_STATEMENTS: z.stringbool({ error: "must be true or false" }).default(false),
  LOG_LEVEL: z.enum(LOG_LEVELS, { error: `must be one of ${LOG_LEVELS.join(", ")}` }).default("info"),
  /** Bearer token /metrics asks for; unset, /metrics answers loopback clients only. */
  METRICS_TOKEN: z.string().min(16, { error: "must be at least 16 characters" }).optional(),
  /** Origins whose browser code may call the API: `*` (any, without credentials) or a comma-separated list. */
  CORS_ORIGINS: z
    .string()
    .regex(/^(\*|https?:\/\/[^\s,/]+(,https?:\/\/[^\s,/]+)*)$/, { error: "must be * or comma-separated origins such as https://app.example.org" })
    .default("*"),
});

export type Config = z.infer<typeof schema>;
export const CONFIG_VARIABLES = Object.keys(schema.shape) as (keyof Config)[];

export class ConfigError extends Error {}

/** Reads the settings from an environment; throws ConfigError naming the first bad variable. */
export function loadConfig(env: Record<string, string | undefined>): Config {
  // An empty variable means "not set", as in most shells' `VAR= command`.
  const present = Object.fromEntries(CONFIG_VARIABLES.map((name) => [name, env[name] === "" ? undefined : env[name]]));
  const parsed = schema.safeParse(present);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  const name = String(issue.path[0]);
  throw new ConfigError(`${name} ${issue.message} (got ${JSON.stringify(env[name])})`);
}

function configOrExit(): Config {
  try {
    return loadConfig(process.env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    console.error(`Parley could not start: ${error.message}`);
    process.exit(1);
  }
}

export const config = configOrExit();
