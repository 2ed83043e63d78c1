// What every value a client sends must be before any of it reaches the database or a look-up: text
// that is well-formed UTF-16 with no NUL character and at most MAX_TEXT_LENGTH characters, numbers
// that are finite. Anything else is the client's BAD_USER_INPUT, never an engine's error: a lone
// surrogate makes both drivers fail the whole batched statement (and with it every other field
// batched into it), PostgreSQL refuses NUL in text, SQLite refuses LIKE patterns over 50,000 bytes,
// and a literal like 1e309 coerces to Infinity, which no column holds.
import { GraphQLError, GraphQLObjectType, defaultFieldResolver, type GraphQLSchema } from "graphql";

/** Longest text argument or filter operand (names, slugs and titles are far shorter). */
const MAX_TEXT_LENGTH = 1000;

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

const badInput = (message: string) => new GraphQLError(message, { extensions: { code: "BAD_USER_INPUT" } });

/** Throws BAD_USER_INPUT unless `text` is text the database can compare: see above. */
export function checkText(text: string, where: string): void {
  if (text.length > MAX_TEXT_LENGTH) throw badInput(`\`${where}\` is at most ${MAX_TEXT_LENGTH} characters; got ${text.length}.`);
  if (LONE_SURROGATE.test(text)) throw badInput(`\`${where}\` is not well-formed text: it has a lone UTF-16 surrogate.`);
  if (text.includes("\u0000")) throw badInput(`\`${where}\` contains a NUL character (U+0000), which no text here can hold.`);
}

export function checkNumber(number: number, where: string): void {
  if (!Number.isFinite(number)) throw badInput(`\`${where}\` must be a finite number; got ${number}.`);
}

/** Checks every string and number in an argument value, input objects and lists included. */
export function checkValue(value: unknown, where: string): void {
  if (typeof value === "string") checkText(value, where);
  else if (typeof value === "number") checkNumber(value, where);
  else if (Array.isArray(value)) value.forEach((item) => checkValue(item, where));
  else if (value && typeof value === "object" && !(value instanceof Date)) {
    for (const [key, inner] of Object.entries(value)) checkValue(inner, `${where}.${key}`);
  }
}

/**
 * Makes every field check its arguments before its resolver runs: one check for every slug, code,
 * name, query and ID, present and future, and the error belongs to that field alone, so the other
 * fields of the request are answered. (Filters are also checked before execution, by where().)
 */
export function checkArguments(schema: GraphQLSchema): void {
  for (const type of Object.values(schema.getTypeMap())) {
    if (!(type instanceof GraphQLObjectType) || type.name.startsWith("__")) continue;
    for (const field of Object.values(type.getFields())) {
      if (field.args.length === 0) continue;
      const resolve = field.resolve ?? defaultFieldResolver;
      field.resolve = (parent, args: Record<string, unknown>, context, info) => {
        for (const [name, value] of Object.entries(args)) checkValue(value, `${field.name}(${name}:)`);
        return resolve(parent, args, context, info);
      };
    }
  }
}
