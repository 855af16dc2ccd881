// Publishing the annual report (issue 24 item 5, decision 024): only an admin publishes; what is
// published is the year's public facts — public exchanges and events, public reasons, never an
// internal reason, an internal record or a person's name — frozen at publication, so what is
// recorded afterwards does not change it; publishing twice changes nothing; withdrawing takes it off.
// Dates are injected: the year seeded is 2024 whatever today is.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { getAnnualReport } from "@/lib/data/annual-report";
import { getPublication, getPublishedReport, listPublishedReports } from "@/lib/data/published-reports";
import { db } from "@/lib/db";
import { appendDecision } from "@/lib/decisions/chain";
import { AppError } from "@/lib/domain/errors";
import { publishReport } from "@/lib/reports/publish-report";
import { withdrawReport } from "@/lib/reports/withdraw-report";
import { createAdmin, createAgreement, createStaff, resetDatabase, type TestUser } from "../helpers/database";

vi.mock("next/cache", async () => (await import("../helpers/request-context")).nextCacheMock);

let staff: TestUser;
let admin: TestUser;

function at(iso: string) {
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(new Date(iso));
}

/** A year with a paused link (internal and public reasons), public and internal exchanges and events, a draft link's event. */
async function seedYear() {
  at("2023-06-01T10:00:00Z");
  const hamburg = await createAgreement({ createdBy: staff, partnerName: "Hamburg" });
  const draft = await createAgreement({ createdBy: staff, partnerName: "Secretville", status: "DRAFT" });
  at("2024-05-01T10:00:00Z");
  await db.$transaction(async (tx) => {
    await appendDecision(tx, { agreementId: hamburg.id, kind: "STATUS_CHANGED", actorId: staff.id, fromStatus: "ACTIVE", toStatus: "SUSPENDED", reason: "INTERNAL: the leader asked", publicReason: "Elections in Hamburg." });
    await tx.agreement.update({ where: { id: hamburg.id }, data: { status: "SUSPENDED" } });
  });
  vi.useRealTimers();
  const exchange = (visibility: "PUBLIC" | "INTERNAL", participantCount: number, cost: string, participantsDescription: string) =>
    db.exchange.create({
      data: { agreementId: hamburg.id, kind: "CULTURAL", direction: "OUTBOUND", startDate: new Date("2024-03-01T00:00:00Z"), participantCount, participantsDescription, cost, currency: "GBP", fundingSource: "COUNCIL_BUDGET", visibility, createdById: staff.id },
    });
  await exchange("PUBLIC", 12, "100.00", "Choir of St Mary's");
  await exchange("INTERNAL", 3, "900.00", "Jane Private and her family");
  await db.event.create({ data: { title: "Hamburg festival", kind: "FESTIVAL", startsAt: new Date("2024-07-01T09:00:00Z"), agreementId: hamburg.id, visibility: "PUBLIC", createdById: staff.id } });
  await db.event.create({ data: { title: "Confidential visit", kind: "CIVIC_VISIT", startsAt: new Date("2024-08-01T09:00:00Z"), agreementId: hamburg.id, visibility: "INTERNAL", createdById: staff.id } });
  await db.event.create({ data: { title: "Open day", kind: "FESTIVAL", startsAt: new Date("2024-09-01T09:00:00Z"), agreementId: draft.id, visibility: "PUBLIC", createdById: staff.id } });
  return { hamburg };
}

beforeEach(async () => {
  await resetDatabase();
  staff = await createStaff({ name: "Olive Officer" });
  admin = await createAdmin({ name: "Ada Admin" });
});

afterEach(() => {
  vi.useRealTimers();
});

describe("publishing the annual report", () => {
  it("is for admins only: an officer is refused and nothing is published", async () => {
    await expect(publishReport({ year: 2024 }, staff)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(withdrawReport({ year: 2024 }, staff)).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await db.publishedReport.count()).toBe(0);
  });

  it("refuses a year still to come, naming the field", async () => {
    const next = new Date().getUTCFullYear() + 1;
    const refusal = await publishReport({ year: next }, admin).catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(AppError);
    expect(refusal).toMatchObject({ code: "VALIDATION", fieldErrors: { year: [expect.stringContaining("Year")] } });
  });

  it("publishes the public facts only, frozen: later records, a second publication and the staff report's changes leave it as it was", async () => {
    const { hamburg } = await seedYear();
    expect(await publishReport({ year: 2024 }, admin)).toEqual({ confirmation: "report.published", published: true });

    const stored = await db.publishedReport.findUniqueOrThrow({ where: { year: 2024 }, select: { data: true, publishedById: true, publishedAt: true } });
    expect(stored.publishedById).toBe(admin.id);
    const text = JSON.stringify(stored.data);
    for (const secret of ["INTERNAL: the leader asked", "Confidential visit", "Jane Private", "Olive Officer", staff.email, "900.00", "1000.00"]) expect(text).not.toContain(secret);
    expect(await db.auditLog.count({ where: { action: "report.published", entityId: "2024", actorId: admin.id } })).toBe(1);

    const published = await getPublishedReport(2024);
    expect(published?.publishedAt).toEqual(stored.publishedAt);
    const report = published!.report;
    expect(report.decisions.paused).toEqual([expect.objectContaining({ partner: "Hamburg", publicReason: "Elections in Hamburg.", on: new Date("2024-05-01T10:00:00Z") })]);
    expect(report.exchanges).toEqual([{ partner: "Hamburg", kind: "CULTURAL", exchanges: 1, participants: 12 }]);
    expect(report.costs).toEqual([{ fundingSource: "COUNCIL_BUDGET", currency: "GBP", total: "100.00" }]);
    // A public event of a link the public does not see is shown without its partner.
    expect(report.events.map((event) => [event.title, event.partner])).toEqual([
      ["Hamburg festival", "Hamburg"],
      ["Open day", null],
    ]);
    expect(report.activityByYear.at(-1)).toEqual({ year: 2024, exchanges: 1, participants: 12, events: 2 });
    // The staff report of the same year counts everything the office logged.
    const staffReport = await getAnnualReport(2024);
    expect(staffReport.exchanges).toEqual([{ partner: "Hamburg", kind: "CULTURAL", exchanges: 2, participants: 15 }]);
    expect(staffReport.events.map((event) => event.title)).toContain("Confidential visit");

    // Recorded after publication: the staff report moves on, the published one does not.
    await db.exchange.create({ data: { agreementId: hamburg.id, kind: "SPORT", direction: "INBOUND", startDate: new Date("2024-10-01T00:00:00Z"), participantCount: 40, visibility: "PUBLIC", createdById: staff.id } });
    expect((await getAnnualReport(2024, "public")).exchanges).toHaveLength(2);
    expect((await getPublishedReport(2024))!.report).toEqual(report);

    // Publishing again changes nothing: withdraw first to publish today's figures.
    expect(await publishReport({ year: 2024 }, admin)).toEqual({ confirmation: "report.alreadyPublished", published: false });
    expect((await db.publishedReport.findUniqueOrThrow({ where: { year: 2024 } })).publishedAt).toEqual(stored.publishedAt);
    expect(await db.auditLog.count({ where: { action: "report.published" } })).toBe(1);
    expect(await listPublishedReports()).toEqual([{ year: 2024, publishedAt: stored.publishedAt }]);
    expect(await getPublication(2024)).toEqual({ publishedAt: stored.publishedAt, publisher: "Ada Admin" });
  });

  it("withdraws a published report, and says so when there was none", async () => {
    await seedYear();
    await publishReport({ year: 2024 }, admin);
    expect(await withdrawReport({ year: 2024 }, admin)).toEqual({ confirmation: "report.withdrawn" });
    expect(await getPublishedReport(2024)).toBeNull();
    expect(await listPublishedReports()).toEqual([]);
    const audit = await db.auditLog.findFirstOrThrow({ where: { action: "report.withdrawn" }, select: { entityId: true, actorId: true } });
    expect(audit).toEqual({ entityId: "2024", actorId: admin.id });
    expect(await withdrawReport({ year: 2024 }, admin)).toEqual({ confirmation: "report.notPublished" });
    expect(await db.auditLog.count({ where: { action: "report.withdrawn" } })).toBe(1);
  });
});
