// Runs once when the server starts: refuse to start, with one clear line, when the
// configuration is wrong or the database cannot be reached.
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.NEXT_PHASE === "phase-production-build") return;
  const { refuseToStartIfMisconfigured } = await import("./lib/startup");
  await refuseToStartIfMisconfigured();
}
