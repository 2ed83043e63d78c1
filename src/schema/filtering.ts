// Generates, from a short declaration per entity, the `<Type>Filter` input (field operators,
// relation filters, AND/OR/NOT) and the `<Type>Order` input of its connections, and translates
// both into Prisma arguments. Every connection of a type takes the same two inputs, so an analyst
// learns them once. Declarations are thunks because filters refer to one another in cycles
// (meeting → delegation → meeting).
import { builder } from "./builder.js";
import {
  badFilter,
  BooleanFilter,
  DateFilter,
  enumFilter,
  enumWhere,
  NumberFilter,
  OrderDirection,
  rangeWhere,
  TextFilter,
  textWhere,
  type EnumOperators,
  type RangeOperators,
  type TextOperators,
} from "./filter-operators.js";
import { checkValue } from "./input-values.js";

/**
 * How deep a filter value may nest, counting every input object and list (`{ NOT: { title: {
 * contains: "a" } } }` is 3). Each level is SQL the engine must nest in turn, and past some depth
 * the engine fails the statement (an internal error, not the client's): SQLite at about 60 levels
 * of relation filters and 100 of NOT, PostgreSQL at about 90 of NOT, both at about 120 of AND. 32
 * is well below all of them (test/hostile-input.test.ts runs the deepest of each kind on both
 * engines) and above any filter a person writes.
 */
export const MAX_FILTER_DEPTH = 32;

/** The nesting depth of a value (see above), measured no further than `limit + 1`. */
function depthOf(value: unknown, limit: number): number {
  if (value === null || typeof value !== "object" || value instanceof Date) return 0;
  if (limit < 0) return 1;
  const items = Array.isArray(value) ? value : Object.values(value);
  return 1 + items.reduce<number>((deepest, item) => Math.max(deepest, depthOf(item, limit - 1)), 0);
}

/** Scalar operands in a value, each value of a list counting once. */
function operandsIn(value: unknown): number {
  if (value === null || value === undefined) return 0;
  if (Array.isArray(value)) return value.reduce<number>((sum, item) => sum + operandsIn(item), 0);
  if (typeof value === "object" && !(value instanceof Date)) return Object.values(value).reduce<number>((sum, item) => sum + operandsIn(item), 0);
  return 1;
}

export type Where = Record<string, unknown>;
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- GraphQL input values: anything but undefined
type FilterValue = { [field: string]: {} | null | undefined };
type InputRef = ReturnType<typeof builder.inputRef<FilterValue>>;

export type FieldFilter =
  | { kind: "text"; column: string; description: string; fold?: (text: string) => string }
  | { kind: "number" | "date"; column: string; description: string }
  | { kind: "boolean"; column: string; description: string }
  | { kind: "enum"; enum: string; column: string; description: string }
  /** A to-one relation; `foreignKey` set when it is optional, which adds `<field>IsNull`. */
  | { kind: "one"; relation: string; filter: () => Filter; description: string; foreignKey?: string }
  | { kind: "many"; relation: string; filter: () => Filter; description: string }
  /** Anything else, e.g. "held the post on this date". */
  | { kind: "custom"; type: InputRef | typeof TextFilter | "Date"; description: string; where: (value: never) => Where };

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the Prisma where-input type of one model
export interface Filter<W = any> {
  name: string;
  ref: InputRef;
  /**
   * Prisma `where` for a filter value; throws BAD_USER_INPUT (a GraphQLError) for impossible input:
   * nested deeper than MAX_FILTER_DEPTH, text or numbers the database cannot compare, an inverted range.
   */
  where(value: FilterValue | null | undefined): W;
  /** where() for a value nested in another filter, whose checks cover it. */
  nestedWhere(value: FilterValue | null | undefined): W;
  /**
   * How many conditions a filter value holds: every operand (each value of an `in` counting once)
   * and every relation test (`some`, `every`, `none`, a to-one relation, `<name>IsNull`).
   */
  conditions(value: FilterValue | null | undefined): number;
}

const filters = new Map<string, Filter>();

/** The filter registered under an input type's name, for checks that run before execution. */
export const filterNamed = (name: string): Filter | undefined => filters.get(name);

interface ListOperators {
  some?: FilterValue | null;
  every?: FilterValue | null;
  none?: FilterValue | null;
}

const listFilters = new Map<string, InputRef>();

function listFilterOf(target: Filter): InputRef {
  const name = target.name.replace(/Filter$/, "ListFilter");
  const known = listFilters.get(name);
  if (known) return known;
  const ref = builder.inputRef<FilterValue>(name);
  ref.implement({
    description: `Conditions on a list of related items, each tested with ${target.name}.`,
    fields: (t) => ({
      some: t.field({ type: target.ref, description: "At least one item matches." }),
      every: t.field({ type: target.ref, description: "Every item matches (true of an empty list)." }),
      none: t.field({ type: target.ref, description: "No item matches." }),
    }),
  });
  listFilters.set(name, ref);
  return ref;
}

function inputTypeOf(field: FieldFilter) {
  switch (field.kind) {
    case "text":
      return TextFilter;
    case "number":
      return NumberFilter;
    case "date":
      return DateFilter;
    case "boolean":
      return BooleanFilter;
    case "enum":
      return enumFilter(field.enum);
    case "one":
      return field.filter().ref;
    case "many":
      return listFilterOf(field.filter());
    case "custom":
      return field.type;
  }
}

function fieldWhere(name: string, field: FieldFilter, value: unknown): Where {
  switch (field.kind) {
    case "text":
      return textWhere(field.column, value as TextOperators, field.fold);
    case "number":
    case "date":
      return rangeWhere(field.column, value as RangeOperators<number | Date>, name);
    case "boolean": {
      const equals = (value as { equals?: boolean | null }).equals;
      return equals == null ? {} : { [field.column]: equals };
    }
    case "enum":
      return enumWhere(field.column, value as EnumOperators);
    case "one":
      return { [field.relation]: { is: field.filter().nestedWhere(value as FilterValue) } };
    case "many": {
      const list = value as ListOperators;
      const target = field.filter();
      const where: Where = {};
      for (const operator of ["some", "every", "none"] as const) {
        if (list[operator] != null) where[operator] = target.nestedWhere(list[operator]);
      }
      return { [field.relation]: where };
    }
    case "custom":
      return field.where(value as never);
  }
}

function fieldConditions(field: FieldFilter, value: unknown): number {
  switch (field.kind) {
    case "one":
      return 1 + field.filter().conditions(value as FilterValue);
    case "many": {
      const list = value as ListOperators;
      const target = field.filter();
      return (["some", "every", "none"] as const).reduce((sum, operator) => sum + (list[operator] == null ? 0 : 1 + target.conditions(list[operator])), 0);
    }
    default:
      return operandsIn(value);
  }
}

/** A declared field by its name; never a property every object inherits (`constructor` …). */
const declaredField = (fields: Record<string, FieldFilter>, key: string): FieldFilter | undefined => (Object.hasOwn(fields, key) ? fields[key] : undefined);

/**
 * Declares `<name>` (e.g. "MeetingFilter") from its fields. Given fields combine with AND; `AND`,
 * `OR` and `NOT` nest filters of the same type.
 */
export function defineFilter<W>(name: string, description: string, declare: () => Record<string, FieldFilter>): Filter<W> {
  let declared: Record<string, FieldFilter> | undefined;
  const fieldsOf = () => (declared ??= declare());
  const ref = builder.inputRef<FilterValue>(name);
  const filter: Filter<W> = {
    name,
    ref,
    where(value) {
      const depth = depthOf(value, MAX_FILTER_DEPTH);
      if (depth > MAX_FILTER_DEPTH) {
        throw badFilter(`The ${name} is nested more than ${MAX_FILTER_DEPTH} levels deep; at most ${MAX_FILTER_DEPTH} are allowed.`);
      }
      checkValue(value, name);
      return filter.nestedWhere(value);
    },
    nestedWhere(value) {
      if (!value) return {} as W;
      const conditions: Where[] = [];
      const fields = fieldsOf();
      for (const [key, operand] of Object.entries(value)) {
        if (operand === null || operand === undefined) continue;
        if (key === "AND") conditions.push({ AND: (operand as FilterValue[]).map((item) => filter.nestedWhere(item)) });
        else if (key === "OR") conditions.push({ OR: (operand as FilterValue[]).map((item) => filter.nestedWhere(item)) });
        else if (key === "NOT") conditions.push({ NOT: filter.nestedWhere(operand as FilterValue) });
        else if (key.endsWith("IsNull") && declaredField(fields, key.slice(0, -6))?.kind === "one") {
          const relation = fields[key.slice(0, -6)] as Extract<FieldFilter, { kind: "one" }>;
          conditions.push({ [relation.foreignKey as string]: operand ? null : { not: null } });
        } else {
          const field = declaredField(fields, key);
          if (!field) throw badFilter(`${name} has no field \`${key}\`.`);
          conditions.push(fieldWhere(key, field, operand));
        }
      }
      return (conditions.length === 1 ? conditions[0]! : { AND: conditions }) as W;
    },
    conditions(value) {
      if (!value) return 0;
      const fields = fieldsOf();
      let count = 0;
      for (const [key, operand] of Object.entries(value)) {
        if (operand === null || operand === undefined) continue;
        if (key === "AND" || key === "OR") count += (operand as FilterValue[]).reduce((sum, item) => sum + filter.conditions(item), 0);
        else if (key === "NOT") count += filter.conditions(operand as FilterValue);
        else {
          const field = declaredField(fields, key);
          count += field ? fieldConditions(field, operand) : 1;
        }
      }
      return count;
    },
  };
  ref.implement({
    description,
    fields: (t) => {
      const fields: Record<string, ReturnType<typeof t.field>> = {
        AND: t.field({ type: [ref], description: "Every one of these filters matches." }),
        OR: t.field({ type: [ref], description: "At least one of these filters matches." }),
        NOT: t.field({ type: ref, description: "This filter does not match." }),
      };
      for (const [key, field] of Object.entries(fieldsOf())) {
        fields[key] = t.field({ type: inputTypeOf(field) as InputRef, description: field.description });
        if (field.kind === "one" && field.foreignKey) {
          fields[`${key}IsNull`] = t.boolean({ description: `True: there is no ${key}; false: there is one.` });
        }
      }
      return fields;
    },
  });
  filters.set(name, filter);
  return filter;
}

type Direction = "asc" | "desc";

type Requested = readonly { field: string; direction?: Direction | null }[] | null | undefined;

export interface Order<O> {
  ref: ReturnType<typeof builder.inputRef<{ field: string; direction?: Direction | null }>>;
  /** Prisma `orderBy` for the requested order (or the list's default), ending with the id tiebreaker. */
  orderBy(requested: Requested, defaults?: O[]): O[];
}

/**
 * Declares `<type>Order` and `<type>OrderField` from the sortable fields. Whatever the client
 * asks, the primary key comes last, so rows that tie keep one order and pages never overlap.
 */
export function defineOrder<O>(
  type: string,
  fields: Record<string, { description: string; orderBy: (direction: Direction) => O }>,
  defaults: O[],
  tiebreaker = { id: "asc" } as O,
): Order<O> {
  const fieldEnum = builder.enumType(`${type}OrderField`, {
    description: `What ${type} lists can be sorted by.`,
    values: Object.fromEntries(Object.entries(fields).map(([key, { description }]) => [key, { value: key, description }])),
  });
  const ref = builder.inputRef<{ field: string; direction?: Direction | null }>(`${type}Order`);
  ref.implement({
    description: `One sort key of a ${type} list; give several to break ties, most significant first.`,
    fields: (t) => ({
      field: t.field({ type: fieldEnum, required: true, description: "What to sort by." }),
      direction: t.field({ type: OrderDirection, defaultValue: "asc", description: "Which way; ascending unless given." }),
    }),
  });
  return {
    ref,
    orderBy(requested, listDefaults = defaults) {
      if (!requested?.length) return [...listDefaults, tiebreaker];
      return [...requested.map(({ field, direction }) => fields[field]!.orderBy(direction ?? "asc")), tiebreaker];
    },
  };
}

/** `{ [column]: direction }`, the common case of an order field. */
export const byColumn =
  <O>(column: string) =>
  (direction: Direction) =>
    ({ [column]: direction }) as O;

/** The arguments `filteredList` adds, as resolvers receive them. */
export interface ListArgs {
  filter?: FilterValue | null;
  orderBy?: Requested;
}

/** The `filter` and `orderBy` arguments, and the Prisma query they make, of a list of one type. */
export function filteredList<W, O>(filter: Filter<W>, order: Order<O>, defaults?: O[]) {
  return {
    args: builder.args((t) => ({
      filter: t.field({ type: filter.ref, description: "Only items matching this filter; `totalCount` counts only them." }),
      orderBy: t.field({ type: [order.ref], description: "Sort keys, most significant first; ties end in id order." }),
    })),
    query: (args: ListArgs) => ({
      where: filter.where(args.filter),
      orderBy: order.orderBy(args.orderBy, defaults),
    }),
  };
}

/** A list declared at a module's top level, built on first use: the filters it names may belong to
 * modules that import this one, and are not initialised yet when it loads. */
export function lazyList<List>(make: () => List): () => List {
  let list: List | undefined;
  return () => (list ??= make());
}
