// GET /ready for load balancers: 200 when the database answers, its file passed the start-up check
// (SQLite) and every committed migration is applied; 503 otherwise or while draining. (GET /health,
// process up, is Yoga's own.)
import type { Plugin } from "graphql-yoga";
import { db } from "../db/client.js";
import { databaseUrl } from "../db/url.js";
import { isDraining } from "./lifecycle.js";
import { pendingMigrations } from "../db/migrate.js";
import { databaseDamage } from "../db/integrity.js";

async function readiness(): Promise<{ ready: boolean; reason?: string }> {
  if (isDraining()) return { ready: false, reason: "shutting down" };
  const damage = databaseDamage();
  if (damage) return { ready: false, reason: `database file damaged: ${damage}` };
  try {
    await db.$queryRawUnsafe("SELECT 1");
  } catch {
    return { ready: false, reason: "database unreachable" };
  }
  const pending = await pendingMigrations(db, databaseUrl());
  return pending.length > 0 ? { ready: false, reason: `migrations pending: ${pending.join(", ")}` } : { ready: true };
}

export function useReadinessCheck(): Plugin {
  return {
    async onRequest({ url, request, endResponse, fetchAPI }) {
      if (url.pathname !== "/ready" || request.method !== "GET") return;
      const { ready, reason } = await readiness();
      endResponse(
        fetchAPI.Response.json(ready ? { status: "ready" } : { status: "unavailable", reason }, { status: ready ? 200 : 503 }),
      );
    },
  };
}
