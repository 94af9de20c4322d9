import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["tests/**/*.test.ts"],
    // Finds (or installs) the Chromium the browser tests drive, which never skip; builds the sample
    // newsroom once for the tests that only read it.
    globalSetup: ["tests/setup/chromium.ts", "tests/setup/sample-site.ts"],
    // Eleventy imports .eleventy.ts and the TSX layouts with Node's own loader: tsx must be registered.
    execArgv: ["--import", "tsx"],
    pool: "forks",
    // Builds print their summaries; show them only for a failing test, so CI logs stay readable.
    silent: "passed-only",
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
