// The annual report's figures (lib/data/annual-report.ts) from a year seeded with injected dates:
// the decision chain's clock is set for each decision, so which links were active, paused, new and
// dormant in 2024 does not depend on today's date.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { getAnnualReport, reportYear } from "@/lib/data/annual-report";
import { db } from "@/lib/db";
import { appendDecision } from "@/lib/decisions/chain";
import { createAgreement, createStaff, resetDatabase, type TestUser } from "../helpers/database";

vi.mock("next/cache", async () => (await import("../helpers/request-context")).nextCacheMock);

let staff: TestUser;

function at(iso: string) {
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(new Date(iso));
}

async function linkOn(partnerName: string, day: string) {
  at(`${day}T10:00:00Z`);
  const link = await createAgreement({ createdBy: staff, partnerName });
  vi.useRealTimers();
  return link;
}

async function statusChange(agreementId: string, day: string, fromStatus: "ACTIVE" | "SUSPENDED", toStatus: "ACTIVE" | "SUSPENDED" | "TERMINATED", publicReason: string) {
  at(`${day}T10:00:00Z`);
  await db.$transaction(async (tx) => {
    await appendDecision(tx, { agreementId, kind: "STATUS_CHANGED", actorId: staff.id, fromStatus, toStatus, reason: "INTERNAL only", publicReason });
    await tx.agreement.update({ where: { id: agreementId }, data: { status: toStatus } });
  });
  vi.useRealTimers();
}

async function exchange(agreementId: string, day: string, data: { kind: "CULTURAL" | "SPORT"; participantCount: number; cost?: string; currency?: string; fundingSource?: "COUNCIL_BUDGET" | "PARTNER" }) {
  await db.exchange.create({ data: { agreementId, direction: "OUTBOUND", startDate: new Date(`${day}T00:00:00Z`), createdById: staff.id, ...data } });
}

beforeEach(async () => {
  await resetDatabase();
  staff = await createStaff();
});

afterEach(() => {
  vi.useRealTimers();
});

describe("getAnnualReport", () => {
  it("counts the year's links, decisions with their public reasons, exchanges, costs, events, dormant links and confirmations", async () => {
    const busy = await linkOn("Busy", "2023-06-01");
    const quiet = await linkOn("Quiet", "2023-06-01");
    const paused = await linkOn("Paused", "2023-06-01");
    const ended = await linkOn("Ended", "2023-06-01");
    const later = await linkOn("Later", "2025-02-01");
    const joined = await linkOn("Joined", "2024-09-01");
    await statusChange(paused.id, "2024-05-01", "ACTIVE", "SUSPENDED", "Elections in the partner town.");
    await statusChange(ended.id, "2023-11-01", "ACTIVE", "TERMINATED", "The partner merged.");

    await exchange(busy.id, "2024-03-01", { kind: "CULTURAL", participantCount: 12, cost: "100.10", currency: "GBP", fundingSource: "COUNCIL_BUDGET" });
    await exchange(busy.id, "2024-04-01", { kind: "CULTURAL", participantCount: 3, cost: "50.05", currency: "GBP", fundingSource: "COUNCIL_BUDGET" });
    await exchange(busy.id, "2024-06-01", { kind: "SPORT", participantCount: 20, cost: "200.00", currency: "EUR", fundingSource: "PARTNER" });
    await exchange(joined.id, "2024-10-01", { kind: "SPORT", participantCount: 5 });
    // Outside the year: counted in the chart only.
    await exchange(quiet.id, "2023-12-31", { kind: "SPORT", participantCount: 7 });
    await exchange(later.id, "2025-03-01", { kind: "SPORT", participantCount: 2 });
    await db.event.create({ data: { title: "Festival", kind: "FESTIVAL", startsAt: new Date("2024-07-01T09:00:00Z"), agreementId: busy.id, createdById: staff.id } });
    await db.event.create({ data: { title: "Old festival", kind: "FESTIVAL", startsAt: new Date("2023-07-01T09:00:00Z"), createdById: staff.id } });
    const confirmation = await db.decision.findFirstOrThrow({ where: { agreementId: busy.id }, select: { id: true } });
    await db.partnerConfirmation.create({
      data: { agreementId: busy.id, decisionId: confirmation.id, partnerDecisionDate: new Date("2024-02-10T00:00:00Z"), partnerDecisionReference: "GR-2024-4", createdAt: new Date("2024-02-20T12:00:00Z") },
    });

    const report = await getAnnualReport(2024);
    expect(report.activeLinks.map((link) => link.partner)).toEqual(["Busy", "Joined", "Paused", "Quiet"]);
    expect(report.decisions.approved.map((decision) => decision.partner)).toEqual([]);
    expect(report.decisions.paused).toEqual([expect.objectContaining({ partner: "Paused", publicReason: "Elections in the partner town.", on: new Date("2024-05-01T10:00:00Z") })]);
    expect(report.decisions.ended).toEqual([]);
    // Never the internal reason.
    expect(JSON.stringify(report)).not.toContain("INTERNAL only");
    expect(report.exchanges).toEqual([
      { partner: "Busy", kind: "CULTURAL", exchanges: 2, participants: 15 },
      { partner: "Busy", kind: "SPORT", exchanges: 1, participants: 20 },
      { partner: "Joined", kind: "SPORT", exchanges: 1, participants: 5 },
    ]);
    expect(report.costs).toEqual([
      { fundingSource: "COUNCIL_BUDGET", currency: "GBP", total: "150.15" },
      { fundingSource: "PARTNER", currency: "EUR", total: "200.00" },
    ]);
    expect(report.events.map((event) => event.title)).toEqual(["Festival"]);
    expect(report.dormantLinks.map((link) => link.partner)).toEqual(["Quiet"]);
    expect(report.confirmations).toEqual([{ partner: "Busy", recordedOn: new Date("2024-02-20T12:00:00Z"), partnerDecisionDate: new Date("2024-02-10T00:00:00Z"), reference: "GR-2024-4" }]);
    expect(report.activityByYear).toEqual([
      { year: 2020, exchanges: 0, events: 0, participants: 0 },
      { year: 2021, exchanges: 0, events: 0, participants: 0 },
      { year: 2022, exchanges: 0, events: 0, participants: 0 },
      { year: 2023, exchanges: 1, events: 1, participants: 7 },
      { year: 2024, exchanges: 4, events: 1, participants: 40 },
    ]);

    // The year the link ended: it was active, and its ending is a decision of that year.
    const earlier = await getAnnualReport(2023);
    expect(earlier.decisions.ended).toEqual([expect.objectContaining({ partner: "Ended", publicReason: "The partner merged." })]);
    expect(earlier.activeLinks.map((link) => link.partner)).toContain("Ended");
    const next = await getAnnualReport(2025);
    expect(next.activeLinks.map((link) => link.partner)).toEqual(["Busy", "Joined", "Later", "Quiet"]);
  });

  it("takes a four-digit year, and nothing else", () => {
    expect(reportYear("2024")).toBe(2024);
    for (const bad of ["24", "2024.0", "１２３４", "1800", "9999", "2024 "]) expect(reportYear(bad)).toBeNull();
  });
});
