// What the server processes of one `npm start` share (scripts/start.ts runs one per CPU core on
// a PostgreSQL server): the key of the public page cache's internal renders. Word of a write
// comes from the database to every process of every server (lib/cache/listener.ts).
import os from "node:os";
import type { DatabaseConfig } from "@/lib/db/config";

/** Set by scripts/start.ts for its processes: the secret and nonce placeholder of internal renders (lib/cache/public-pages.ts). */
export const RENDER_KEY_ENV = "TWINNING_RENDER_KEY";

/**
 * How many server processes `npm start` runs: WEB_CONCURRENCY, else one per CPU core, on a
 * PostgreSQL server; always one on the embedded database, whose folder only one process may open.
 */
export function serverProcessCount(env: Record<string, string | undefined>, database: DatabaseConfig): { count: number; note?: string } {
  const asked = env.WEB_CONCURRENCY?.trim();
  const wanted = asked ? Number(asked) : os.availableParallelism();
  if (!Number.isInteger(wanted) || wanted < 1 || wanted > 64) {
    throw new RangeError(`WEB_CONCURRENCY must be a whole number from 1 to 64, not "${asked}".`);
  }
  if (database.kind === "pglite") return { count: 1, note: wanted > 1 && asked ? "WEB_CONCURRENCY is ignored on the embedded database: one process holds its folder." : undefined };
  return { count: wanted };
}
