// The operator inputs every generated filter is built from (text, numbers, dates, booleans,
// enums), and their translation into Prisma `where` clauses. Text is compared through a folded key
// column (lower case, no diacritics) so that "skusevicius" equals "Skusevičius" on both engines:
// SQLite has no accent-insensitive collation and Prisma's `mode: insensitive` is PostgreSQL-only.
import { GraphQLError } from "graphql";
import { builder } from "./builder.js";
import { literalForLike, nameKey } from "../lib/text.js";

type Where = Record<string, unknown>;

export interface TextOperators {
  equals?: string | null;
  in?: string[] | null;
  contains?: string | null;
  startsWith?: string | null;
  isNull?: boolean | null;
}

export interface RangeOperators<T> {
  equals?: T | null;
  in?: T[] | null;
  lt?: T | null;
  lte?: T | null;
  gt?: T | null;
  gte?: T | null;
  isNull?: boolean | null;
}

export interface EnumOperators {
  equals?: string | null;
  in?: string[] | null;
}

export const TextFilter = builder.inputRef<TextOperators>("TextFilter").implement({
  description: "Conditions on a text field, ignoring case and diacritics (\"skusevicius\" matches \"Skusevičius\"). All given conditions must hold.",
  fields: (t) => ({
    equals: t.string({ description: "The whole text equals this." }),
    in: t.stringList({ description: "The whole text equals one of these." }),
    contains: t.string({ description: "The text contains this." }),
    startsWith: t.string({ description: "The text starts with this." }),
    isNull: t.boolean({ description: "True: the field has no value; false: it has one." }),
  }),
});

const rangeFields = {
  equals: "Equals this.",
  in: "Equals one of these.",
  lt: "Less than this.",
  lte: "Less than or equal to this.",
  gt: "Greater than this.",
  gte: "Greater than or equal to this.",
} as const;

export const NumberFilter = builder.inputRef<RangeOperators<number>>("NumberFilter").implement({
  description: "Conditions on a number. All given conditions must hold; a range whose lower bound exceeds its upper is an error.",
  fields: (t) => ({
    equals: t.float({ description: rangeFields.equals }),
    in: t.floatList({ description: rangeFields.in }),
    lt: t.float({ description: rangeFields.lt }),
    lte: t.float({ description: rangeFields.lte }),
    gt: t.float({ description: rangeFields.gt }),
    gte: t.float({ description: rangeFields.gte }),
    isNull: t.boolean({ description: "True: the field has no value; false: it has one." }),
  }),
});

export const DateFilter = builder.inputRef<RangeOperators<Date>>("DateFilter").implement({
  description:
    'Conditions on a date ("YYYY-MM-DD"). Dates known only to the month or year are stored as their first day. All given conditions must hold; an inverted range is an error.',
  fields: (t) => ({
    equals: t.field({ type: "Date", description: "On this day." }),
    in: t.field({ type: ["Date"], description: "On one of these days." }),
    lt: t.field({ type: "Date", description: "Before this day." }),
    lte: t.field({ type: "Date", description: "On or before this day." }),
    gt: t.field({ type: "Date", description: "After this day." }),
    gte: t.field({ type: "Date", description: "On or after this day." }),
    isNull: t.boolean({ description: "True: the field has no value; false: it has one." }),
  }),
});

export const BooleanFilter = builder.inputRef<{ equals?: boolean | null }>("BooleanFilter").implement({
  description: "A condition on a true/false field.",
  fields: (t) => ({ equals: t.boolean({ description: "The field has this value." }) }),
});

const enumFilters = new Map<string, ReturnType<typeof builder.inputRef<EnumOperators>>>();

/** `<Enum>Filter { equals, in }` for an enum type, declared once per enum. */
export function enumFilter(enumName: string) {
  const known = enumFilters.get(enumName);
  if (known) return known;
  const ref = builder.inputRef<EnumOperators>(`${enumName}Filter`);
  ref.implement({
    description: `Conditions on a ${enumName} value.`,
    fields: (t) => ({
      equals: t.field({ type: enumName as never, description: "Equals this value." }),
      in: t.field({ type: [enumName] as never, description: "Equals one of these values." }),
    }),
  });
  enumFilters.set(enumName, ref);
  return ref;
}

export function badFilter(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: "BAD_USER_INPUT" } });
}

const all = (conditions: Where[]): Where => (conditions.length === 1 ? conditions[0]! : { AND: conditions });

function isNullWhere(column: string, isNull: boolean | null | undefined): Where[] {
  if (isNull === undefined || isNull === null) return [];
  return [{ [column]: isNull ? null : { not: null } }];
}

/**
 * Text operators on a folded key column; `fold` turns the user's text into the key's form. Operands
 * go through literalForLike whatever the fold, so a "%" never acts as a wildcard.
 */
export function textWhere(column: string, value: TextOperators, foldText: (text: string) => string = nameKey): Where {
  const fold = (text: string) => literalForLike(foldText(text));
  const conditions: Where[] = [];
  if (value.equals != null) conditions.push({ [column]: fold(value.equals) });
  if (value.in != null) conditions.push({ [column]: { in: value.in.map(fold) } });
  if (value.contains != null) conditions.push({ [column]: { contains: fold(value.contains) } });
  if (value.startsWith != null) conditions.push({ [column]: { startsWith: fold(value.startsWith) } });
  conditions.push(...isNullWhere(column, value.isNull));
  return all(conditions);
}

/** Number and date operators; rejects a range that can hold nothing (lower bound above the upper). */
export function rangeWhere<T extends number | Date>(column: string, value: RangeOperators<T>, field: string): Where {
  const lower = value.gt ?? value.gte;
  const upper = value.lt ?? value.lte;
  if (lower != null && upper != null) {
    const strict = value.gt != null || value.lt != null;
    if (+lower > +upper || (+lower === +upper && strict)) {
      throw badFilter(`The range on \`${field}\` is inverted: its lower bound is above its upper bound.`);
    }
  }
  const conditions: Where[] = [];
  for (const operator of ["equals", "in", "lt", "lte", "gt", "gte"] as const) {
    const operand = value[operator];
    if (operand != null) conditions.push({ [column]: operator === "equals" ? operand : { [operator]: operand } });
  }
  conditions.push(...isNullWhere(column, value.isNull));
  return all(conditions);
}

export function enumWhere(column: string, value: EnumOperators): Where {
  const conditions: Where[] = [];
  if (value.equals != null) conditions.push({ [column]: value.equals });
  if (value.in != null) conditions.push({ [column]: { in: value.in } });
  return all(conditions);
}

export const OrderDirection = builder.enumType("OrderDirection", {
  description: "Which way to sort.",
  values: {
    ASC: { value: "asc", description: "Smallest, earliest or A first." },
    DESC: { value: "desc", description: "Largest, latest or Z first." },
  } as const,
});
