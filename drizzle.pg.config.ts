import { defineConfig } from "drizzle-kit";

// The Postgres migrations, from the Postgres twins of the same tables (src/db/pg-schema.ts).
export default defineConfig({
  dialect: "postgresql",
  schema: "./src/db/migrations/pg-tables.ts",
  out: "./src/db/migrations/pg",
});
