import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    environment: "node",
    // Probot apps and nock share process-global state (HTTP interceptors); keep files isolated.
    pool: "forks",
    testTimeout: 20_000,
  },
});
