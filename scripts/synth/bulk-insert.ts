// Multi-row inserts for bulk loads, through Prisma's raw queries so that they join the caller's
// transaction. createMany costs some 0.3 ms of JavaScript and WebAssembly per row (it splits rows
// into statements of 999 bind values and passes every value through the query compiler); here the
// rows of a statement travel as a few long texts that the database unpacks itself (SQLite's
// jsonb_each, PostgreSQL's unnest of arrays), so most of the cost per row is the database's own.
// Values are stored exactly as Prisma stores them: see `encoder`.
import type { Prisma } from "../../src/generated/prisma/client.js";
import { getDatamodel } from "../../src/generated/pothos-types.js";

export type Engine = "sqlite" | "postgres";

type Tx = Prisma.TransactionClient;

/** The types the bulk insert handles, and the PostgreSQL type of each one's array. */
const POSTGRES_TYPES: Record<string, string> = {
  String: "text",
  Int: "integer",
  Float: "double precision",
  Boolean: "boolean",
  DateTime: "timestamp(3)",
};

interface Column {
  /** Prisma's scalar type ("String", "DateTime" …), or "enum". */
  type: string;
  /** Its PostgreSQL type; undefined for types the bulk insert does not handle. */
  postgresType: string | undefined;
  /** @default or @updatedAt, which Prisma fills in the client for rows that leave them out. */
  hasDefault: boolean;
}

/** A table as the insert sees it. */
export interface TableShape {
  name: string;
  columns: ReadonlyMap<string, Column>;
}

/** Rows per statement: a few MB of text; bigger statements gain nothing. */
export const ROWS_PER_STATEMENT = 5000;

const MODELS = getDatamodel().datamodel.models;

function fieldsOf(model: string) {
  const found = MODELS[model];
  if (!found) throw new TypeError(`no model ${model}`);
  return found.fields;
}

/**
 * The engine behind a client or transaction. Each generated client is specific to its provider and
 * says which in `_activeProvider` (a field of Prisma's runtime, declared in its types though not in
 * the generated client's); the client is a proxy, so `instanceof` cannot tell.
 */
export function engineOf(client: object): Engine {
  const provider = (client as { _activeProvider?: unknown })._activeProvider;
  if (provider === "sqlite") return "sqlite";
  if (provider === "postgresql") return "postgres";
  throw new TypeError(`cannot bulk insert through a ${String(provider)} client`);
}

/**
 * A model's table. The schema maps no model or field to another name and declares no native types
 * (@db.…), so names and types follow from the model; an enum's PostgreSQL type has the enum's name.
 */
export function modelTable(model: Prisma.ModelName): TableShape {
  const columns = new Map<string, Column>();
  for (const field of fieldsOf(model)) {
    const hasDefault = field.hasDefaultValue || Boolean(field.isUpdatedAt);
    if (field.kind === "enum") columns.set(field.name, { type: "enum", postgresType: `"${field.type}"`, hasDefault });
    else if (field.kind === "scalar") columns.set(field.name, { type: field.type, postgresType: POSTGRES_TYPES[field.type], hasDefault });
  }
  return { name: model, columns };
}

/** The models a model's foreign keys point to, itself excluded. */
export function referencedModels(model: Prisma.ModelName): string[] {
  return fieldsOf(model)
    .filter((field) => field.kind === "object" && (field.relationFromFields?.length ?? 0) > 0 && field.type !== model)
    .map((field) => field.type);
}

/**
 * The table of an implicit many-to-many relation (`model.field`), and its row linking an id of
 * `model` to one of the other model: Prisma names the table after the relation with a leading
 * underscore, and column A holds the id of the model whose name sorts first.
 */
export function linkTable(model: Prisma.ModelName, field: string): { table: TableShape; link: (id: string, otherId: string) => object } {
  const relation = fieldsOf(model).find((candidate) => candidate.name === field);
  if (!relation?.relationName || !relation.isList || relation.type === model) throw new TypeError(`${model}.${field} is not a many-to-many relation with another model`);
  const idColumn = (owner: string): Column => {
    const type = fieldsOf(owner).find((candidate) => candidate.isId)?.type ?? "String";
    return { type, postgresType: POSTGRES_TYPES[type], hasDefault: false };
  };
  const modelFirst = model < relation.type;
  return {
    table: {
      name: `_${relation.relationName}`,
      columns: new Map([["A", idColumn(modelFirst ? model : relation.type)], ["B", idColumn(modelFirst ? relation.type : model)]]),
    },
    link: (id, otherId) => (modelFirst ? { A: id, B: otherId } : { A: otherId, B: id }),
  };
}

/**
 * A Float as Prisma 6.19 stores it. Its query compiler keeps a number that JSON writes as a 64-bit
 * integer whole, and turns any other into a decimal of 16 significant digits (Rust's `{:.15e}`: the
 * exact value, ties to even), so 0.1 + 0.2 is stored as 0.3 (prisma/orm#11096). JavaScript's
 * toPrecision rounds the same way except that ties go up: a tie (the exact value's digits after the
 * 16th are 5) with an even 16th digit is cut instead.
 */
function asPrismaStoresFloat(value: number): number {
  if (Number.isInteger(value) && value >= -(2 ** 63) && value < 2 ** 63) return value;
  const magnitude = Math.abs(value);
  const [exactMantissa = ""] = magnitude.toPrecision(100).split("e");
  const digits = exactMantissa.replace(".", "").replace(/^0+/, "");
  const [mantissa = "", exponent] = magnitude.toPrecision(17).split("e");
  const rounded = /^50*$/.test(digits.slice(16)) && Number(digits[15]) % 2 === 0
    ? Number(`${mantissa.slice(0, -1)}${exponent === undefined ? "" : `e${exponent}`}`)
    : Number(magnitude.toPrecision(16));
  return value < 0 ? -rounded : rounded;
}

/**
 * How a column's values are written, as Prisma stores them. SQLite keeps DateTime as ISO text ending
 * "+00:00", as @prisma/adapter-better-sqlite3 writes it; PostgreSQL's `timestamp(3)` ignores the ISO
 * text's "Z" and keeps the UTC time, as the adapter's. Booleans and numbers land as bound values do
 * (SQLite 1/0, INTEGER or REAL by the column's affinity), and a double's shortest text (JSON's,
 * String's) reads back as the same double on both.
 */
function encoder(type: string, engine: Engine, where: string): (value: unknown) => unknown {
  const finite = (value: unknown) => {
    // JSON would turn NaN and Infinity into null.
    if (typeof value !== "number" || !Number.isFinite(value)) throw new TypeError(`${where}: ${String(value)} is not a finite number`);
    return value;
  };
  switch (type) {
    case "DateTime":
      return (value) => {
        if (value === null || value === undefined) return null;
        const iso = new Date(value as Date | string).toISOString();
        return engine === "sqlite" ? iso.replace("Z", "+00:00") : iso;
      };
    case "Float":
      return (value) => (value === null || value === undefined ? null : finite(typeof value === "number" ? asPrismaStoresFloat(value) : value));
    case "Int":
      return (value) => (value === null || value === undefined ? null : finite(value));
    default:
      return (value) => value ?? null;
  }
}

/** The columns the rows give; a column no row gives keeps its database default. */
function columnsOf(table: TableShape, rows: readonly object[]): [string, Column][] {
  const given = new Set<string>();
  for (const row of rows) for (const key of Object.keys(row)) given.add(key);
  return [...given].map((name) => {
    const column = table.columns.get(name);
    if (!column) throw new TypeError(`${table.name} has no column ${name}`);
    if (!column.postgresType) throw new TypeError(`${table.name}.${name}: the bulk insert does not handle ${column.type} columns`);
    if (column.hasDefault && rows.some((row) => (row as Record<string, unknown>)[name] === undefined)) {
      throw new TypeError(`${table.name}.${name} has a default, which the bulk insert does not fill: give it in every row or in none`);
    }
    return [name, column];
  });
}

/**
 * The statement for a chunk of rows and its parameters. SQLite reads the rows as one JSON array of
 * arrays (a row's values in column order: half the text of objects); as jsonb, the text is parsed
 * once, where with json `->>` would parse each row again per column. PostgreSQL reads one array
 * literal per column and `unnest` zips them: its array parser takes a quarter of the time jsonb
 * takes, and the text is a fifth smaller.
 */
function statementFor(table: string, columns: [string, Column][], engine: Engine): { sql: string; parameters: (rows: unknown[][]) => string[] } {
  const list = columns.map(([name]) => `"${name}"`).join(", ");
  if (engine === "sqlite") {
    return {
      sql: `INSERT INTO "${table}" (${list}) SELECT ${columns.map((_, index) => `value ->> ${index}`).join(", ")} FROM jsonb_each(?)`,
      parameters: (rows) => [JSON.stringify(rows)],
    };
  }
  return {
    sql: `INSERT INTO "${table}" (${list}) SELECT * FROM unnest(${columns.map(([, column], index) => `$${index + 1}::${column.postgresType}[]`).join(", ")})`,
    parameters: (rows) => columns.map((_, index) => postgresArray(rows.map((row) => row[index]))),
  };
}

/** A PostgreSQL array literal: NULL bare, every other value quoted with its `"` and `\` escaped. */
function postgresArray(values: unknown[]): string {
  return `{${values.map((value) => (value === null ? "NULL" : `"${String(value).replace(/["\\]/g, "\\$&")}"`)).join(",")}}`;
}

/** Inserts rows (createMany's input shape) in their order, ROWS_PER_STATEMENT to a statement. */
export async function insertRows(tx: Tx, engine: Engine, table: TableShape, rows: readonly object[]): Promise<number> {
  if (rows.length === 0) return 0;
  const columns = columnsOf(table, rows);
  const { sql, parameters } = statementFor(table.name, columns, engine);
  const encoders = columns.map(([name, column]) => [name, encoder(column.type, engine, `${table.name}.${name}`)] as const);
  const encodeRow = (row: object) => encoders.map(([name, encode]) => encode((row as Record<string, unknown>)[name]));
  let inserted = 0;
  for (let start = 0; start < rows.length; start += ROWS_PER_STATEMENT) {
    inserted += await tx.$executeRawUnsafe(sql, ...parameters(rows.slice(start, start + ROWS_PER_STATEMENT).map(encodeRow)));
  }
  return inserted;
}

/** Client property → model: `searchTerm` → `SearchTerm`. */
const DELEGATES = new Map(Object.keys(MODELS).map((model) => [model.charAt(0).toLowerCase() + model.slice(1), model as Prisma.ModelName]));

/**
 * The transaction client with every model's `createMany({ data })` done by insertRows, so that code
 * written against the client (the search index writer) loads in bulk unchanged. Everything else is
 * the transaction's own.
 */
export function withBulkCreateMany(tx: Tx, engine: Engine): Tx {
  return new Proxy(tx, {
    get(target, property) {
      const delegate = Reflect.get(target, property) as unknown;
      const model = typeof property === "string" ? DELEGATES.get(property) : undefined;
      if (!model) return delegate;
      const table = modelTable(model);
      return new Proxy(delegate as object, {
        get(methods, method) {
          if (method !== "createMany") return Reflect.get(methods, method) as unknown;
          return async ({ data, ...options }: { data: object | object[] }) => {
            if (Object.keys(options).length > 0) throw new TypeError(`the bulk createMany takes only data, got ${Object.keys(options).join(", ")}`);
            return { count: await insertRows(target, engine, table, Array.isArray(data) ? data : [data]) };
          };
        },
      });
    },
  });
}
