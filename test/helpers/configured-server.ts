// A fresh copy of the server's modules (Yoga, the Prisma client) configured by environment
// variables, as src/config/settings.ts reads them on import: a short OPERATION_TIMEOUT_MS, a small pool.
// The test file's own imports keep the run's configuration.
import { vi } from "vitest";

export async function importConfiguredServer(env: Record<string, string>) {
  const saved = Object.fromEntries(Object.keys(env).map((name) => [name, process.env[name]]));
  Object.assign(process.env, env);
  vi.resetModules();
  try {
    const { yoga } = await import("../../src/yoga.js");
    const { db } = await import("../../src/db/client.js");
    return { yoga, db };
  } finally {
    for (const [name, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  }
}
