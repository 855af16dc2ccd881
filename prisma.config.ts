import path from "node:path";
import { defineConfig } from "prisma/config";
import { readDatabaseConfig, PLACEHOLDER_POSTGRES_URL } from "./lib/db/config";
import { createAdapterFactory, unrefPgliteTimers } from "./lib/db/adapters";

// The CLI must see a syntactically valid postgres URL in the schema, or it falls back to
// downloading engines. In embedded mode the placeholder is never dialled.
const database = readDatabaseConfig(process.env);
if (database.kind === "pglite") process.env.DATABASE_URL = PLACEHOLDER_POSTGRES_URL;
// The CLI never disposes its adapter; an open PGlite would keep it alive forever.
if (database.kind === "pglite") unrefPgliteTimers();

let factory: ReturnType<typeof createAdapterFactory> | undefined;

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: path.join("prisma", "schema.prisma"),
  migrations: { path: path.join("prisma", "migrations"), seed: "tsx prisma/seed.ts" },
  // The CLI calls this twice per command: one PGlite per process, or two open one folder.
  async adapter() {
    factory ??= createAdapterFactory(database);
    return factory.factory;
  },
});
