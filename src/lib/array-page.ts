// Relay pages of a list computed in memory (a ranking, say), for connections no SQL query orders.
import { GraphQLError } from "graphql";

const DEFAULT_PAGE_SIZE = 20;

export interface PageArgs {
  first?: number | null;
  after?: string | null;
  last?: number | null;
  before?: string | null;
}

const encodeCursor = (kind: string, key: string) => Buffer.from(`${kind}:${key}`).toString("base64url");

/**
 * A page of a list computed in memory. The cursor names the item (`kind:id`), not its position, so
 * a cursor still points at the same item when the list's counts change; one that names no item of
 * the list is the client's mistake.
 */
export function pageOf<Item>(items: Item[], args: PageArgs, kind: string, keyOf: (item: Item) => string) {
  const indexOf = (cursor: string, argument: string) => {
    const decoded = Buffer.from(cursor, "base64url").toString();
    const index = decoded.startsWith(`${kind}:`) ? items.findIndex((item) => keyOf(item) === decoded.slice(kind.length + 1)) : -1;
    if (index < 0) {
      throw new GraphQLError(`\`${argument}\` is not a cursor of this list.`, { extensions: { code: "BAD_USER_INPUT" } });
    }
    return index;
  };
  let start = args.after ? indexOf(args.after, "after") + 1 : 0;
  let end = args.before ? indexOf(args.before, "before") : items.length;
  end = Math.max(start, end);
  const first = args.first ?? (args.last == null ? DEFAULT_PAGE_SIZE : null);
  let hasNextPage = false;
  let hasPreviousPage = false;
  if (first != null && end - start > first) [end, hasNextPage] = [start + first, true];
  if (args.last != null && end - start > args.last) [start, hasPreviousPage] = [end - args.last, true];
  const edges = items.slice(start, end).map((item) => ({ cursor: encodeCursor(kind, keyOf(item)), item }));
  return {
    edges,
    totalCount: items.length,
    pageInfo: {
      hasNextPage,
      hasPreviousPage,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
  };
}
