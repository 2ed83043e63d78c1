// A SQLite file can open and still be damaged (a torn write, a file copied while in use, a failing
// disk): statements then fail only when they reach the damaged pages, as an internal error on some
// query long after start-up. Start-up checks the file once with PRAGMA quick_check (every page and
// b-tree, without integrity_check's cross-check of indexes against tables) and /ready reports a
// damaged file, so that a load balancer takes this replica out and the operator is told why.
// PostgreSQL checks its own pages (and reports damage as errors of its own): nothing to do there.
import type { PrismaClient } from "../generated/prisma/client.js";
import { isPostgresUrl } from "./url.js";

let damage: string | undefined;

/** Checks the SQLite file behind `db`; returns (and remembers) the first problem found, if any. */
export async function checkIntegrity(db: PrismaClient, url: string): Promise<string | undefined> {
  if (isPostgresUrl(url)) return undefined;
  try {
    const rows = await db.$queryRawUnsafe<{ quick_check: string }[]>("PRAGMA quick_check(1)");
    const first = rows[0]?.quick_check;
    // A report reads "*** in database main ***" then one line per problem: keep the first problem.
    damage = first === "ok" ? undefined : (first ?? "no answer from quick_check").replace(/^\*\*\* in database \w+ \*\*\*\s*/, "").split("\n")[0];
  } catch (error) {
    damage = (error as Error).message.split("\n")[0];
  }
  return damage;
}

/** The damage start-up found in the database file, or undefined when it found none. */
export const databaseDamage = (): string | undefined => damage;
