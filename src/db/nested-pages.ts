// Nested pages cut per parent in SQL, on SQLite. Prisma has no relationJoins there: a nested
// relation with `take` (Country.tradeRecords(first: 10)) is read as every child of every parent,
// `WHERE fk IN (…)`, and paged in memory, so the GraphiQL default query read 1,631 trade records
// of the benchmark's data to show 10. Here such a relation is taken out of the query and read on
// its own, by one statement that reads each parent's children in the page's order, from the index
// that has it, and stops at the page's LIMIT (a correlated subquery per parent: what LATERAL does
// on PostgreSQL). What is selected under those rows is then read level by level with the
// statements Prisma would send (to-one relations by their keys, lists by their foreign key, nested
// pages here again), so a query costs as many statements as before. A window function
// (ROW_NUMBER() OVER (PARTITION BY fk) … WHERE rn <= take) would say the same, but SQLite computes
// the window over every child before it filters: it reads as many rows as Prisma does.
//
// Only what this can say exactly is handled: a one-to-many relation on a single foreign key, an
// order of the child's own columns that includes its id (so it is total), a cursor on the id, a
// `where` of plain comparisons of the child's columns. Anything else — an order through a relation
// or by a count, a text or relation filter, `distinct` — is left to Prisma unchanged.
// test/nested-pages.test.ts checks the pages against Prisma's own on both engines.
import { AsyncLocalStorage } from "node:async_hooks";
import type { PrismaClient } from "../generated/prisma/client.js";
import { getDatamodel } from "../generated/pothos-types.js";

type Args = Record<string, unknown>;
type Row = Record<string, unknown>;
export type Dialect = "sqlite" | "postgresql";

const isObject = (value: unknown): value is Args => typeof value === "object" && value !== null && !Array.isArray(value) && !(value instanceof Date);

interface Field {
  name: string;
  kind: string;
  type: string;
  isList: boolean;
  isId: boolean;
  isRequired: boolean;
  relationName?: string;
  relationFromFields?: string[];
}

const models = new Map(
  Object.entries(getDatamodel().datamodel.models).map(([name, model]) => [
    name,
    new Map((model.fields as unknown as Field[]).map((field) => [field.name, field])),
  ]),
);

const idOf = (model: string): Field | undefined => [...(models.get(model)?.values() ?? [])].find((field) => field.isId);

/** A one-to-many relation whose child holds the single foreign key: what a page per parent needs. */
interface Relation {
  child: string;
  foreignKey: Field;
  /** The parent's key the foreign key refers to (every relation of the schema references `id`). */
  parentKey: Field;
  childId: Field;
}

const relations = new Map<string, Relation | null>();

function relationOf(model: string, fieldName: string): Relation | null {
  const cacheKey = `${model}.${fieldName}`;
  const known = relations.get(cacheKey);
  if (known !== undefined) return known;
  let relation: Relation | null = null;
  const field = models.get(model)?.get(fieldName);
  if (field?.kind === "object" && field.isList && field.relationFromFields?.length === 0) {
    const children = models.get(field.type);
    const back = [...(children?.values() ?? [])].find(
      (candidate) => candidate !== field && candidate.relationName === field.relationName && candidate.relationFromFields?.length === 1,
    );
    const foreignKey = back && children?.get(back.relationFromFields![0]!);
    const parentKey = idOf(model);
    const childId = idOf(field.type);
    if (foreignKey && parentKey && childId && foreignKey.type === "String" && parentKey.type === "String") {
      relation = { child: field.type, foreignKey, parentKey, childId };
    }
  }
  relations.set(cacheKey, relation);
  return relation;
}

/** SQL and its bound values; `?` placeholders, numbered for PostgreSQL at the end. */
interface Sql {
  text: string;
  values: unknown[];
}

const quote = (name: string) => `"${name}"`;

/** The column of a page's rows that names their parent. */
const PARENT = '"__parent"';

class Untranslatable extends Error {}

/** A value as the engine stores it, for comparing with a column in SQL. */
function bindable(value: unknown, field: Field, dialect: Dialect): unknown {
  if (value === null || typeof value === "string" || typeof value === "number") {
    if (field.type === "DateTime" && value !== null) throw new Untranslatable();
    return value;
  }
  if (typeof value === "boolean") return dialect === "sqlite" ? Number(value) : value;
  if (value instanceof Date && field.type === "DateTime") {
    // The better-sqlite3 adapter stores ISO 8601 with "+00:00"; PostgreSQL's `timestamp(3)` has no zone.
    const iso = value.toISOString();
    return dialect === "sqlite" ? `${iso.slice(0, -1)}+00:00` : iso.slice(0, -1);
  }
  throw new Untranslatable();
}

const COMPARISONS: Record<string, string> = { lt: "<", lte: "<=", gt: ">", gte: ">=" };
const SCALAR_KINDS = new Set(["scalar", "enum"]);

/** Prisma `where` on `model` as SQL over `alias`; Untranslatable for anything but plain comparisons. */
function whereSql(model: string, where: unknown, alias: string, dialect: Dialect): Sql {
  if (where === undefined) return { text: "1=1", values: [] };
  if (!isObject(where)) throw new Untranslatable();
  const parts: Sql[] = [];
  for (const [key, condition] of Object.entries(where)) {
    if (condition === undefined) continue;
    if (key === "AND" || key === "OR") {
      const items = (Array.isArray(condition) ? condition : [condition]).map((item) => whereSql(model, item, alias, dialect));
      if (items.length === 0) {
        parts.push({ text: key === "AND" ? "1=1" : "1=0", values: [] });
        continue;
      }
      parts.push({ text: `(${items.map((item) => item.text).join(key === "AND" ? " AND " : " OR ")})`, values: items.flatMap((item) => item.values) });
    } else if (key === "NOT") {
      const items = Array.isArray(condition) ? condition : [condition];
      if (items.length !== 1) throw new Untranslatable();
      const inner = whereSql(model, items[0], alias, dialect);
      parts.push({ text: `NOT (${inner.text})`, values: inner.values });
    } else {
      const field = models.get(model)?.get(key);
      if (!field || !SCALAR_KINDS.has(field.kind) || field.isList) throw new Untranslatable();
      parts.push(columnSql(`${alias}.${quote(key)}`, field, condition, dialect));
    }
  }
  if (parts.length === 0) return { text: "1=1", values: [] };
  return { text: parts.map((part) => part.text).join(" AND "), values: parts.flatMap((part) => part.values) };
}

function columnSql(column: string, field: Field, condition: unknown, dialect: Dialect): Sql {
  if (condition === null) return { text: `${column} IS NULL`, values: [] };
  if (!isObject(condition)) return { text: `${column} = ?`, values: [bindable(condition, field, dialect)] };
  const parts: Sql[] = [];
  for (const [operator, operand] of Object.entries(condition)) {
    if (operand === undefined) continue;
    if (operator === "equals") {
      parts.push(operand === null ? { text: `${column} IS NULL`, values: [] } : { text: `${column} = ?`, values: [bindable(operand, field, dialect)] });
    } else if (operator in COMPARISONS) {
      if (operand === null) throw new Untranslatable();
      parts.push({ text: `${column} ${COMPARISONS[operator]} ?`, values: [bindable(operand, field, dialect)] });
    } else if (operator === "in") {
      if (!Array.isArray(operand)) throw new Untranslatable();
      if (operand.length === 0) parts.push({ text: "1=0", values: [] });
      else parts.push({ text: `${column} IN (${operand.map(() => "?").join(", ")})`, values: operand.map((item) => bindable(item, field, dialect)) });
    } else if (operator === "not" && operand === null) {
      parts.push({ text: `${column} IS NOT NULL`, values: [] });
    } else {
      // contains, startsWith, not <value>, notIn, mode …: Prisma's own semantics (LIKE escapes,
      // NULL handling) are not repeated here.
      throw new Untranslatable();
    }
  }
  if (parts.length === 0) return { text: "1=1", values: [] };
  return { text: parts.map((part) => part.text).join(" AND "), values: parts.flatMap((part) => part.values) };
}

interface OrderKey {
  field: Field;
  descending: boolean;
}

/** The orderBy as the child's own columns, cut after its id; undefined when it is anything else. */
function orderKeys(child: string, orderBy: unknown, childId: Field): OrderKey[] | undefined {
  const keys: OrderKey[] = [];
  for (const order of Array.isArray(orderBy) ? orderBy : [orderBy]) {
    if (!isObject(order)) return undefined;
    const entries = Object.entries(order).filter(([, direction]) => direction !== undefined);
    if (entries.length !== 1) return undefined;
    const [name, direction] = entries[0]!;
    const field = models.get(child)?.get(name);
    if (!field || !SCALAR_KINDS.has(field.kind) || (direction !== "asc" && direction !== "desc")) return undefined;
    keys.push({ field, descending: direction === "desc" });
    if (field === childId) return keys;
  }
  // No id among the keys: rows that tie have no defined order, and pages could differ from Prisma's.
  return undefined;
}

/** What a nested page is read with, once checked. */
export interface PagePlan {
  relation: Relation;
  take: number;
  skip: number;
  cursor?: unknown;
  order: OrderKey[];
  where: unknown;
  /** select / include / omit of the child rows. */
  rows: Args;
}

const PAGE_KEYS = new Set(["take", "skip", "cursor", "orderBy", "where", "select", "include", "omit"]);

/** The plan of `model.field` read with `args`, or undefined when Prisma must read it itself. */
export function planPage(model: string, field: string, args: unknown, dialect: Dialect): PagePlan | undefined {
  if (!isObject(args) || typeof args.take !== "number" || !Number.isInteger(args.take)) return undefined;
  if (Object.keys(args).some((key) => !PAGE_KEYS.has(key))) return undefined;
  const relation = relationOf(model, field);
  if (!relation) return undefined;
  const skip = args.skip ?? 0;
  if (typeof skip !== "number" || !Number.isInteger(skip) || skip < 0) return undefined;
  let cursor: unknown;
  if (args.cursor !== undefined) {
    if (!isObject(args.cursor)) return undefined;
    const entries = Object.entries(args.cursor);
    if (entries.length !== 1 || entries[0]![0] !== relation.childId.name || typeof entries[0]![1] !== "string") return undefined;
    cursor = entries[0]![1];
  }
  const order = orderKeys(relation.child, args.orderBy, relation.childId);
  if (!order) return undefined;
  try {
    whereSql(relation.child, args.where, "c", dialect);
  } catch (error) {
    if (error instanceof Untranslatable) return undefined;
    throw error;
  }
  const rows: Args = {};
  for (const key of ["select", "include", "omit"]) if (args[key] !== undefined) rows[key] = args[key];
  return { relation, take: args.take, skip, cursor, order, where: args.where, rows };
}

/**
 * The statement that reads every parent's page: the child rows, whole, with their parent's key in
 * `__parent`. Each parent's children are read in the order of the page and no further than its
 * LIMIT; a cursor restricts them to those from the cursor row on, which must itself be one of the
 * parent's (filtered) children, as in Prisma.
 */
export function pageSql(plan: PagePlan, parents: string[], dialect: Dialect): Sql {
  const { relation, order } = plan;
  const table = quote(relation.child);
  const fk = quote(relation.foreignKey.name);
  const id = quote(relation.childId.name);
  // A negative take reads backwards from the cursor (or the end): the order reversed, then the rows.
  const backwards = plan.take < 0;
  const keys = order.map(({ field, descending }) => ({ field, descending: descending !== backwards }));
  const where = whereSql(relation.child, plan.where, "c", dialect);
  const values: unknown[] = [];
  let join = "";
  let after = "";
  if (plan.cursor !== undefined) {
    const cursorWhere = whereSql(relation.child, plan.where, "cur", dialect);
    join = ` JOIN ${table} AS cur ON cur.${id} = ? AND cur.${fk} = c.${fk} AND ${cursorWhere.text}`;
    values.push(plan.cursor, ...cursorWhere.values);
    after = ` AND ${fromCursor(keys, dialect)}`;
  }
  const parent = dialect === "sqlite" ? "p.value" : "p.parent";
  const orderSql = (alias: string, flip: boolean) =>
    order.map(({ field, descending }) => `${alias}.${quote(field.name)} ${descending !== flip ? "DESC" : "ASC"}`).join(", ");
  const page =
    `SELECT c.${dialect === "sqlite" ? id : "*"} FROM ${table} AS c${join} WHERE c.${fk} = ${parent} AND ${where.text}${after}` +
    ` ORDER BY ${orderSql("c", backwards)} LIMIT ? OFFSET ?`;
  values.push(...where.values, Math.abs(plan.take), plan.skip);
  // Whole rows, in the page's own order (a backwards page read in reverse is turned round here).
  if (dialect === "sqlite") {
    // The parents as one JSON array: one statement text whatever their number. The table comes
    // first, schema-qualified as Prisma writes it, for tools that read a statement's table from
    // its FROM (bench/statements.ts).
    return {
      text: `SELECT p.value AS ${PARENT}, t.* FROM "main".${table} AS t JOIN json_each(?) AS p ON t.${id} IN (${page}) ORDER BY ${orderSql("t", false)}`,
      values: [JSON.stringify(parents), ...values],
    };
  }
  let index = 0;
  const text = `SELECT p.parent AS ${PARENT}, t.* FROM unnest(?::text[]) AS p(parent) CROSS JOIN LATERAL (${page}) AS t ORDER BY ${orderSql("t", false)}`;
  return { text: text.replace(/\?/g, () => `$${++index}`), values: [parents, ...values] };
}

/**
 * `c` is the cursor row `cur` or after it in the order `keys` (which ends with the unique id), with
 * each engine's place for NULLs: first in ascending order on SQLite, last on PostgreSQL.
 */
function fromCursor(keys: OrderKey[], dialect: Dialect): string {
  const nullsFirstAscending = dialect === "sqlite";
  let condition = "";
  for (let index = keys.length - 1; index >= 0; index--) {
    const { field, descending } = keys[index]!;
    const c = `c.${quote(field.name)}`;
    const cur = `cur.${quote(field.name)}`;
    const comparison = descending ? "<" : ">";
    if (index === keys.length - 1) {
      condition = `${c} ${comparison}= ${cur}`;
      continue;
    }
    let beyond = `${c} ${comparison} ${cur}`;
    let same = `${c} = ${cur}`;
    if (!field.isRequired) {
      const nullsFirst = nullsFirstAscending !== descending;
      beyond = nullsFirst ? `(${beyond} OR (${cur} IS NULL AND ${c} IS NOT NULL))` : `(${beyond} OR (${c} IS NULL AND ${cur} IS NOT NULL))`;
      same = dialect === "sqlite" ? `${c} IS ${cur}` : `${c} IS NOT DISTINCT FROM ${cur}`;
    }
    condition = `(${beyond} OR (${same} AND ${condition}))`;
  }
  return condition;
}

type Client = PrismaClient<"query">;
type FindMany = (args: Args) => Promise<Row[]>;

const delegateName = (model: string) => model.charAt(0).toLowerCase() + model.slice(1);
const findManyOf = (client: Client, model: string) => (client as unknown as Record<string, { findMany: FindMany }>)[delegateName(model)]!.findMany;

/**
 * Each parent's page of `plan`'s relation, in the page's order. One statement reads the pages'
 * whole rows (`pageSql`); what is selected under them is read level by level as Prisma would,
 * with the same statements: to-one relations by their keys, lists by their foreign key, nested
 * pages here again.
 */
export async function loadPages(client: Client, plan: PagePlan, parents: readonly string[], dialect: Dialect): Promise<Map<string, Row[]>> {
  const pages = new Map<string, Row[]>();
  const distinct = [...new Set(parents)];
  for (const parent of distinct) pages.set(parent, []);
  if (distinct.length === 0 || plan.take === 0) return pages;
  const sql = pageSql(plan, distinct, dialect);
  const found = await client.$queryRawUnsafe<Row[]>(sql.text, ...sql.values);
  const rows = await shapeRows(client, plan.relation.child, plan.rows, found, dialect);
  found.forEach((raw, index) => pages.get(raw.__parent as string)!.push(rows[index]!));
  return pages;
}

const SCALAR = (field: Field) => SCALAR_KINDS.has(field.kind);

/** `raws` (every column of `model`) as Prisma returns them for `selection`, relations included. */
async function shapeRows(client: Client, model: string, selection: Args, raws: Row[], dialect: Dialect): Promise<Row[]> {
  const fields = models.get(model)!;
  const select = isObject(selection.select) ? selection.select : undefined;
  const omit = isObject(selection.omit) ? selection.omit : {};
  const scalars = [...fields.values()].filter((field) => SCALAR(field) && (select ? Boolean(select[field.name]) : !omit[field.name]));
  const rows = raws.map((raw) => Object.fromEntries(scalars.map((field) => [field.name, raw[field.name]])));
  const relations = Object.entries(select ?? (isObject(selection.include) ? selection.include : {})).filter(
    ([name, value]) => Boolean(value) && (name === "_count" || fields.get(name)?.kind === "object"),
  );
  if (relations.length === 0 || rows.length === 0) return rows;
  const id = idOf(model)!.name;
  const leftToPrisma: Args = {};
  await Promise.all(
    relations.map(async ([name, value]) => {
      const args = isObject(value) ? value : {};
      const field = fields.get(name);
      const loaded = field && (await loadRelation(client, model, field, args, raws, dialect));
      if (!loaded) {
        leftToPrisma[name] = value;
        return;
      }
      rows.forEach((row, index) => (row[name] = loaded[index]));
    }),
  );
  if (Object.keys(leftToPrisma).length > 0) {
    // Counts, many-to-many lists and the like: Prisma reads them for these rows, one more statement.
    const extra = await findManyOf(client, model)({ where: { [id]: { in: raws.map((raw) => raw[id]) } }, select: { ...leftToPrisma, [id]: true } });
    const byId = new Map(extra.map((row) => [row[id], row]));
    raws.forEach((raw, index) => {
      const row = byId.get(raw[id]);
      for (const name of Object.keys(leftToPrisma)) rows[index]![name] = row?.[name];
    });
  }
  return rows;
}

/** A relation of each of `raws`, in their order; undefined when Prisma has to read it. */
async function loadRelation(client: Client, model: string, field: Field, args: Args, raws: Row[], dialect: Dialect): Promise<unknown[] | undefined> {
  if (!field.isList) {
    // To-one through a foreign key of these rows: the related rows by their ids, as Prisma reads them.
    const foreignKey = field.relationFromFields?.length === 1 ? field.relationFromFields[0]! : undefined;
    const targetId = idOf(field.type)?.name;
    if (!foreignKey || !targetId || Object.keys(args).some((key) => !["select", "include", "omit"].includes(key))) return undefined;
    const keys = [...new Set(raws.map((raw) => raw[foreignKey]).filter((key) => key !== null))];
    if (keys.length === 0) return raws.map(() => null);
    const select = isObject(args.select) ? args.select : undefined;
    const addsId = select !== undefined && !select[targetId];
    const targets = await findManyOf(client, field.type)({
      ...args,
      ...(addsId ? { select: { ...select, [targetId]: true } } : {}),
      where: { [targetId]: { in: keys } },
    });
    const byId = new Map(targets.map((target) => [target[targetId], target]));
    if (addsId) for (const target of targets) delete target[targetId];
    return raws.map((raw) => (raw[foreignKey] === null ? null : (byId.get(raw[foreignKey]) ?? null)));
  }
  const relation = relationOf(model, field.name);
  if (!relation) return undefined;
  const parents = raws.map((raw) => raw[relation.parentKey.name] as string);
  const plan = planPage(model, field.name, args, dialect);
  if (plan) {
    const pages = await loadPages(client, plan, parents, dialect);
    return parents.map((parent) => [...pages.get(parent)!]);
  }
  // A whole list: every child of these rows by its foreign key, in the list's order, as Prisma reads it.
  if (Object.keys(args).some((key) => !["where", "orderBy", "select", "include", "omit"].includes(key))) return undefined;
  const foreignKey = relation.foreignKey.name;
  const select = isObject(args.select) ? args.select : undefined;
  const addsKey = select !== undefined && !select[foreignKey];
  const inParents = { [foreignKey]: { in: [...new Set(parents)] } };
  const children = await findManyOf(client, relation.child)({
    ...args,
    ...(addsKey ? { select: { ...select, [foreignKey]: true } } : {}),
    where: args.where === undefined ? inParents : { AND: [inParents, args.where] },
  });
  const lists = new Map<unknown, Row[]>(parents.map((parent) => [parent, []]));
  for (const child of children) {
    lists.get(child[foreignKey])?.push(child);
    if (addsKey) delete child[foreignKey];
  }
  return parents.map((parent) => [...lists.get(parent)!]);
}

interface Waiting {
  parents: readonly string[];
  resolve: (pages: Map<string, Row[]>) => void;
  reject: (error: unknown) => void;
}

const waiting = new Map<string, { client: Client; plan: PagePlan; dialect: Dialect; context: <T>(work: () => T) => T; calls: Waiting[] }>();

/**
 * loadPages for the pages under findUnique calls that Prisma merges into one statement (calls of
 * one tick on the same model with the same selection, `root`): merged the same way, one load for
 * them all. That is one statement per level for Pothos's findUnique per object, and the whole
 * query of identical concurrent requests charged to one of them. The merged load runs in the async
 * context of the first call (its cancellation, the request its statements count for), as Prisma's
 * merged findUnique does (src/observability/statement-count.ts).
 */
function loadPagesTogether(client: Client, plan: PagePlan, parents: readonly string[], dialect: Dialect, root: string): Promise<Map<string, Row[]>> {
  const key = JSON.stringify([root, plan.relation.child, plan.relation.foreignKey.name, plan.take, plan.skip, plan.cursor, plan.order.map(({ field, descending }) => [field.name, descending]), plan.where, plan.rows, dialect]);
  return new Promise((resolve, reject) => {
    let batch = waiting.get(key);
    if (!batch || batch.client !== client) {
      const fresh = { client, plan, dialect, context: AsyncLocalStorage.snapshot(), calls: [] as Waiting[] };
      if (!batch) waiting.set(key, fresh);
      batch = fresh;
      const run = batch;
      process.nextTick(() => {
        if (waiting.get(key) === run) waiting.delete(key);
        run.context(() => loadPages(run.client, run.plan, run.calls.flatMap((call) => call.parents), run.dialect)).then(
          (pages) => run.calls.forEach((call) => call.resolve(pages)),
          (error: unknown) => run.calls.forEach((call) => call.reject(error)),
        );
      });
    }
    batch.calls.push({ parents, resolve, reject });
  });
}

/** A nested page found in a query: where its parents are, and how to read it. */
interface Task {
  /** Relation fields from the query's results down to the parents. */
  path: string[];
  field: string;
  plan: PagePlan;
  /** The parents' key was added to their select, to be removed once the page is grafted. */
  addedKey: boolean;
}

/**
 * `args` of a read of `model` without the nested pages this module reads itself, and those pages;
 * undefined when there are none (the query then goes to Prisma as it is).
 */
export function splitPages(model: string, args: unknown, dialect: Dialect, path: string[] = []): { args: Args; tasks: Task[] } | undefined {
  // Omitted fields could be the parents' key.
  if (!isObject(args) || args.omit !== undefined) return undefined;
  const tasks: Task[] = [];
  let changed: Args | undefined;
  for (const key of ["select", "include"] as const) {
    const selection = args[key];
    if (!isObject(selection)) continue;
    let copy: Args | undefined;
    for (const [field, value] of Object.entries(selection)) {
      if (field === "_count" || !isObject(value)) continue;
      const target = models.get(model)?.get(field);
      if (target?.kind !== "object") continue;
      const plan = planPage(model, field, value, dialect);
      if (plan) {
        copy ??= { ...selection };
        delete copy[field];
        tasks.push({ path, field, plan, addedKey: false });
        continue;
      }
      const nested = splitPages(target.type, value, dialect, [...path, field]);
      if (nested) {
        copy ??= { ...selection };
        copy[field] = nested.args;
        tasks.push(...nested.tasks);
      }
    }
    if (copy) {
      const own = tasks.filter((task) => task.path === path);
      const keyName = own[0]?.plan.relation.parentKey.name;
      if (key === "select" && keyName && !copy[keyName]) {
        copy[keyName] = true;
        for (const task of own) task.addedKey = true;
      }
      changed = { ...(changed ?? args), [key]: copy };
    }
  }
  return changed && { args: changed, tasks };
}

/** The objects at the end of `path` from `result` (lists flattened, missing relations skipped). */
function objectsAt(result: unknown, path: string[]): Row[] {
  let level: unknown[] = result == null ? [] : Array.isArray(result) ? result : [result];
  for (const field of path) {
    level = level.flatMap((object) => {
      const value = (object as Row)[field];
      return value == null ? [] : Array.isArray(value) ? value : [value];
    });
  }
  return level as Row[];
}

/** Reads each task's pages and puts them into the parents found in `result`. */
async function graft(client: Client, result: unknown, tasks: Task[], dialect: Dialect, root: string | undefined): Promise<void> {
  await Promise.all(
    tasks.map(async (task) => {
      const parents = objectsAt(result, task.path);
      const keyName = task.plan.relation.parentKey.name;
      const keys = parents.map((parent) => parent[keyName] as string);
      const pages = await (root === undefined ? loadPages(client, task.plan, keys, dialect) : loadPagesTogether(client, task.plan, keys, dialect, root));
      for (const parent of parents) parent[task.field] = [...pages.get(parent[keyName] as string)!];
    }),
  );
  for (const task of tasks) {
    if (!task.addedKey) continue;
    for (const parent of objectsAt(result, task.path)) delete parent[task.plan.relation.parentKey.name];
  }
}

const READS = new Set(["findMany", "findFirst", "findFirstOrThrow", "findUnique", "findUniqueOrThrow"]);

/** The client with nested pages cut per parent in SQL (see the top of this file); other reads unchanged. */
export function pagingPerParent<C extends object>(client: C, dialect: Dialect = "sqlite"): C {
  const delegates = new Map<PropertyKey, object>();
  const modelNames = new Map([...models.keys()].map((name) => [delegateName(name), name]));
  const wrapped: C = new Proxy(client, {
    get(target, property) {
      const value = Reflect.get(target, property, target) as unknown;
      const model = typeof property === "string" ? modelNames.get(property) : undefined;
      if (!model || !isObject(value)) return value;
      let delegate = delegates.get(property);
      if (!delegate) {
        delegate = new Proxy(value, {
          get(modelDelegate, method) {
            const read = Reflect.get(modelDelegate, method, modelDelegate) as unknown;
            if (typeof method !== "string" || !READS.has(method) || typeof read !== "function") return read;
            return (args: Args | undefined) => {
              const split = splitPages(model, args, dialect);
              if (!split) return (read as (args: unknown) => unknown).call(modelDelegate, args);
              return (async () => {
                let result = await (read as (args: unknown) => Promise<unknown>).call(modelDelegate, split.args);
                // Prisma merges the findUnique calls of one tick into one statement, and their rows may be shared.
                const merged = method.startsWith("findUnique");
                if (merged) result = structuredClone(result);
                const root = merged ? JSON.stringify([model, method, { ...split.args, where: undefined }]) : undefined;
                await graft(wrapped as unknown as Client, result, split.tasks, dialect, root);
                return result;
              })();
            };
          },
        });
        delegates.set(property, delegate);
      }
      return delegate;
    },
  });
  return wrapped;
}
