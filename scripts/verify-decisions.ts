// `npm run verify-decisions`: walks the decision chain of the configured database (DATABASE_URL:
// PostgreSQL, or the embedded PGlite folder) and prints "N decisions verified, M fields erased", or the first
// decision that does not match and exits 1. See docs/decisions/009-decision-chain.md.
import { closeDatabase, db } from "@/lib/db";
import { describeChainReport, verifyDecisionChain } from "@/lib/decisions/chain";
import { runScript } from "@/lib/config/scripts";

await runScript("Verify decisions", async () => {
  try {
    const started = Date.now();
    const report = await verifyDecisionChain(db);
    const line = `${describeChainReport(report)} (${((Date.now() - started) / 1000).toFixed(1)} s)`;
    if (report.ok) {
      console.log(line);
    } else {
      console.error(line);
      process.exitCode = 1;
    }
  } finally {
    await closeDatabase();
  }
});
