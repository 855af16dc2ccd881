import "server-only";
import { db } from "@/lib/db";
import type { AgreementStatus } from "@/generated/prisma/enums";
import type { Actor } from "@/lib/permissions";

const REVIEW_WINDOW_DAYS = 90;

export async function getDashboard(user: Actor) {
  const reviewBy = new Date(Date.now() + REVIEW_WINDOW_DAYS * 24 * 60 * 60 * 1000);
  const [grouped, awaiting, reviewsDue] = await Promise.all([
    db.agreement.groupBy({ by: ["status"], _count: { _all: true } }),
    db.proposal.findMany({
      where:
        user.role === "COUNCILLOR"
          ? { state: "OPEN", proposerId: { not: user.id }, decisions: { none: { actorId: user.id, kind: { in: ["APPROVED", "REJECTED"] } } } }
          : { state: "OPEN", proposerId: user.id },
      orderBy: { createdAt: "asc" },
      take: 20,
      select: { id: true, kind: true, agreement: { select: { id: true, partner: { select: { name: true } } } } },
    }),
    db.agreement.findMany({
      where: { status: { in: ["ACTIVE", "SUSPENDED"] }, reviewDate: { lte: reviewBy } },
      orderBy: { reviewDate: "asc" },
      take: 20,
      select: { id: true, reviewDate: true, partner: { select: { name: true } } },
    }),
  ]);
  const counts = Object.fromEntries(grouped.map((row) => [row.status, row._count._all])) as Partial<Record<AgreementStatus, number>>;
  return { counts, awaiting, reviewsDue };
}
