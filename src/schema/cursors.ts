// Cursors that remember which list they came from. A cursor marks a row's place in one ordering of
// one filtered list; reused with another `orderBy` or `filter` it would silently return a wrong
// page, so every cursor the schema hands out carries a fingerprint of its field and non-paging
// arguments. The schema owns this format (it is what clients receive, with or without the server
// around it); src/guards/cursors.ts checks incoming cursors against it before execution.
import { createHash } from "node:crypto";
import { GraphQLError, GraphQLObjectType, type GraphQLField, type GraphQLSchema } from "graphql";

const PAGING_ARGS = new Set(["first", "last", "after", "before"]);

export const isPaged = (field: GraphQLField<unknown, unknown>) => field.args.some((arg) => arg.name === "after");

/** Identifies a list: the field and every argument except the paging ones. */
export function listFingerprint(coordinate: string, args: Record<string, unknown>): string {
  const shape = Object.entries(args).filter(([name]) => !PAGING_ARGS.has(name));
  return createHash("sha256").update(coordinate).update(JSON.stringify(shape)).digest("base64url").slice(0, 12);
}

export const wrapCursor = (fingerprint: string, cursor: string) => Buffer.from(`${fingerprint}:${cursor}`).toString("base64url");

export function unwrapCursor(fingerprint: string, cursor: string, where: string): string {
  const decoded = Buffer.from(cursor, "base64url").toString("utf8");
  const separator = decoded.indexOf(":");
  if (separator < 0 || Buffer.from(decoded, "utf8").toString("base64url") !== cursor) {
    throw new GraphQLError(`The cursor given to \`${where}\` is not a cursor of this API.`, { extensions: { code: "BAD_USER_INPUT" } });
  }
  if (decoded.slice(0, separator) !== fingerprint) {
    throw new GraphQLError(
      `The cursor given to \`${where}\` belongs to a different list: it was issued for another \`filter\`, \`orderBy\` or argument. Request the first page again with the new arguments.`,
      { extensions: { code: "BAD_USER_INPUT" } },
    );
  }
  return decoded.slice(separator + 1);
}

interface Connection {
  edges?: ({ cursor?: string | null } | null)[];
  pageInfo?: { startCursor?: string | null; endCursor?: string | null };
}

function wrapConnection(connection: unknown, fingerprint: string): unknown {
  if (!connection || typeof connection !== "object") return connection;
  const { edges, pageInfo } = connection as Connection;
  // In place: the connection object also carries Pothos' lazy totalCount, which must not run unless asked.
  for (const edge of edges ?? []) if (edge?.cursor) edge.cursor = wrapCursor(fingerprint, edge.cursor);
  if (pageInfo?.startCursor) pageInfo.startCursor = wrapCursor(fingerprint, pageInfo.startCursor);
  if (pageInfo?.endCursor) pageInfo.endCursor = wrapCursor(fingerprint, pageInfo.endCursor);
  return connection;
}

/** Makes every paged field of the schema hand out fingerprinted cursors. */
export function fingerprintCursors(schema: GraphQLSchema): void {
  for (const type of Object.values(schema.getTypeMap())) {
    if (!(type instanceof GraphQLObjectType) || type.name.startsWith("__")) continue;
    for (const field of Object.values(type.getFields())) {
      const resolve = field.resolve;
      if (!resolve || !isPaged(field)) continue;
      const coordinate = `${type.name}.${field.name}`;
      field.resolve = (parent, args, context, info) => {
        const fingerprint = listFingerprint(coordinate, args as Record<string, unknown>);
        const result = resolve(parent, args, context, info);
        return result instanceof Promise ? result.then((value) => wrapConnection(value, fingerprint)) : wrapConnection(result, fingerprint);
      };
    }
  }
}
