import { availableParallelism } from "node:os";
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["tests/**/*.test.ts"],
    // Finds (or installs) the Chromium the browser tests drive, which never skip; builds the sample
    // newsroom once for the tests that only read it.
    globalSetup: ["tests/setup/chromium.ts", "tests/setup/sample-site.ts"],
    // Eleventy imports .eleventy.ts and the TSX layouts with Node's own loader: tsx must be registered.
    execArgv: ["--import", "tsx/esm"],
    pool: "forks",
    // One worker per core (Vitest's default leaves one core idle: on a 2-core runner the files ran
    // one after another), each reusing its process across files: importing Eleventy, sharp and the
    // layouts once per worker instead of once per file. Nothing in src/ keeps state between builds,
    // which this also keeps honest.
    maxWorkers: availableParallelism(),
    isolate: false,
    // Builds print their summaries; show them only for a failing test, so CI logs stay readable.
    silent: "passed-only",
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
