// The logger of the request being served: its lines carry the request's id (lib/config/request-id.ts).
import { logger, type Logger } from "@/lib/config/logger";
import { REQUEST_ID_HEADER } from "@/lib/config/request-id";

/** The current request's logger (a server action or route handler); the process's own outside a request. */
export async function requestLogger(): Promise<Logger> {
  let requestId: string | null = null;
  try {
    const { headers } = await import("next/headers");
    requestId = (await headers()).get(REQUEST_ID_HEADER);
  } catch {
    // Not in a request (a job, a script): no id to add.
  }
  return requestId ? logger.child({ requestId }) : logger;
}
