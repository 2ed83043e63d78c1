// `npm run bench` in short, so that it cannot rot between two bench runs: on a small synthetic data
// set, the floor must still read what the server reads and answer exactly what it answers, and one
// operation must run under load for a moment on both without an error; on PostgreSQL, PostGraphile
// (the peer) must answer the server's rows. It measures nothing: the numbers are the bench's
// (bench/results/).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { databaseUrl, isPostgresUrl } from "../src/db/url.js";
import { chooseInputs, runSynth } from "../bench/dataset.js";
import { floorPlanCosts } from "../bench/floor/cost.js";
import { openSql } from "../bench/floor/sql.js";
import type { LoadResult } from "../bench/load.js";
import { OPERATIONS, REQUEST_HEADERS, requestBodies, type OperationInputs } from "../bench/operations.js";
import { startPeer } from "../bench/peer.js";
import { ROOT, runJson, stopService, type Service } from "../bench/processes.js";
import { checkSamePlan, countStatements, startServerAndFloor } from "../bench/same-data.js";
import { verifyFloor } from "../bench/verify.js";
import { verifyPeer } from "../bench/verify-peer.js";
import { createDatabase, dropDatabase } from "./helpers/databases.js";

const MEETINGS = 120;
let url: string;
let inputs: OperationInputs;
let services: { server: Service; floor: Service };

beforeAll(async () => {
  url = await createDatabase(databaseUrl());
  runSynth(url, { meetings: MEETINGS, seed: 1 }, ROOT);
  const sql = openSql(url);
  try {
    const { meetingIds, countryCode, listSize } = await chooseInputs(sql, 50);
    inputs = { meetingIds, countryCode, listSize };
  } finally {
    await sql.close();
  }
  services = await startServerAndFloor(url, ["--import", "tsx", "src/server.ts"]);
}, 180_000);

afterAll(async () => {
  if (services) await Promise.all([stopService(services.server), stopService(services.floor)]);
  await dropDatabase(url);
});

describe("npm run bench, in short", () => {
  it("has a floor that follows the server's plan (SQLite) or sends no fewer statements (PostgreSQL)", async () => {
    const sql = openSql(url);
    const floorCosts = await floorPlanCosts(sql, inputs).finally(() => sql.close());
    const counted = await countStatements(url, inputs);
    expect(() => checkSamePlan(isPostgresUrl(url) ? "postgres" : "sqlite", counted, floorCosts)).not.toThrow();
    for (const operation of OPERATIONS) expect(counted.operations[operation.name].statements).toBeGreaterThan(0);
  }, 60_000);

  it("has a floor that answers every operation exactly as the server does", async () => {
    const verified = await verifyFloor(services.server.url, services.floor.url, inputs);
    for (const operation of OPERATIONS) expect(verified[operation.name].requests).toBe(requestBodies(operation, inputs).length);
  }, 60_000);

  it("runs an operation under load on both without a failed response", async () => {
    const operation = OPERATIONS.find((candidate) => candidate.name === "meetingList")!;
    for (const target of [services.server, services.floor]) {
      const result = await runJson<LoadResult>([
        "--import",
        "tsx",
        "bench/load.ts",
        JSON.stringify({ url: `${target.url}/graphql`, headers: REQUEST_HEADERS, bodies: requestBodies(operation, inputs), connections: 4, seconds: 2 }),
      ]);
      expect(result.requests, target.name).toBeGreaterThan(0);
      expect({ errors: result.errors, timeouts: result.timeouts, non2xx: result.non2xx, withErrors: result.bodies.withErrors }, target.name).toEqual({
        errors: 0,
        timeouts: 0,
        non2xx: 0,
        withErrors: 0,
      });
    }
  }, 60_000);
});

// PostGraphile reads PostgreSQL only. The first run on a clone installs its package (npm ci, about
// 10–20 s), as `npm run bench` does.
if (isPostgresUrl(databaseUrl())) describe("npm run bench's peer, in short", () => {
  let peer: Service | undefined;
  afterAll(async () => {
    if (peer) await stopService(peer);
  });

  it("has PostGraphile answer every operation with the rows the server answers", async () => {
    peer = await startPeer(url);
    const verified = await verifyPeer(services.server.url, peer.url, inputs);
    for (const operation of OPERATIONS) expect(verified[operation.name].requests).toBe(requestBodies(operation, inputs).length);
  }, 120_000);
});
