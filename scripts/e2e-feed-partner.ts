// The second council of the partner-feeds journey (e2e/partner-feeds.spec.ts): seeds a fresh,
// migrated embedded database for a second instance of the app with its council (name and country),
// one officer (the demo officer's email and password) and one Active link with the first instance's
// council, whose feed address is given. Usage (PGLITE_DATA_DIR set):
//   tsx scripts/e2e-feed-partner.ts <council name> <council country> <partner name> <partner feed address>
import { hashPassword } from "@/lib/auth/password";
import { partnerIdentityKey, slugify } from "@/lib/agreements/partners";
import { runScript } from "@/lib/config/scripts";
import { closeDatabase, db } from "@/lib/db";
import { appendDecision } from "@/lib/decisions/chain";
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from "./lib/e2e-accounts";

await runScript("Seeding the partner council", async () => {
  const [councilName, councilCountry, partnerName, feedUrl] = process.argv.slice(2);
  if (!councilName || !councilCountry || !partnerName || !feedUrl) throw new Error("usage: <council name> <council country> <partner name> <partner feed address>");
  try {
    await db.councilSettings.upsert({ where: { id: 1 }, update: { councilName, councilCountry }, create: { id: 1, councilName, councilCountry } });
    const officer = await db.user.create({ data: { ...DEMO_ACCOUNTS.STAFF, role: "STAFF", passwordHash: await hashPassword(DEMO_PASSWORD) }, select: { id: true } });
    const agreementId = await db.$transaction(async (tx) => {
      const partner = await tx.partner.create({ data: { name: partnerName, kind: "CITY", slug: slugify(partnerName), identityKey: partnerIdentityKey(partnerName, null), feedUrl }, select: { id: true } });
      const agreement = await tx.agreement.create({
        data: { partnerId: partner.id, relationshipType: "TWIN_TOWN", title: `${partnerName} link`, purpose: "Schools and choirs visit each other.", publicSummary: "A twinning of two councils that publish their links.", themes: ["CULTURE"], createdById: officer.id, leadOfficerId: officer.id },
        select: { id: true },
      });
      const decision = await appendDecision(tx, { agreementId: agreement.id, kind: "IMPORTED", actorId: officer.id, fromStatus: "DRAFT", toStatus: "ACTIVE", reason: "The link as it stands" });
      await tx.agreement.update({ where: { id: agreement.id }, data: { status: "ACTIVE", statusDecisionId: decision.id } });
      return agreement.id;
    });
    // The journey reads the link's address from this line.
    console.log(`agreement ${agreementId}: ${councilName}, with an Active link with ${partnerName}.`);
  } finally {
    await closeDatabase();
  }
});
