// The largest response the server sends (MAX_RESPONSE_BYTES). The cost limit bounds how many
// objects an answer holds, not how long their texts are; and an answer is held in memory whole
// until the client has read it. A response over the limit is replaced by one RESPONSE_TOO_LARGE
// error, which says how to ask for less. Measuring costs one more serialisation of the result:
// microseconds for the usual few kilobytes, and bounded by the limit for the rest.
import { GraphQLError } from "graphql";
import type { Plugin } from "graphql-yoga";
import { config } from "../config/settings.js";

interface SingleResult {
  data?: unknown;
  errors?: readonly GraphQLError[];
  extensions?: Record<string, unknown>;
}

export function useResponseSizeLimit(maxBytes = config.MAX_RESPONSE_BYTES): Plugin {
  return {
    onResultProcess({ result, setResult }) {
      if (Array.isArray(result) || Symbol.asyncIterator in (result as object)) return;
      const single = result as SingleResult;
      if (single.data === undefined || single.data === null) return;
      const bytes = Buffer.byteLength(JSON.stringify(single));
      if (bytes <= maxBytes) return;
      setResult({
        errors: [
          new GraphQLError(
            `The response would be ${bytes} bytes, over the limit of ${maxBytes}: ask for smaller pages (\`first\`/\`last\`), fewer fields or fewer aliases.`,
            { extensions: { code: "RESPONSE_TOO_LARGE", size: bytes, limit: maxBytes, http: { status: 400, spec: true } } },
          ),
        ],
        ...(single.extensions && { extensions: single.extensions }),
      });
    },
  };
}
