// Relay global IDs: base64 of "Type:key". Decoding rejects anything malformed with a client error
// rather than an internal one, so callers learn their ID is wrong instead of seeing a masked failure.
import { GraphQLError } from "graphql";

const nodeTypes = new Set<string>();

/** Declares which types IDs may name; an ID naming any other type is malformed, not merely unknown. */
export function registerNodeTypes(typenames: readonly string[]): void {
  typenames.forEach((typename) => nodeTypes.add(typename));
}

export function encodeGlobalId(typename: string, id: string | number | bigint): string {
  return Buffer.from(`${typename}:${String(id)}`, "utf8").toString("base64url");
}

export function decodeGlobalId(globalId: string): { typename: string; id: string } {
  const decoded = /^[A-Za-z0-9_-]+={0,2}$/.test(globalId) ? Buffer.from(globalId, "base64url").toString("utf8") : "";
  const separator = decoded.indexOf(":");
  const typename = decoded.slice(0, separator);
  const id = decoded.slice(separator + 1);
  // A NUL can be encoded like any other byte, but no key holds one (and PostgreSQL refuses it in text).
  if (separator < 1 || id === "" || id.includes("\u0000") || !nodeTypes.has(typename)) {
    throw new GraphQLError(`"${globalId}" is not a valid global ID.`, {
      extensions: { code: "BAD_USER_INPUT" },
    });
  }
  return { typename, id };
}
