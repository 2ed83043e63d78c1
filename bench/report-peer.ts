// The results' PostGraphile parts: its two columns in the throughput table and its own section.
// Results from before PostGraphile joined the bench have no peer, and print as they did.
import { OPERATIONS } from "./operations.js";
import { cores, ENGINE, failures, fmt, latency, spread } from "./report-format.js";
import type { BenchResults, OperationResults } from "./report.js";

export const hasPeer = (results: BenchResults) => results.databases.some((database) => OPERATIONS.some((operation) => database.operations[operation.name].peer));

/** The throughput table's PostGraphile columns, placed after Server ÷ floor: header and alignment cells. */
export const PEER_COLUMNS = { header: " PostGraphile req/s (rounds) | Server ÷ PostGraphile |", align: " ---: | ---: |" };

/** One row's PostGraphile cells; a dash where it did not run (SQLite). */
export const peerColumns = (run: OperationResults) =>
  run.peer && run.peerRatio !== undefined ? ` ${fmt(run.peer.requestsPerSecond)} (${spread(run.peer)}) | ${fmt(run.peerRatio, 3)} |` : " — | — |";

export function peerSection(results: BenchResults): string[] {
  const databases = results.databases.filter((database) => OPERATIONS.some((operation) => database.operations[operation.name].peer));
  if (databases.length === 0) return [];
  const lines = [
    "## Against PostGraphile",
    "",
    `PostGraphile ${[...new Set(databases.map((database) => database.peerVersion ?? "4"))].join(", ")} is the peer (GitHub issue 12): a schema generated from the same PostgreSQL database, with \`@graphile-contrib/pg-simplify-inflector\` and \`postgraphile-plugin-connection-filter\`, run by \`bench/postgraphile/server.js\` (its own package, installed by the bench with \`npm ci --prefix bench/postgraphile\`, because PostGraphile 4 needs graphql 15 and Parley runs on 16) with a \`pg\` pool of 10 connections, as the server's. It is measured in the same alternating rounds as the server and the floor. It answers each operation written for its schema (\`bench/peer-operations.ts\`): the same rows in the same order with the same page sizes, the same variables (meetingNode's global id translated to PostGraphile's), and each root field compiled into one SQL statement (countryMeetings has two root fields, the others one), nested lists as subqueries with their own LIMIT, where the server sends one statement per relation level. Before measuring, every request body is sent to both and the rows must be the same (\`bench/verify-peer.ts\`: lists compared node by node, global ids as row ids). PostGraphile does not compute Parley's date labels, so it reads the date columns a label is made of and the check makes the label from them; cursors are left out, each server's being its own. Where its schema has no direct equivalent: countryMeetings lists the meetings that have a delegation of the country (a filter through the relation) with the country as a second root field, and a meeting's evidence is read through Prisma's join table.`,
    "",
    "| DB | Operation | Server req/s | PostGraphile req/s (rounds) | Server ÷ PostGraphile | PostGraphile p50 / p95 / p99 (ms) | CPU ms/req, server / PostGraphile | PostGraphile peak RSS (MiB) | Response bytes, server / PostGraphile | CPU cores in use, PostGraphile rounds: PostGraphile / load generator / PostgreSQL / other | Errors / non-2xx / bodies with `errors` (PostGraphile) |",
    "| --- | --- | ---: | ---: | ---: | --- | --- | ---: | --- | --- | --- |",
  ];
  for (const database of databases) {
    for (const operation of OPERATIONS) {
      const run = database.operations[operation.name];
      if (!run.peer || run.peerRatio === undefined) continue;
      const bytes = run.peerVerified ? `${run.peerVerified.bytes.server.toLocaleString("en-US")} / ${run.peerVerified.bytes.peer.toLocaleString("en-US")}` : "—";
      lines.push(
        `| ${ENGINE[database.engine]} | ${operation.name} | ${fmt(run.server.requestsPerSecond)} | ${fmt(run.peer.requestsPerSecond)} (${spread(run.peer)}) | ${fmt(run.peerRatio, 3)} | ${latency(run.peer)} | ${fmt(run.server.cpuMsPerRequest, 2)} / ${fmt(run.peer.cpuMsPerRequest, 2)} | ${run.peer.peakRssMiB} | ${bytes} | ${cores(run.peer)} | ${failures(run.peer)} |`,
      );
    }
  }
  const idle = databases.filter((database) => database.idleRssMiB.peer !== undefined).map((database) => `${ENGINE[database.engine]} ${database.idleRssMiB.peer} MiB`);
  lines.push(
    "",
    `Measured and counted as in the tables above. Response bytes are of the first request body; PostGraphile's carry its date columns and join rows where the server's carry labels, and the server's also carry \`extensions\` (cost, rate limit).${idle.length ? ` PostGraphile's idle RSS after start: ${idle.join("; ")}.` : ""}`,
  );
  return lines;
}
