import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";
import { BaseSequencer, type TestSpecification } from "vitest/node";

const root = path.dirname(fileURLToPath(import.meta.url));

/**
 * The longest files start first, so that no one of them is left running alone at the end. Vitest
 * orders by the durations it cached, and on a clean clone (CI) by file size, largest first: the
 * four files of the bad-input suite, eight lines each and a third of the run, then started last.
 */
const LONGEST_FILES = /\/tests\/integration\/bad-input[^/]*\.test\.ts$/;

class LongestFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    return [...sorted.filter((file) => LONGEST_FILES.test(file.moduleId)), ...sorted.filter((file) => !LONGEST_FILES.test(file.moduleId))];
  }
}

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
    sequence: { sequencer: LongestFirst },
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
