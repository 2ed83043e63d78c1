// PostGraphile, the peer the bench measures the server against on PostgreSQL (GitHub issue 12). It
// lives in a package of its own, bench/postgraphile/, because PostGraphile 4 needs graphql 15 and
// Parley runs on 16: installing it at the root would put two graphql versions under the server.
// The bench installs it from its lockfile on first use and runs it as its own process, like the
// server and the floor.
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { ROOT, startService, type Service } from "./processes.js";

const PACKAGE = path.join(ROOT, "bench/postgraphile");

const installedVersion = (name: string) => {
  const file = path.join(PACKAGE, "node_modules", name, "package.json");
  return existsSync(file) ? (JSON.parse(readFileSync(file, "utf8")) as { version: string }).version : null;
};

/** The PostGraphile version installed in bench/postgraphile/, for the results. */
export const peerVersion = () => installedVersion("postgraphile") ?? "not installed";

/**
 * Runs `npm ci` in bench/postgraphile/ unless every version its package.json pins is installed (a
 * fresh clone, or after a pin changed); about 10–20 s with the network.
 */
export function ensurePeerInstalled(log: (line: string) => void = () => {}): void {
  const pinned = (JSON.parse(readFileSync(path.join(PACKAGE, "package.json"), "utf8")) as { dependencies: Record<string, string> }).dependencies;
  if (Object.entries(pinned).every(([name, version]) => installedVersion(name) === version)) return;
  log("installing PostGraphile: npm ci --prefix bench/postgraphile");
  const install = spawnSync("npm", ["ci", "--prefix", PACKAGE, "--no-audit", "--no-fund"], { cwd: ROOT, encoding: "utf8" });
  if (install.status !== 0) throw new Error(`npm ci --prefix bench/postgraphile failed (${install.status}):\n${install.stdout}\n${install.stderr.slice(-4000)}`);
}

/** Starts PostGraphile on the PostgreSQL database `url` (installing it first if need be); resolves once its schema is built. */
export async function startPeer(url: string, log?: (line: string) => void): Promise<Service> {
  ensurePeerInstalled(log);
  // Production mode, as the server runs: graphql-js skips its development-only checks.
  return startService("postgraphile", ["bench/postgraphile/server.js"], { DATABASE_URL: url, NODE_ENV: "production" });
}
