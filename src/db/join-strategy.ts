// Which of Prisma's two ways of reading relations a PostgreSQL query uses. With the relationJoins
// preview (prisma/postgres/schema.prisma) a query and all its nested relations go out as one
// statement: a LATERAL subquery per relation, each nested page cut by its own LIMIT, which PostgreSQL
// reads in index order and stops early. That fails for a page ordered by a related row's column (a
// country's meetings, newest first, go through its delegations and sort by each one's meeting) or
// by a count: no index of the child table gives that order, so PostgreSQL builds every child's row,
// with everything nested under it, before it sorts and cuts the page (a country with 1,932
// meetings: 248 ms, against a few for the statement-per-level plan, which sorts bare keys first).
// Such queries are sent the other way, one statement per relation level.
import type { PrismaClient } from "../generated/prisma/client.js";

type Args = Record<string, unknown>;

const isObject = (value: unknown): value is Args => typeof value === "object" && value !== null;

/** An ordering on another model's column or on a relation count, e.g. `{ meeting: { date: "desc" } }`. */
const ordersThroughRelation = (orderBy: unknown): boolean =>
  (Array.isArray(orderBy) ? orderBy : [orderBy]).some(
    (order) => isObject(order) && Object.values(order).some((direction) => isObject(direction) && !("sort" in direction)),
  );

/** Whether `args`, or a relation it reads, is a page ordered through a relation. */
function pagesThroughRelation(args: unknown): boolean {
  if (!isObject(args)) return false;
  if (args.take !== undefined && ordersThroughRelation(args.orderBy)) return true;
  return [args.include, args.select].some((relations) => isObject(relations) && Object.values(relations).some(pagesThroughRelation));
}

const READS = new Set(["findMany", "findFirst", "findFirstOrThrow", "findUnique", "findUniqueOrThrow"]);

/** The PostgreSQL client, with such reads sent one statement per level (`relationLoadStrategy: "query"`). */
export function choosingJoinStrategy(client: PrismaClient<"query">): PrismaClient<"query"> {
  const delegates = new Map<PropertyKey, object>();
  return new Proxy(client, {
    get(target, property) {
      const value = Reflect.get(target, property, target) as unknown;
      if (typeof property !== "string" || property.startsWith("$") || property.startsWith("_") || !isObject(value) || !("findMany" in value)) return value;
      let delegate = delegates.get(property);
      if (!delegate) {
        delegate = new Proxy(value, {
          get(model, method) {
            const read = Reflect.get(model, method, model) as unknown;
            if (typeof method !== "string" || !READS.has(method) || typeof read !== "function") return read;
            return (args: Args | undefined) =>
              (read as (args: unknown) => unknown).call(model, pagesThroughRelation(args) ? { ...args, relationLoadStrategy: "query" } : args);
          },
        });
        delegates.set(property, delegate);
      }
      return delegate;
    },
  });
}
