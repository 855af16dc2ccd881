// Command-line scripts (seed, user creation, demo) end with one clear line, never a stack trace.
import { DatabaseConfigError, describeDatabase, readDatabaseConfig } from "../db/config";
import { ConfigurationError } from "./env";

export function explainStartupError(error: unknown): string {
  if (error instanceof DatabaseConfigError || error instanceof ConfigurationError) return error.message;
  const text = error instanceof Error ? `${error.message} ${String((error as { code?: unknown }).code ?? "")}` : String(error);
  let where = "the database";
  try {
    where = describeDatabase(readDatabaseConfig(process.env));
  } catch {
    // The configuration error itself is reported above.
  }
  if (/ECONNREFUSED|P1001|Can't reach database|ENOTFOUND|EAI_AGAIN|ETIMEDOUT|DatabaseNotReachable/i.test(text)) {
    return `Cannot reach ${where}. Check that the server is running and that DATABASE_URL is right.`;
  }
  if (/P2021|TableDoesNotExist|42P01|relation .* does not exist/i.test(text)) {
    return `The database has no tables yet (${where}). Run npm run db:migrate first.`;
  }
  if (/AuthenticationFailed|28P01|password authentication failed/i.test(text)) {
    return `The database refused the user or password in DATABASE_URL (${where}).`;
  }
  if (/DatabaseDoesNotExist|3D000|does not exist/i.test(text) && /database/i.test(text)) {
    return `The database in DATABASE_URL does not exist (${where}). Create it (e.g. createdb) and run npm run db:migrate.`;
  }
  return error instanceof Error ? error.message : String(error);
}

/** Runs a script's body; on failure prints "label failed: <one line>" and exits 1. */
export async function runScript(label: string, body: () => Promise<void>): Promise<void> {
  try {
    await body();
  } catch (error) {
    console.error(`${label} failed: ${explainStartupError(error)}`);
    if (process.env.DEBUG) console.error(error);
    process.exit(1);
  }
}
