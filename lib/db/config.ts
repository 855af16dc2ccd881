import path from "node:path";

/** Where the data lives: a PostgreSQL server, or embedded PGlite in a folder (or in memory). */
export type DatabaseConfig =
  | { kind: "postgres"; url: string }
  | { kind: "pglite"; dataDir: string };

export const DEFAULT_PGLITE_DIR = "./data/pglite";
export const PLACEHOLDER_POSTGRES_URL = "postgresql://pglite.invalid/unused";

export class DatabaseConfigError extends Error {
  override name = "DatabaseConfigError";
}

/**
 * Reads DATABASE_URL: a postgres:// or postgresql:// URL means a PostgreSQL server;
 * unset, a folder path, `pglite:<folder>` or `memory://` mean embedded PGlite.
 */
export function readDatabaseConfig(env: Record<string, string | undefined>): DatabaseConfig {
  const raw = env.DATABASE_URL?.trim() ?? "";
  if (raw === "" || raw === PLACEHOLDER_POSTGRES_URL) {
    return { kind: "pglite", dataDir: env.PGLITE_DATA_DIR?.trim() || DEFAULT_PGLITE_DIR };
  }
  if (/^postgres(ql)?:\/\//i.test(raw)) {
    let url: URL;
    try {
      url = new URL(raw);
    } catch {
      throw new DatabaseConfigError(
        `DATABASE_URL is not a valid URL (${redact(raw)}). Use the form postgresql://user:password@host:5432/database.`,
      );
    }
    if (!url.hostname || url.pathname.length <= 1) {
      throw new DatabaseConfigError(
        `DATABASE_URL must name a host and a database (${redact(raw)}). Use the form postgresql://user:password@host:5432/database.`,
      );
    }
    return { kind: "postgres", url: raw };
  }
  if (raw === "memory://") return { kind: "pglite", dataDir: raw };
  if (raw.startsWith("pglite:")) return { kind: "pglite", dataDir: raw.slice("pglite:".length) || DEFAULT_PGLITE_DIR };
  if (raw.startsWith("file:")) return { kind: "pglite", dataDir: raw.slice("file:".length) };
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(raw)) {
    throw new DatabaseConfigError(
      `DATABASE_URL uses an unsupported scheme (${redact(raw)}). Use postgresql://… for a PostgreSQL server, or leave it unset for the embedded database.`,
    );
  }
  return { kind: "pglite", dataDir: raw };
}

export function describeDatabase(config: DatabaseConfig): string {
  return config.kind === "postgres"
    ? `PostgreSQL at ${redact(config.url)}`
    : config.dataDir === "memory://"
      ? "embedded PGlite in memory"
      : `embedded PGlite in ${path.resolve(config.dataDir)}`;
}

/** Hides the password in a connection string before it is shown to anyone. */
export function redact(url: string): string {
  return url.replace(/(\/\/[^:/@]+:)[^@]*@/, "$1***@");
}
