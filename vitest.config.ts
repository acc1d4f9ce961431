import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["src/**/*.test.ts", "tests/**/*.test.ts"],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Integration files each open their own SQLite file; e2e files start real processes and a browser.
    pool: "forks",
    maxWorkers: 2,
    minWorkers: 1,
  },
});
