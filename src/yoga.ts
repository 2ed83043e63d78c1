// Builds the GraphQL server (schema, GraphiQL, error masking); src/server.ts is what listens.
import { PothosValidationError } from "@pothos/core";
import { GraphQLError } from "graphql";
import { createYoga, maskError } from "graphql-yoga";
import { useConnectionLimits } from "./guards/connection-limits.js";
import { useListCursors } from "./guards/cursors.js";
import { useInputErrorCodes } from "./guards/input-errors.js";
import { limitPlugins } from "./guards/limits.js";
import { useNestingLimit } from "./guards/nesting.js";
import { observabilityPlugins } from "./observability/plugins.js";
import { yogaLogger } from "./observability/yoga-logger.js";
import { useStatementsExtension } from "./observability/statement-count.js";
import { deadlinePlugins } from "./guards/deadline.js";
import { useAdmissionControl } from "./http/admission.js";
import { useReadinessCheck } from "./http/readiness.js";
import { useResponseStatus } from "./http/response-status.js";
import { useResponseSizeLimit } from "./guards/response-size.js";
import { classifyError } from "./db/errors.js";
import { DEFAULT_QUERY } from "./graphiql/default-query.js";
import { renderGraphiQL, useGraphiQLAssets } from "./graphiql/page.js";
import { schema } from "./schema/index.js";
import { config } from "./config/settings.js";

export function createParleyYoga() {
  return createYoga({
    schema,
    graphqlEndpoint: "/graphql",
    landingPage: false,
    logging: yogaLogger(),
    // Self-contained GraphiQL: Yoga's default page loads its code from a CDN that many networks
    // cannot reach, leaving a blank page.
    renderGraphiQL,
    graphiql: { title: "Parley", defaultQuery: DEFAULT_QUERY },
    // Replaced by limitPlugins' own, bounded by bytes and keeping only valid documents (src/guards/caches.ts).
    parserAndValidationCache: false,
    // limitPlugins reads the body within MAX_BODY_BYTES itself; Yoga's own limit (25 MB) would pipe
    // every body through one more stream and Request first, for nothing.
    maxRequestBodySize: false,
    // The API uses no cookies, so any origin may read it, never with credentials; browser code
    // needs to see the rate limit, when to retry and the request id it should quote.
    cors: {
      origin: config.CORS_ORIGINS === "*" ? "*" : config.CORS_ORIGINS.split(","),
      credentials: false,
      methods: ["GET", "POST"],
      maxAge: 86_400,
      exposedHeaders: ["RateLimit-Limit", "RateLimit-Remaining", "RateLimit-Reset", "RateLimit-Policy", "Retry-After", "x-request-id"],
    },
    plugins: [
      ...observabilityPlugins(),
      ...(config.DEBUG_STATEMENTS ? [useStatementsExtension()] : []),
      useGraphiQLAssets(),
      useResponseStatus(),
      useResponseSizeLimit(),
      useReadinessCheck(),
      useAdmissionControl(),
      ...limitPlugins(),
      useNestingLimit(),
      useInputErrorCodes(),
      useConnectionLimits(),
      useListCursors(),
      ...deadlinePlugins(),
    ],
    maskedErrors: {
      maskError(error, message, isDev) {
        // Pothos reports bad arguments (a malformed cursor, say) as validation errors: the
        // client's mistake, so say so instead of hiding it behind an internal error.
        const original = error instanceof GraphQLError ? error.originalError : error;
        if (original instanceof PothosValidationError) {
          return new GraphQLError(original.message, { extensions: { code: "BAD_USER_INPUT" } });
        }
        const failed = classifyError(original);
        // Nobody reads this answer; the code and status (nginx's 499) are for logs and metrics,
        // which must not count a client hanging up as a failure of the server or its database.
        if (failed === "client-gone") {
          return new GraphQLError("The client closed the connection before its request was read.", {
            extensions: { code: "CLIENT_CLOSED_REQUEST", http: { status: 499 } },
          });
        }
        if (failed === "unavailable") {
          return new GraphQLError("The database is unavailable; retry shortly.", {
            extensions: { code: "SERVICE_UNAVAILABLE" },
          });
        }
        return maskError(error, message, isDev);
      },
    },
  });
}

export const yoga = createParleyYoga();
