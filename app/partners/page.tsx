// Placeholder until the public listing (issue 5) lands: lists Active partners and the paused/former ones.
import Link from "next/link";
import { connection } from "next/server";
import { db } from "@/lib/db";

export default async function PartnersPage() {
  await connection();
  const agreements = await db.agreement.findMany({
    where: { status: { in: ["ACTIVE", "SUSPENDED", "TERMINATED"] } },
    select: { id: true, status: true, partner: { select: { name: true, slug: true } }, statusDecision: { select: { publicReason: true } } },
  });
  return (
    <>
      <h1>Our partner towns and cities</h1>
      <ul>
        {agreements.filter((a) => a.status === "ACTIVE").map((a) => (
          <li key={a.id}>
            <Link href={`/partners/${a.partner.slug}`}>{a.partner.name}</Link>
          </li>
        ))}
      </ul>
      <h2>Paused and former partnerships</h2>
      <ul>
        {agreements.filter((a) => a.status !== "ACTIVE").map((a) => (
          <li key={a.id}>
            {a.partner.name}: {a.statusDecision?.publicReason}
          </li>
        ))}
      </ul>
    </>
  );
}
