import "server-only";
import { db } from "@/lib/db";
import { reportFromSnapshot, type AnnualReport } from "@/lib/domain/annual-report";

// The annual reports as published (lib/reports/publish-report.ts): /annual-report lists them,
// /annual-report/<year> and its .docx render the stored snapshot, never today's figures.

export type PublishedReportSummary = { year: number; publishedAt: Date };

export async function listPublishedReports(): Promise<PublishedReportSummary[]> {
  return db.publishedReport.findMany({ select: { year: true, publishedAt: true }, orderBy: { year: "desc" } });
}

export async function getPublishedReport(year: number): Promise<{ report: AnnualReport; publishedAt: Date } | null> {
  const row = await db.publishedReport.findUnique({ where: { year }, select: { data: true, publishedAt: true } });
  return row ? { report: reportFromSnapshot(row.data), publishedAt: row.publishedAt } : null;
}

/** For /reports/<year>: whether the year is published, when and by whom. */
export async function getPublication(year: number): Promise<{ publishedAt: Date; publisher: string } | null> {
  const row = await db.publishedReport.findUnique({ where: { year }, select: { publishedAt: true, publishedBy: { select: { name: true } } } });
  return row ? { publishedAt: row.publishedAt, publisher: row.publishedBy.name } : null;
}
