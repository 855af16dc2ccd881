// Seeds the end-to-end database: the demo story, plus a deactivated account (the suite checks
// that it cannot sign in). Runs before `next start`, never while a server holds the database.
import { hashPassword } from "@/lib/auth/password";
import { closeDatabase, db } from "@/lib/db";
import { runScript } from "@/lib/scripts";
import { seedDemo } from "@/prisma/demo";
import { DEACTIVATED_ACCOUNT, DEMO_PASSWORD } from "./lib/e2e-accounts";

await runScript("Seeding the end-to-end database", async () => {
  try {
    await seedDemo();
    const passwordHash = await hashPassword(DEMO_PASSWORD);
    await db.user.upsert({
      where: { email: DEACTIVATED_ACCOUNT.email },
      update: { active: false },
      create: { ...DEACTIVATED_ACCOUNT, active: false, passwordHash },
    });
    console.log("End-to-end data seeded.");
  } finally {
    await closeDatabase();
  }
});
