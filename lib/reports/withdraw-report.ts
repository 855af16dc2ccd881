import { writeAudit } from "@/lib/audit";
import { db } from "@/lib/db";
import { requirePermission, type Actor } from "@/lib/domain/permissions";
import type { ReportYearInput } from "@/lib/domain/validation/report";
import type { Confirmation } from "@/lib/web/confirmations";

/** "Withdraw": the published report leaves /annual-report; the audit row keeps what was withdrawn and when it was published. */
export async function withdrawReport(input: ReportYearInput, actor: Actor): Promise<{ confirmation: Confirmation }> {
  requirePermission(actor, "report:publish");
  return db.$transaction(async (tx) => {
    const published = await tx.publishedReport.findUnique({ where: { year: input.year }, select: { publishedAt: true, publishedById: true } });
    // Two admins at once: only the one whose delete removed the row writes the audit row.
    if (!published || (await tx.publishedReport.deleteMany({ where: { year: input.year } })).count === 0) return { confirmation: "report.notPublished" as const };
    await writeAudit(tx, { actor, action: "report.withdrawn", entityType: "PublishedReport", entityId: String(input.year), details: { year: input.year, publishedAt: published.publishedAt.toISOString(), publishedById: published.publishedById } });
    return { confirmation: "report.withdrawn" as const };
  });
}
