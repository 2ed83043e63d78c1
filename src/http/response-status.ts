// HTTP statuses as GraphQL over HTTP asks. With `application/graphql-response+json`, a response
// without a `data` entry (the operation never ran: a document, a variable or an argument was
// refused) must be a 4xx or 5xx; with the legacy `application/json`, every well-formed request is
// answered 200. Yoga keeps to both for errors whose `extensions.http` says `spec: true`; errors that
// carry no status at all (graphql-js's variable coercion, a guard's BAD_USER_INPUT that stops the
// operation before it runs) would be 200 under both, so they get 400, marked `spec`, here — for
// every such error, wherever it came from.
import type { GraphQLError } from "graphql";
import type { Plugin } from "graphql-yoga";

interface SingleResult {
  data?: unknown;
  errors?: readonly GraphQLError[];
}

export function useResponseStatus(): Plugin {
  return {
    onResultProcess({ result }) {
      if (Array.isArray(result) || Symbol.asyncIterator in (result as object)) return;
      const { data, errors } = result as SingleResult;
      if (data !== undefined || !errors) return;
      for (const error of errors) {
        const extensions = error.extensions as Record<string, unknown>;
        if (!extensions.http) extensions.http = { status: 400, spec: true };
      }
    },
  };
}
