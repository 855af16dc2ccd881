// Runs once per `vitest run`: on PGlite, applies the migrations to an in-memory database and
// caches its data folder as a tarball that every integration test file restores in ~2 s
// (instead of initdb + migrations per file). On PostgreSQL there is nothing to prepare: each
// file builds its own schema.
import fs from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import type { TestProject } from "vitest/node";
import { readDatabaseConfig } from "@/lib/db/config";
import { readMigrations, snapshotPath } from "./migrations";

declare module "vitest" {
  export interface ProvidedContext {
    /** The PGlite snapshot tarball; "" when the tests run against PostgreSQL. */
    pgliteSnapshot: string;
  }
}

export default async function setup(project: TestProject): Promise<void> {
  if (readDatabaseConfig(process.env).kind === "postgres") {
    project.provide("pgliteSnapshot", "");
    return;
  }
  const file = snapshotPath();
  if (!fs.existsSync(file)) await buildSnapshot(file);
  project.provide("pgliteSnapshot", file);
}

async function buildSnapshot(file: string): Promise<void> {
  const pglite = new PGlite("memory://");
  try {
    for (const migration of readMigrations()) {
      try {
        await pglite.exec(migration.sql);
      } catch (error) {
        throw new Error(`Migration ${migration.name} failed on PGlite: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
    const tarball = await pglite.dumpDataDir("none");
    fs.mkdirSync(path.dirname(file), { recursive: true });
    // Write then rename, so a parallel run never reads half a file.
    const partial = `${file}.${process.pid}.tmp`;
    fs.writeFileSync(partial, Buffer.from(await tarball.arrayBuffer()));
    fs.renameSync(partial, file);
  } finally {
    await pglite.close();
  }
}
