// The migration history as plain SQL, in order, and where the PGlite snapshot built from it
// is cached (keyed by the migrations and the PGlite version, so a change rebuilds it).
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const MIGRATIONS_DIR = path.join(ROOT, "prisma", "migrations");

export type Migration = { name: string; sql: string };

/** prisma/migrations/<timestamp>_<name>/migration.sql, oldest first (the order migrate deploy uses). */
export function readMigrations(): Migration[] {
  return fs
    .readdirSync(MIGRATIONS_DIR, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && fs.existsSync(path.join(MIGRATIONS_DIR, entry.name, "migration.sql")))
    .map((entry) => entry.name)
    .sort()
    .map((name) => ({ name, sql: fs.readFileSync(path.join(MIGRATIONS_DIR, name, "migration.sql"), "utf8") }));
}

function pgliteVersion(): string {
  const manifest = path.join(ROOT, "node_modules", "@electric-sql", "pglite", "package.json");
  return (JSON.parse(fs.readFileSync(manifest, "utf8")) as { version: string }).version;
}

/** node_modules/.cache/twinning/pglite-<hash>.tar */
export function snapshotPath(): string {
  const hash = createHash("sha256");
  hash.update(`pglite ${pgliteVersion()}\n`);
  for (const migration of readMigrations()) hash.update(`${migration.name}\n${migration.sql}\n`);
  return path.join(ROOT, "node_modules", ".cache", "twinning", `pglite-${hash.digest("hex").slice(0, 16)}.tar`);
}
