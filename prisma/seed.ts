import { closeDatabase } from "@/lib/db";
import { runScript } from "@/lib/config/scripts";
import { seedDemo } from "./demo";

await runScript("Seeding the demo", async () => {
  const { created } = await seedDemo();
  console.log(created ? "Demo data seeded." : "Demo data already present: nothing to do.");
  await closeDatabase();
});
