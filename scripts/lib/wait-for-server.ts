import type { ChildProcess } from "node:child_process";

/** Resolves once `url` answers 2xx; rejects if the server process exits first or time runs out. */
export async function waitForServer(url: string, server: ChildProcess, timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`The server exited with code ${server.exitCode} before answering ${url}.`);
    try {
      const response = await fetch(url);
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`The server did not answer ${url} within ${Math.round(timeoutMs / 1000)} s.`);
}
