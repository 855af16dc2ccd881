import { db } from "./db";
import { readDatabaseConfig } from "./db/config";
import { readServerEnv } from "./env";
import { explainStartupError } from "./scripts";

/** What stops the server from starting, in one line, or null when all is well. */
export async function checkStartup(): Promise<string | null> {
  try {
    readServerEnv();
    readDatabaseConfig(process.env);
    await db.$queryRaw`SELECT 1 FROM "_prisma_migrations" LIMIT 1`;
    return null;
  } catch (error) {
    return explainStartupError(error);
  }
}

export async function refuseToStartIfMisconfigured(): Promise<void> {
  const problem = await checkStartup();
  if (problem) {
    console.error(`Twinning Office cannot start: ${problem}`);
    process.exit(1);
  }
}
