import type { Prisma } from "@/generated/prisma/client";
import { writeAudit } from "@/lib/audit";
import { getAnnualReport, reportYear } from "@/lib/data/annual-report";
import { db } from "@/lib/db";
import { reportSnapshot } from "@/lib/domain/annual-report";
import { AppError } from "@/lib/domain/errors";
import { requirePermission, type Actor } from "@/lib/domain/permissions";
import { YEAR_MESSAGE, type ReportYearInput } from "@/lib/domain/validation/report";
import type { Confirmation } from "@/lib/web/confirmations";

/**
 * "Publish report": the year's public report (public exchanges and events, public reasons only) is
 * frozen as it is now and served at /annual-report/<year> (docs/decisions/024). A published year
 * stays as published: to publish it again, withdraw it first.
 */
export async function publishReport(input: ReportYearInput, actor: Actor): Promise<{ confirmation: Confirmation; published: boolean }> {
  requirePermission(actor, "report:publish");
  if (reportYear(String(input.year)) === null || input.year > new Date().getUTCFullYear()) throw new AppError("VALIDATION", YEAR_MESSAGE, { year: [YEAR_MESSAGE] });
  const snapshot = reportSnapshot(await getAnnualReport(input.year, "public"));
  return db.$transaction(async (tx) => {
    // Two admins at once: the primary key lets one in, the other is told it is already published.
    const created = await tx.publishedReport.createMany({ data: [{ year: input.year, data: snapshot as Prisma.InputJsonValue, publishedById: actor.id }], skipDuplicates: true });
    if (created.count === 0) return { confirmation: "report.alreadyPublished" as const, published: false };
    await writeAudit(tx, { actor, action: "report.published", entityType: "PublishedReport", entityId: String(input.year), details: { year: input.year } });
    return { confirmation: "report.published" as const, published: true };
  });
}
