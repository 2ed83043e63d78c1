// Cursors that remember which list they came from, and that only this server can write.
//
// A cursor marks a row's place in one ordering of one filtered list of one parent; reused with
// another `orderBy` or `filter`, or under another parent (Kazakhstan's organisations' cursor on
// Lithuania's), it would silently return a wrong page. So every cursor the schema hands out carries
// a fingerprint of its field and non-paging arguments, and one of its parent.
//
// Inside is the plain cursor the resolvers understand (plugin-prisma's encodes the row's unique
// key as it is, so a cursor edited to hold `{"id":{"not":"x"}}` would reach Prisma as a query
// operator). The fingerprints are public functions of the query, so anyone can recompute them;
// what stops a forged cursor is an HMAC over fingerprints and plain cursor with CURSOR_SECRET. We
// sign rather than validate each plain cursor field by field because a signature covers every
// format at once (plugin-prisma's, search's, in-memory pages', and any added later) without
// depending on a plugin's internal encoding, and it makes the parent binding unforgeable too. Its
// price is a key replicas must share; unset, each process draws its own, and a cursor then only
// works on the process that issued it (BAD_USER_INPUT elsewhere: start again from the first page).
//
// The schema owns this format (it is what clients receive, with or without the server around it);
// src/guards/cursors.ts checks incoming cursors against it before execution and records which
// parents they belong to, which the resolver checks here when the parent is known.
import { createHash, createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { GraphQLError, GraphQLObjectType, type GraphQLField, type GraphQLSchema } from "graphql";
import { config } from "../config/settings.js";

const PAGING_ARGS = new Set(["first", "last", "after", "before"]);

export const isPaged = (field: GraphQLField<unknown, unknown>) => field.args.some((arg) => arg.name === "after");

/** Identifies a list: the field and every argument except the paging ones. */
export function listFingerprint(coordinate: string, args: Record<string, unknown>): string {
  const shape = Object.entries(args).filter(([name]) => !PAGING_ARGS.has(name));
  return createHash("sha256").update(coordinate).update(JSON.stringify(shape)).digest("base64url").slice(0, 12);
}

/** Identifies the object a list belongs to: every paged type but Query is a row with an `id`. */
function parentFingerprint(typeName: string, parent: unknown): string {
  const id = (parent as { id?: unknown } | null | undefined)?.id;
  if (typeof id !== "string" && typeof id !== "number") return "";
  return createHash("sha256").update(`${typeName}:${id}`).digest("base64url").slice(0, 12);
}

const secret = config.CURSOR_SECRET ?? randomBytes(32);
const SIGNATURE_LENGTH = 22; // 128 bits, base64url

const sign = (list: string, parent: string, plain: string) =>
  createHmac("sha256", secret).update(`${list}:${parent}:${plain}`).digest("base64url").slice(0, SIGNATURE_LENGTH);

/** base64url of `<list fingerprint>:<parent fingerprint>:<signature>:<plain cursor>`. */
export const wrapCursor = (list: string, parent: string, plain: string) =>
  Buffer.from(`${list}:${parent}:${sign(list, parent, plain)}:${plain}`).toString("base64url");

const badCursor = (message: string) => new GraphQLError(message, { extensions: { code: "BAD_USER_INPUT" } });

/**
 * Checks a cursor given to the list `fingerprint` identifies: that this server wrote it and that
 * it was written for this list. Returns the plain cursor and the fingerprint of its parent.
 */
export function unwrapCursor(fingerprint: string, cursor: string, where: string): { plain: string; parent: string } {
  const decoded = Buffer.from(cursor, "base64url").toString("utf8");
  const [list = "", parent = "", signature = ""] = decoded.split(":", 3);
  const plain = decoded.slice(list.length + parent.length + signature.length + 3);
  const expected = Buffer.from(sign(list, parent, plain));
  const given = Buffer.from(signature);
  if (
    Buffer.from(decoded, "utf8").toString("base64url") !== cursor ||
    decoded.split(":").length < 4 ||
    given.length !== expected.length ||
    !timingSafeEqual(given, expected)
  ) {
    throw badCursor(`The cursor given to \`${where}\` is not a cursor of this API.`);
  }
  if (list !== fingerprint) {
    throw badCursor(
      `The cursor given to \`${where}\` belongs to a different list: it was issued for another \`filter\`, \`orderBy\` or argument. Request the first page again with the new arguments.`,
    );
  }
  return { plain, parent };
}

/** The parents each plain cursor of a request was issued under, by list coordinate (see bindCursor). */
const boundParents = new WeakMap<object, Map<string, Set<string>>>();

/**
 * Records, for the request whose context this is, that `plain` was issued under the parent
 * `parent`: the resolver of `coordinate` then refuses it under any other. Keyed by the plain cursor
 * because that is what resolvers receive; the same plain cursor issued under two parents names the
 * same row, which is a correct place to start in either list.
 */
export function bindCursor(context: object, coordinate: string, plain: string, parent: string): void {
  let cursors = boundParents.get(context);
  if (!cursors) boundParents.set(context, (cursors = new Map()));
  const key = `${coordinate}\n${plain}`;
  cursors.set(key, (cursors.get(key) ?? new Set()).add(parent));
}

function checkParent(context: unknown, coordinate: string, typeName: string, parent: unknown, args: Record<string, unknown>) {
  const cursors = context && typeof context === "object" ? boundParents.get(context) : undefined;
  if (!cursors) return;
  for (const name of ["after", "before"]) {
    const plain = args[name];
    const parents = typeof plain === "string" ? cursors.get(`${coordinate}\n${plain}`) : undefined;
    if (parents && !parents.has(parentFingerprint(typeName, parent))) {
      throw badCursor(
        `The cursor given to \`${coordinate}(${name}:)\` belongs to the same list of another ${typeName}: a cursor only pages the list it came from.`,
      );
    }
  }
}

interface Connection {
  edges?: ({ cursor?: string | null } | null)[];
  pageInfo?: { startCursor?: string | null; endCursor?: string | null };
}

function wrapConnection(connection: unknown, list: string, parent: string): unknown {
  if (!connection || typeof connection !== "object") return connection;
  const { edges, pageInfo } = connection as Connection;
  // In place: the connection object also carries Pothos' lazy totalCount, which must not run unless asked.
  for (const edge of edges ?? []) if (edge?.cursor) edge.cursor = wrapCursor(list, parent, edge.cursor);
  if (pageInfo?.startCursor) pageInfo.startCursor = wrapCursor(list, parent, pageInfo.startCursor);
  if (pageInfo?.endCursor) pageInfo.endCursor = wrapCursor(list, parent, pageInfo.endCursor);
  return connection;
}

/** Makes every paged field of the schema hand out signed, fingerprinted cursors, and check their parent. */
export function fingerprintCursors(schema: GraphQLSchema): void {
  for (const type of Object.values(schema.getTypeMap())) {
    if (!(type instanceof GraphQLObjectType) || type.name.startsWith("__")) continue;
    for (const field of Object.values(type.getFields())) {
      const resolve = field.resolve;
      if (!resolve || !isPaged(field)) continue;
      const coordinate = `${type.name}.${field.name}`;
      field.resolve = (parent, args: Record<string, unknown>, context, info) => {
        checkParent(context, coordinate, type.name, parent, args);
        const list = listFingerprint(coordinate, args);
        const parentPrint = parentFingerprint(type.name, parent);
        const result = resolve(parent, args, context, info);
        return result instanceof Promise
          ? result.then((value) => wrapConnection(value, list, parentPrint))
          : wrapConnection(result, list, parentPrint);
      };
    }
  }
}
