// Databases of a test run's own: a SQLite file, or a database created on the PostgreSQL server
// (TEST_POSTGRES_URL), so that runs and tests never collide. Used by global setup and by tests
// that write.
import { rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { isPostgresUrl } from "../../src/db/url.js";

const uniqueName = () => `parley_test_${process.pid}_${Date.now()}_${Math.random().toString(36).slice(2, 8)}`;

async function onServer<T>(serverUrl: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: serverUrl, connectionTimeoutMillis: 2_000 });
  try {
    await client.connect();
  } catch (error) {
    throw new Error(`PostgreSQL for the tests is unreachable at ${serverUrl}: ${(error as Error).message}`);
  }
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** Creates an empty database like `like` (same engine, same server) and returns its URL. */
export async function createDatabase(like: string): Promise<string> {
  if (!isPostgresUrl(like)) return `file:${path.join(tmpdir(), `${uniqueName()}.db`)}`;
  const name = uniqueName();
  await onServer(like, (client) => client.query(`CREATE DATABASE "${name}"`));
  const url = new URL(like);
  url.pathname = `/${name}`;
  return url.toString();
}

export async function dropDatabase(url: string): Promise<void> {
  if (!isPostgresUrl(url)) {
    rmSync(url.slice("file:".length), { force: true });
    return;
  }
  const name = new URL(url).pathname.slice(1);
  const server = new URL(url);
  server.pathname = "/postgres";
  await onServer(server.toString(), (client) => client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
}
