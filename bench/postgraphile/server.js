// PostGraphile 4 over Parley's PostgreSQL database: the peer `npm run bench` measures the server
// against. Plain JavaScript in a package of its own (bench/postgraphile/package.json), because
// PostGraphile 4 needs graphql 15 and Parley runs on 16; the bench installs it with
// `npm ci --prefix bench/postgraphile` and starts this file with plain node.
// Run: DATABASE_URL=postgresql://… PORT=… node bench/postgraphile/server.js
import { createServer } from "node:http";
import PgSimplifyInflectorPlugin from "@graphile-contrib/pg-simplify-inflector";
import pg from "pg";
import { makeAddInflectorsPlugin, postgraphile } from "postgraphile";
import ConnectionFilterPlugin from "postgraphile-plugin-connection-filter";

const url = process.env.DATABASE_URL;
if (!url?.startsWith("postgres")) throw new Error("DATABASE_URL must be a postgresql:// URL");
const port = Number(process.env.PORT ?? 4200);

/**
 * Prisma names tables in PascalCase ("Meeting"), and the simplify inflector drops a backward
 * relation's table prefix only when it matches the foreign key's name in camelCase: without this,
 * Delegation.meetingId gives `Meeting.delegationsByMeetingId` instead of `Meeting.delegations`.
 * Appended after the simplify plugin so that its inflector wins.
 */
const PascalCaseTables = makeAddInflectorsPlugin(
  {
    baseNameMatches(baseName, otherName) {
      return baseName === this.camelCase(this.singularize(otherName));
    },
  },
  true,
);

// The same pool size as Parley's server and the floor (pg's default, 10).
const pool = new pg.Pool({ connectionString: url, max: 10 });

const handler = postgraphile(pool, "public", {
  appendPlugins: [PgSimplifyInflectorPlugin, PascalCaseTables, ConnectionFilterPlugin],
  // Filters through relations: countryMeetings asks for the meetings that have a delegation of a country.
  graphileBuildOptions: { connectionFilterRelations: true },
  // Every column orderable: Parley's lists sort on columns that have no index of their own
  // (Delegation.side, Tenure.attestedOn).
  ignoreIndexes: true,
  disableDefaultMutations: true,
  legacyRelations: "omit",
  setofFunctionsContainNulls: false,
  dynamicJson: true,
  // As deployed: no schema watching, no GraphiQL, no query log, no stacks in errors.
  watchPg: false,
  graphiql: false,
  disableQueryLog: true,
  showErrorStack: false,
  extendedErrors: [],
  // The bench waits for /health; a schema that cannot be built should end the process, not retry.
  retryOnInitFail: false,
});

// Build the schema before answering /health, so that the bench never measures the first build.
await handler.getGraphQLSchema();

const server = createServer((request, response) => {
  if (request.url === "/health") {
    response.writeHead(200, { "content-type": "text/plain" }).end("ok");
    return;
  }
  handler(request, response);
});

server.listen(port, () => console.log(`postgraphile ready on ${port}`));

for (const signal of ["SIGINT", "SIGTERM"]) {
  process.once(signal, () => {
    server.close(() => void handler.release().then(() => pool.end()).then(() => process.exit(0)));
    server.closeAllConnections();
  });
}
