import { db } from "../db";
import { readDatabaseConfig } from "../db/config";
import { readServerEnv } from "./env";
import { claimEmbeddedDatabaseForApp, startInAppJobs } from "../jobs/in-app";
import { explainStartupError } from "./scripts";
import { checkOutboundConfig } from "../outbound/config";

/** What stops the server from starting, in one line, or null when all is well. */
export async function checkStartup(): Promise<string | null> {
  try {
    readServerEnv();
    checkOutboundConfig();
    readDatabaseConfig(process.env);
    await db.$queryRaw`SELECT 1 FROM "_prisma_migrations" LIMIT 1`;
    return null;
  } catch (error) {
    return explainStartupError(error);
  }
}

function refuseToStart(problem: string): never {
  console.error(`Twinning Office cannot start: ${problem}`);
  process.exit(1);
}

/** The server's start (instrumentation.ts): stop with one clear line when it cannot serve, then run the in-app jobs. */
export async function startServer(): Promise<void> {
  // Before anything opens the embedded folder: PGlite has no lock of its own.
  const inUse = claimEmbeddedDatabaseForApp();
  if (inUse) refuseToStart(inUse);
  const problem = await checkStartup();
  if (problem) refuseToStart(problem);
  startInAppJobs();
}
