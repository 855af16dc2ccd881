// Seeds the end-to-end database: the demo story, plus a deactivated account (the suite checks
// that it cannot sign in). Runs before `next start`, never while a server holds the database.
import { hashPassword } from "@/lib/auth/password";
import { closeDatabase, db, embeddedDatabase } from "@/lib/db";
import { runScript } from "@/lib/config/scripts";
import { seedDemo } from "@/prisma/demo";
import { DEACTIVATED_ACCOUNT, DEMO_PASSWORD } from "./lib/e2e-accounts";
import { footprintDatabase } from "./lib/server-process";

await runScript("Seeding the end-to-end database", async () => {
  try {
    await seedDemo();
    const passwordHash = await hashPassword(DEMO_PASSWORD);
    await db.user.upsert({
      where: { email: DEACTIVATED_ACCOUNT.email },
      update: { active: false },
      create: { ...DEACTIVATED_ACCOUNT, active: false, passwordHash },
    });
    // The server is to run as the demo's (scripts/e2e-server.ts): its database too.
    if (process.env.E2E_SERVER_PROFILE === "footprint") await footprintDatabase(embeddedDatabase());
    console.log("End-to-end data seeded.");
  } finally {
    await closeDatabase();
  }
});
