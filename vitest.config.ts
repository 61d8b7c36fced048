import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    environment: "node",
    // Temporary files of the whole run go in one folder, removed at its end.
    globalSetup: ["test/fixtures/temporary-folder.ts"],
    // Probot apps and nock share process-global state (HTTP interceptors); keep files isolated.
    pool: "forks",
    testTimeout: 20_000,
  },
});
