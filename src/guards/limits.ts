// Limits enforced before any resolver runs, and rate limiting. Each refusal has a stable
// `extensions.code` (docs/limits-and-errors.md):
//
//   REQUEST_ENTITY_TOO_LARGE (413)  body over MAX_BODY_BYTES, with or without a Content-Length
//   BATCHING_NOT_SUPPORTED (400)    a JSON array of operations
//   TOO_MANY_TOKENS, TOO_MANY_FIELDS, TOO_MANY_DUPLICATE_FIELDS, REPEATED_INTROSPECTION (400):
//                                   document-limits.ts, while parsing and before validation
//   QUERY_TOO_DEEP, TOO_MANY_ALIASES, TOO_MANY_DIRECTIVES (400): document-limits.ts, in validation
//   QUERY_TOO_COSTLY (400)          cost over MAX_QUERY_COST (cost.ts)
//   BAD_USER_INPUT                  a list argument (`nodes(ids:)`, a filter's `in` …) over MAX_LIST_ARGUMENT
//   RATE_LIMITED (429)              the client's budget cannot pay for the operation (rate-limit.ts)
//
// Every GraphQL response carries `extensions.cost` ({ requested, limit }; 0 requested when the
// document never got as far as being costed) and `extensions.rateLimit` ({ limit, remaining,
// resetSeconds, resetAt, cost }), and the headers RateLimit-Limit, RateLimit-Remaining,
// RateLimit-Reset (seconds) and RateLimit-Policy ("<points>;w=<seconds>"); a 429 also Retry-After.
import type { IncomingMessage } from "node:http";
import type { Plugin } from "graphql-yoga";
import {
  GraphQLError,
  isInputObjectType,
  isListType,
  getNullableType,
  type DocumentNode,
  type ExecutionResult,
  type GraphQLInputType,
  type GraphQLSchema,
} from "graphql";
import { BoundedCache, useDocumentCache, useIntrospectionCache } from "./caches.js";
import { fieldArguments } from "../lib/field-arguments.js";
import { config } from "../config/settings.js";
import { operationCost } from "./cost.js";
import { cachedOperationCost } from "./cost-cache.js";
import { documentLimitsRule, documentSizeError, isTokenLimitError, tooManyTokens } from "./document-limits.js";
import { operationVariables } from "../lib/operation-variables.js";
import { clientBuckets, MemoryStore, RedisStore, type RateLimitStore, type Spending } from "./rate-limit.js";
import { statsOf } from "../observability/request-stats.js";

export interface LimitOptions {
  maxCost: number;
  maxDepth: number;
  maxAliases: number;
  maxDirectives: number;
  maxTokens: number;
  maxFields: number;
  maxDuplicateFields: number;
  maxListArgument: number;
  maxBodyBytes: number;
  rateLimitPoints: number;
  rateLimitWindowSeconds: number;
  /** Where budgets live; by default Redis when REDIS_URL is set, else this process's memory. */
  store: RateLimitStore;
  /** Parsed documents that validated, by their text; by default DOCUMENT_CACHE_BYTES large. */
  documentCache: BoundedCache<DocumentNode>;
}

const configured = (): Omit<LimitOptions, "store" | "documentCache"> => ({
  maxCost: config.MAX_QUERY_COST,
  maxDepth: config.MAX_QUERY_DEPTH,
  maxAliases: config.MAX_ALIASES,
  maxDirectives: config.MAX_DIRECTIVES,
  maxTokens: config.MAX_TOKENS,
  maxFields: config.MAX_FIELDS,
  maxDuplicateFields: config.MAX_DUPLICATE_FIELDS,
  maxListArgument: config.MAX_LIST_ARGUMENT,
  maxBodyBytes: config.MAX_BODY_BYTES,
  rateLimitPoints: config.RATE_LIMIT_POINTS,
  rateLimitWindowSeconds: config.RATE_LIMIT_WINDOW_SECONDS,
});

interface RequestLimits {
  buckets: string[];
  /** What the request spent from its budget (cost 0 when it was refused). */
  spent?: Spending & { cost: number };
}

/**
 * A refusal with its HTTP status under `application/graphql-response+json`. `spec` (Yoga's mark for
 * "the GraphQL-over-HTTP status") turns it into 200 under the legacy `application/json`, as that
 * media type asks for every well-formed request. A body too large to read or a batch is no
 * well-formed request, and a rate limit concerns the client, not its request (HTTP clients and
 * proxies back off on 429 and Retry-After): those keep their status under both.
 */
const refusal = (message: string, code: string, status: number, extensions: Record<string, unknown> = {}, headers?: Record<string, string>, spec = true) =>
  new GraphQLError(message, { extensions: { code, ...extensions, http: { status, spec, ...(headers && { headers }) } } });

/**
 * Runs Yoga's request parser so that a malformed request is the client's 400, in words of our own:
 * its GET parser lets JSON.parse's SyntaxError for a bad `variables` or `extensions` parameter
 * escape as an internal error (500), and its POST parser attaches the JSON parser's message as
 * `extensions.originalError`, which quotes the body back to the sender (and to any cache or page
 * that shows errors). Its fixed message and code already say what is wrong.
 */
async function parsingRequest<T>(requestParser: (request: Request) => T | Promise<T>, request: Request): Promise<T> {
  try {
    return await requestParser(request);
  } catch (error) {
    if (error instanceof SyntaxError) throw refusal("The request's `variables` or `extensions` parameter is not valid JSON.", "BAD_REQUEST", 400, {}, undefined, false);
    if (error instanceof GraphQLError && error.extensions.originalError !== undefined) {
      // Yoga keeps a body that is not JSON at 400 under `Accept: application/json` only while the
      // error carries its originalError; without it, the status must be stated outright.
      const { originalError, http, ...extensions } = error.extensions; // eslint-disable-line @typescript-eslint/no-unused-vars
      throw new GraphQLError(error.message, { extensions: { ...extensions, http: { ...(http as object), spec: false } } });
    }
    throw error;
  }
}

const tooLarge = (limit: number) =>
  refusal(`The request body is larger than ${limit} bytes.`, "REQUEST_ENTITY_TOO_LARGE", 413, { limit }, undefined, false);

async function readBody(request: Request, limit: number): Promise<Uint8Array<ArrayBuffer>> {
  const reader = request.body!.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) {
      const body = new Uint8Array(size);
      let offset = 0;
      for (const chunk of chunks) {
        body.set(chunk, offset);
        offset += chunk.byteLength;
      }
      return body;
    }
    size += value.byteLength;
    // Stop reading, but leave the connection to finish the upload: the client then sees the 413.
    if (size > limit) throw tooLarge(limit);
    chunks.push(value);
  }
}

/** Errors for list values longer than `max` anywhere in the operation's arguments, inputs included. */
function listArgumentErrors(schema: GraphQLSchema, document: DocumentNode, variables: Record<string, unknown>, max: number): GraphQLError[] {
  const errors: GraphQLError[] = [];
  const check = (type: GraphQLInputType, value: unknown, where: string) => {
    if (value == null) return;
    const nullable = getNullableType(type);
    if (isListType(nullable) && Array.isArray(value)) {
      if (value.length > max) errors.push(new GraphQLError(`\`${where}\` has ${value.length} items; at most ${max} are allowed.`, { extensions: { code: "BAD_USER_INPUT" } }));
      for (const item of value) check(nullable.ofType, item, where);
    } else if (isInputObjectType(nullable) && typeof value === "object") {
      const fields = nullable.getFields();
      for (const [name, inner] of Object.entries(value)) if (fields[name]) check(fields[name].type, inner, `${where}.${name}`);
    }
  };
  for (const { field, args } of fieldArguments(schema, document, variables)) {
    for (const arg of field.args) check(arg.type, args[arg.name], `${field.name}(${arg.name}:)`);
  }
  return errors;
}

export function limitPlugins(overrides: Partial<LimitOptions> = {}): Plugin[] {
  const options = { ...configured(), ...overrides };
  const store = overrides.store ?? (config.REDIS_URL ? new RedisStore(config.REDIS_URL) : new MemoryStore());
  const windowMs = options.rateLimitWindowSeconds * 1000;
  const requests = new WeakMap<Request, RequestLimits>();
  const limitsOf = (request: Request) => {
    let found = requests.get(request);
    if (!found) requests.set(request, (found = { buckets: clientBuckets(request, undefined) }));
    return found;
  };

  let lastWarning = 0;
  /** Spends `cost` (0: only asks whether the client may go on), recording what a real spending did. */
  const spend = async (limits: RequestLimits, cost: number): Promise<Spending | undefined> => {
    try {
      const spending = await store.spend(limits.buckets, cost, options.rateLimitPoints, windowMs);
      if (cost > 0 || !spending.allowed) limits.spent = { ...spending, cost: spending.allowed ? cost : 0 };
      return spending;
    } catch (error) {
      if (Date.now() - lastWarning > 60_000) {
        lastWarning = Date.now();
        console.warn(`Rate limiting is off while its store fails: ${(error as Error).message}`);
      }
      return undefined;
    }
  };

  const rateLimited = (request: Request, spending: Spending, cost: number) => {
    statsOf(request).rateLimited = true;
    const seconds = Math.max(1, Math.ceil(spending.resetMs / 1000));
    const resetAt = new Date(Date.now() + spending.resetMs).toISOString();
    const needs = cost > 0 ? `this operation costs ${cost} points and the client has ${spending.remaining} of ${options.rateLimitPoints} left` : `the client has spent its ${options.rateLimitPoints} points`;
    return refusal(`Rate limit exceeded: ${needs} in this ${options.rateLimitWindowSeconds}-second window. Retry in ${seconds} s (at ${resetAt}).`, "RATE_LIMITED", 429, { retryAfterSeconds: seconds, resetAt, cost }, { "Retry-After": String(seconds) }, false);
  };

  const requestLimits: Plugin = {
    onRequestParse({ request, requestParser, setRequestParser, serverContext, fetchAPI }) {
      const address = (serverContext as { req?: IncomingMessage }).req?.socket?.remoteAddress;
      const limits = { buckets: clientBuckets(request, address) };
      requests.set(request, limits);
      // Yoga's check, off with its body limit (src/yoga.ts): one number, nothing else (not "1, 2").
      const announced = request.headers.get("content-length");
      if (announced !== null && !/^\d+$/.test(announced)) throw refusal("The Content-Length header is invalid.", "BAD_REQUEST", 400, {}, undefined, false);
      if (!requestParser) return;
      setRequestParser(async (incoming) => {
        const length = incoming.headers.get("content-length");
        if (length && Number(length) > options.maxBodyBytes) throw tooLarge(options.maxBodyBytes);
        const budget = await spend(limits, 0);
        if (budget && !budget.allowed) throw rateLimited(request, budget, 0);
        if (!incoming.body) return parsingRequest(requestParser, incoming);
        const body = await readBody(incoming, options.maxBodyBytes);
        const headers = new fetchAPI.Headers(incoming.headers);
        headers.delete("content-length");
        headers.delete("transfer-encoding");
        return parsingRequest(requestParser, new fetchAPI.Request(incoming.url, { method: incoming.method, headers, body, signal: incoming.signal }));
      });
      return {
        onRequestParseDone({ requestParserResult }) {
          if (Array.isArray(requestParserResult)) {
            throw refusal("Batched requests (a JSON array of operations) are not supported: send one operation per request.", "BATCHING_NOT_SUPPORTED", 400, {}, undefined, false);
          }
        },
      };
    },

    onParse({ parseFn, setParseFn }) {
      setParseFn((source, parseOptions) => {
        let document: DocumentNode;
        try {
          document = parseFn(source, { ...parseOptions, maxTokens: options.maxTokens });
        } catch (error) {
          throw isTokenLimitError(error) ? tooManyTokens(options.maxTokens) : error;
        }
        // Before validation, whose cost grows faster than the document (see document-limits.ts).
        const tooBig = documentSizeError(document, options);
        if (tooBig) throw tooBig;
        return document;
      });
    },

    onValidate({ addValidationRule, context, params }) {
      addValidationRule(documentLimitsRule(options));
      return ({ valid }) => {
        if (valid) return; // costed in onExecute, with the variables coerced.
        // Refused anyway; still say what it would have cost, as far as the invalid document allows.
        const { operationName, variables } = context.params ?? {};
        const cost = operationCost(params.schema, params.documentAST, operationName, (variables ?? {}) as Record<string, unknown>);
        statsOf(context.request).cost = { requested: cost, limit: options.maxCost };
      };
    },

    async onExecute({ args, setResultAndStopExecution }) {
      const request = args.contextValue.request;
      const limits = limitsOf(request);
      const inputs = (args.variableValues ?? {}) as Record<string, unknown>;
      const variables = operationVariables(args.schema, args.document, args.operationName, inputs).variables ?? {};
      const cost = cachedOperationCost(args.schema, args.document, args.operationName, variables);
      statsOf(request).cost = { requested: cost, limit: options.maxCost };
      const stop = (...errors: GraphQLError[]) => setResultAndStopExecution({ errors });
      if (cost > options.maxCost) {
        return stop(refusal(`The query costs ${cost} points, over the limit of ${options.maxCost}: ask for smaller pages (\`first\`/\`last\`) or fewer nested lists.`, "QUERY_TOO_COSTLY", 400, { requested: cost, limit: options.maxCost }));
      }
      const listErrors = listArgumentErrors(args.schema, args.document, variables, options.maxListArgument);
      if (listErrors.length > 0) return stop(...listErrors);
      const spending = await spend(limits, Math.max(1, cost));
      if (spending && !spending.allowed) return stop(rateLimited(request, spending, Math.max(1, cost)));
    },

    async onResultProcess({ request, result, setResult }) {
      const limits = requests.get(request);
      if (!limits || Array.isArray(result) || Symbol.asyncIterator in result) return;
      // A request refused before it could run spends one point: refusing costs something too.
      if (!limits.spent) await spend(limits, 1);
      const cost = statsOf(request).cost ?? { requested: 0, limit: options.maxCost };
      const extensions: Record<string, unknown> = { ...result.extensions, cost };
      const spent = limits.spent;
      if (spent) {
        const remaining = Math.max(0, spent.remaining);
        const resetSeconds = Math.max(0, Math.ceil(spent.resetMs / 1000));
        extensions.rateLimit = { limit: options.rateLimitPoints, remaining, resetSeconds, resetAt: new Date(Date.now() + spent.resetMs).toISOString(), cost: spent.cost };
        const http = (result.extensions?.http ?? {}) as { headers?: Record<string, string> };
        extensions.http = {
          ...http,
          headers: {
            ...http.headers,
            "RateLimit-Limit": String(options.rateLimitPoints),
            "RateLimit-Remaining": String(remaining),
            "RateLimit-Reset": String(resetSeconds),
            "RateLimit-Policy": `${options.rateLimitPoints};w=${options.rateLimitWindowSeconds}`,
          },
        };
      }
      setResult({ ...(result as ExecutionResult), extensions });
    },

    onDispose: () => store.close(),
  };
  const documentCache = overrides.documentCache ?? new BoundedCache<DocumentNode>(config.DOCUMENT_CACHE_BYTES);
  return [useDocumentCache(documentCache), requestLimits, useIntrospectionCache()];
}
