// Runs once when the server starts: refuse to start, with one clear line, when the
// configuration is wrong or the database cannot be reached. On the embedded database the app
// also runs the scheduled jobs itself (lib/jobs/in-app.ts). This file is compiled for the Edge
// runtime too: the Node.js-only work (process.exit among it) lives in lib/config/startup.ts.
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.NEXT_PHASE === "phase-production-build") return;
  // Before any request is read: each carries its socket's address from now on (lib/web/request-context.ts).
  (await import("./lib/web/request-context")).recordPeerAddresses();
  const { startServer } = await import("./lib/config/startup");
  await startServer();
}
