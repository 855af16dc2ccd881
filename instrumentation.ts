// Runs once when the server starts: refuse to start, with one clear line, when the
// configuration is wrong or the database cannot be reached. On the embedded database the app
// also runs the scheduled jobs itself (lib/jobs/in-app.ts).
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.NEXT_PHASE === "phase-production-build") return;
  const { refuseToStartIfMisconfigured } = await import("./lib/startup");
  const { claimEmbeddedDatabaseForApp, startInAppJobs } = await import("./lib/jobs/in-app");
  // Before anything opens the embedded folder: PGlite has no lock of its own.
  const inUse = claimEmbeddedDatabaseForApp();
  if (inUse) {
    console.error(`Twinning Office cannot start: ${inUse}`);
    process.exit(1);
  }
  await refuseToStartIfMisconfigured();
  startInAppJobs();
}
