import { defineConfig } from "vitest/config";

// CI asks for a machine-readable report beside the usual output; people running `npm test` see only the latter.
const jsonReport = process.env.VITEST_JSON_REPORT;

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts", "tools/**/*.test.ts"],
    testTimeout: 30_000,
    // expect.poll waits for what the app does after it acks (a modal opening, an outbox delivery). A loaded
    // 2-core machine can take more than the default second; a real failure still fails, only later.
    expect: { poll: { timeout: 10_000, interval: 20 } },
    hookTimeout: 60_000,
    // Two cores: more workers than that only makes the database-backed suites slower.
    maxWorkers: 2,
    reporters: jsonReport ? ["default", "json"] : ["default"],
    ...(jsonReport ? { outputFile: { json: jsonReport } } : {}),
  },
});
