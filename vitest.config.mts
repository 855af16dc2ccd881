import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const root = path.dirname(fileURLToPath(import.meta.url));

export default defineConfig({
  resolve: {
    alias: [
      { find: /^@\//, replacement: `${root}/` },
      // "server-only" throws outside a React Server Component bundle; tests import lib directly.
      { find: /^server-only$/, replacement: path.join(root, "tests/helpers/server-only.ts") },
    ],
  },
  test: {
    environment: "node",
    restoreMocks: true,
    // One test file per core. Vitest's default leaves a core idle (cores - 1: one worker on a
    // two-core CI machine), while most files wait on their database as much as they compute.
    maxWorkers: os.availableParallelism(),
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          include: ["lib/**/*.test.ts", "tests/unit/**/*.test.ts"],
        },
      },
      {
        extends: true,
        test: {
          name: "integration",
          include: ["tests/integration/**/*.test.ts"],
          // One fresh, migrated database per test file: PGlite restored from a cached
          // snapshot, or a fresh schema when DATABASE_URL is a PostgreSQL URL.
          globalSetup: ["tests/helpers/global-setup.ts"],
          setupFiles: ["tests/helpers/database.ts"],
          testTimeout: 30_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
