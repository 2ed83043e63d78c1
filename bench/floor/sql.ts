// The floor's database access: better-sqlite3 or a `pg` Pool directly, behind one small interface,
// so that the hand-written plans in plans.ts run unchanged on both engines. No Prisma here.
import Database from "better-sqlite3";
import pg from "pg";

export type Row = Record<string, unknown>;

export interface Sql {
  engine: "sqlite" | "postgres";
  /** Runs one statement written with `?` placeholders; returns its rows as objects. */
  all(text: string, params: readonly unknown[]): Promise<Row[]>;
  close(): Promise<void>;
}

/** `count` placeholders for an `IN (…)` list. */
export const inList = (count: number) => Array.from({ length: count }, () => "?").join(",");

export function openSql(url: string, options: { poolSize?: number } = {}): Sql {
  return /^postgres(ql)?:\/\//.test(url) ? openPostgres(url, options.poolSize ?? 10) : openSqlite(url.replace(/^file:/, ""));
}

function openSqlite(file: string): Sql {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  // A hand-written handler prepares each statement once; Prisma's adapter prepares on every call,
  // which is part of the gap this floor measures.
  const prepared = new Map<string, Database.Statement>();
  const statement = (text: string) => {
    let found = prepared.get(text);
    if (!found) prepared.set(text, (found = db.prepare(text)));
    return found;
  };
  return {
    engine: "sqlite",
    all: (text, params) => Promise.resolve(statement(text).all(...params) as Row[]),
    close: async () => void db.close(),
  };
}

// PostgreSQL `timestamp` (without time zone) holds UTC here, as Prisma writes it; pg would read it
// as local time, so parse it as UTC.
const TIMESTAMP_OID = 1114;
const BIGINT_OID = 20;
const types = {
  getTypeParser: ((oid: number, format?: string) => {
    if (oid === TIMESTAMP_OID) return (text: string) => new Date(`${text.replace(" ", "T")}Z`);
    if (oid === BIGINT_OID) return (text: string) => Number(text);
    return pg.types.getTypeParser(oid, format as "text");
  }) as typeof pg.types.getTypeParser,
};

function openPostgres(url: string, poolSize: number): Sql {
  // The same pool size as the server's (pg's default, 10), so both hold the same number of connections.
  const pool = new pg.Pool({ connectionString: url, max: poolSize, types });
  const placeholders = new Map<string, string>();
  const numbered = (text: string) => {
    let found = placeholders.get(text);
    if (found === undefined) {
      let index = 0;
      found = text.replace(/\?/g, () => `$${++index}`);
      placeholders.set(text, found);
    }
    return found;
  };
  return {
    engine: "postgres",
    all: async (text, params) => (await pool.query({ text: numbered(text), values: params as unknown[] })).rows as Row[],
    close: () => pool.end(),
  };
}
