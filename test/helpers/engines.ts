// Which engines the suite runs on. SQLite always; PostgreSQL when TEST_POSTGRES_URL names a server,
// and in CI by default on the local one (where an unreachable server fails the run, not skips it).
export function postgresServerUrl(): string | undefined {
  return process.env.TEST_POSTGRES_URL || (process.env.CI ? "postgresql://root@127.0.0.1:5432/postgres" : undefined);
}

/** A URL of the engine a vitest project runs on, for createDatabase to model a new one on. */
export function engineTemplateUrl(projectName: string): string {
  const server = postgresServerUrl();
  if (projectName === "postgres") {
    if (!server) throw new Error("the postgres project needs TEST_POSTGRES_URL");
    return server;
  }
  return "file:";
}
