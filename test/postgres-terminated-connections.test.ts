// Runs in the postgres project only (see vitest.config.ts). PostgreSQL ends a server's connections
// on its own (pg_terminate_backend, failover, idle_session_timeout): a pg client that loses its
// connection emits "error", which kills the process unless someone listens. The server must keep
// running, answer the requests caught in it with SERVICE_UNAVAILABLE and serve the next ones.
import { describe, expect, it } from "vitest";
import { DEFAULT_QUERY } from "../src/graphiql/default-query.js";
import { postQuery, type ServerProcess } from "./helpers/server-process.js";
import { useServerOnPostgres } from "./helpers/server-on-postgres.js";

const CLIENTS = 10;
const TERMINATIONS = 4;
const TERMINATE_EVERY_MS = 1_000;
// Bounds each client's loop whatever the timing: at most this many requests.
const MAX_REQUESTS_PER_CLIENT = 2_000;

type Outcome = "data" | `error ${string}` | `dropped: ${string}`;

interface GraphQLBody {
  data?: unknown;
  errors?: { extensions?: { code?: string } }[];
}

async function ask(server: ServerProcess): Promise<Outcome> {
  let body: GraphQLBody;
  try {
    body = (await (await postQuery(server, DEFAULT_QUERY)).json()) as GraphQLBody;
  } catch (error) {
    return `dropped: ${(error as Error).message} ${String((error as Error).cause ?? "")}`;
  }
  if (body.errors?.length) return `error ${[...new Set(body.errors.map((error) => error.extensions?.code ?? "no code"))].join(",")}`;
  return body.data ? "data" : "error no data";
}

describe("PostgreSQL terminating the server's connections while requests run", () => {
  const postgres = useServerOnPostgres();

  it("keeps the process up, answers data or SERVICE_UNAVAILABLE, and serves again at once", async () => {
    const { server, admin, database } = postgres();
    expect(await ask(server)).toBe("data");
    let died: number | null | undefined;
    void server.exited.then((code) => (died = code));

    let terminating = true;
    let terminated = 0;
    const terminator = (async () => {
      for (let round = 0; round < TERMINATIONS && died === undefined; round++) {
        await new Promise((resolve) => setTimeout(resolve, TERMINATE_EVERY_MS));
        const { rows } = await admin.query<{ ended: boolean }>(
          "SELECT pg_terminate_backend(pid) AS ended FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()",
          [database],
        );
        terminated += rows.filter((row) => row.ended).length;
      }
      terminating = false;
    })();

    const outcomes = new Map<Outcome, number>();
    const client = async () => {
      for (let sent = 0; sent < MAX_REQUESTS_PER_CLIENT && terminating && died === undefined; sent++) {
        const outcome = await ask(server);
        outcomes.set(outcome, (outcomes.get(outcome) ?? 0) + 1);
      }
    };
    await Promise.all([terminator, ...Array.from({ length: CLIENTS }, client)]);
    console.log(`terminated ${terminated} backends; outcomes: ${JSON.stringify(Object.fromEntries(outcomes))}`);

    expect(died, `the server exited: ${server.output().slice(-2_000)}`).toBeUndefined();
    expect(terminated).toBeGreaterThanOrEqual(TERMINATIONS);
    expect(outcomes.get("data")).toBeGreaterThan(0);
    expect([...outcomes.keys()].filter((outcome) => outcome !== "data" && outcome !== "error SERVICE_UNAVAILABLE")).toEqual([]);

    // Once PostgreSQL stops ending connections, the pool opens new ones for the next requests.
    const recoveredBy = performance.now() + 1_000;
    let last: Outcome = await ask(server);
    while (last !== "data" && performance.now() < recoveredBy) last = await ask(server);
    expect(last).toBe("data");
    expect(server.child.exitCode).toBeNull();
  });
});
