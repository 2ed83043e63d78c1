// `npm run bench:fixed-cost`: the CPU one request costs the server, in-process (yoga.fetch, no
// sockets, no load generator sharing the CPU), one request at a time, on a copy of the benchmark's
// SQLite database. The node lookup reads one row, so it is mostly the fixed cost every request pays.
//   DATABASE_URL=file:/tmp/fixed-cost.db npx tsx bench/fixed-cost.ts [requests] [operation …]
// Add `node --cpu-prof` (through `--import tsx`) for a profile: the measured window is printed, for
// bench/profile-summary.ts --from/--to.
// Results go to stderr: stdout has the server's log line per request, part of what is measured
// (send it to /dev/null).
import type { Operation } from "./operations.js";

// Before anything imports src/config (the settings are read once, on import): hence the dynamic imports.
process.env.NODE_ENV ??= "production";
process.env.RATE_LIMIT_POINTS ??= "1000000000";
process.env.MAX_EVENT_LOOP_LAG_MS ??= "0";
process.env.MAX_EVENT_LOOP_UTILIZATION ??= "0";
const { OPERATIONS, REQUEST_HEADERS, requestBodies } = await import("./operations.js");
const { chooseInputs } = await import("./dataset.js");
const { openSql } = await import("./floor/sql.js");
const url = process.env.DATABASE_URL;
if (!url?.startsWith("file:")) throw new Error("set DATABASE_URL=file:<a copy of /tmp/parley-bench/bench.db>");

const [count = "2000", ...names] = process.argv.slice(2);
const requests = Number(count);
const chosen = names.length > 0 ? OPERATIONS.filter((operation) => names.includes(operation.name)) : OPERATIONS.filter((operation) => operation.name !== "countryMeetings");

const sql = openSql(url);
const inputs = await chooseInputs(sql, 50);
await sql.close();
const { yoga } = await import("../src/yoga.js");

async function run(operation: Operation, times: number): Promise<void> {
  const bodies = requestBodies(operation, inputs);
  for (let index = 0; index < times; index++) {
    const response = await yoga.fetch("http://parley/graphql", { method: "POST", headers: REQUEST_HEADERS, body: bodies[index % bodies.length] });
    const text = await response.text();
    if (response.status !== 200 || text.includes('"errors"')) throw new Error(`${operation.name}: ${response.status} ${text.slice(0, 300)}`);
  }
}

for (const operation of chosen) await run(operation, Math.min(requests, 300)); // warm-up: JIT, caches, SQLite pages
const from = performance.now() / 1000;
for (const operation of chosen) {
  const cpu = process.cpuUsage();
  const wall = performance.now();
  await run(operation, requests);
  const used = process.cpuUsage(cpu);
  const perRequest = (us: number) => (us / 1000 / requests).toFixed(3);
  console.error(
    `${operation.name.padEnd(13)} ${perRequest(used.user + used.system)} CPU ms/request (user ${perRequest(used.user)}, system ${perRequest(used.system)}), ${((performance.now() - wall) / requests).toFixed(3)} ms wall`,
  );
}
console.error(`measured window: --from ${from.toFixed(2)} --to ${(performance.now() / 1000).toFixed(2)}`);
process.exit(0); // the Prisma client and the lag watch would keep the process alive
