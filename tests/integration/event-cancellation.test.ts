// Cancelling an event and deleting an exchange or event logged in error (issue 21 item 6), against
// a real database, on whichever back end this run uses: a cancelled event is kept with when, by
// whom and why, sent in the calendar feed as STATUS:CANCELLED under the same UID with a higher
// SEQUENCE, and no longer counts as activity; a deletion is audited with what was deleted and
// leaves no trace in totals, dormancy, public pages or the feed.
import { beforeEach, describe, expect, it, vi } from "vitest";
import { markChanged } from "@/lib/cache";
import { getAgreementActivity } from "@/lib/data/activity";
import { listPublicEventsForFeed } from "@/lib/data/events";
import { listPublicActivity } from "@/lib/data/public";
import { db } from "@/lib/db";
import { cancelEventSchema, createEventSchema, deleteEventSchema, updateEventSchema } from "@/lib/domain/validation/event";
import { createExchangeSchema, deleteExchangeSchema } from "@/lib/domain/validation/exchange";
import { cancelEvent } from "@/lib/events/cancel-event";
import { createEvent } from "@/lib/events/create-event";
import { deleteEvent } from "@/lib/events/delete-event";
import { updateEvent } from "@/lib/events/update-event";
import { deleteExchange } from "@/lib/exchanges/delete-exchange";
import { logExchange } from "@/lib/exchanges/log-exchange";
import { eventsCalendar } from "@/lib/open-data/events-feed";
import { createAgreement, createCouncillor, createStaff, resetDatabase } from "../helpers/database";
import { refusal } from "../helpers/outcomes";

vi.mock("next/cache", async () => (await import("../helpers/request-context")).nextCacheMock);

beforeEach(async () => {
  await resetDatabase();
  markChanged();
});

const FEED = { origin: "https://twinning.example.org", councilName: "Coventry City Council" };

function eventInput(agreementId: string, fields: Record<string, string> = {}) {
  return createEventSchema.parse({
    title: "Kiel Week civic reception",
    kind: "CIVIC_VISIT",
    startsAt: "2027-06-20T18:00",
    endsAt: "2027-06-20T21:00",
    timeZone: "Europe/Berlin",
    place: "Kiel town hall",
    description: "A reception for the delegation.",
    visibility: "PUBLIC",
    agreementId,
    ...fields,
  });
}

function exchangeInput(agreementId: string, fields: Record<string, string> = {}) {
  return createExchangeSchema.parse({
    agreementId,
    kind: "CULTURAL",
    direction: "INBOUND",
    startDate: "2025-03-01",
    endDate: "2025-03-05",
    participantCount: "12",
    participantsDescription: "The town choir",
    cost: "1200.50",
    currency: "GBP",
    fundingSource: "COUNCIL_BUDGET",
    outcomes: "Two concerts.",
    visibility: "PUBLIC",
    ...fields,
  });
}

/** The VEVENT of `eventId` in the feed as it is now, unfolded, one property per line. */
async function feedEntry(eventId: string): Promise<string[] | undefined> {
  const text = eventsCalendar(await listPublicEventsForFeed(), FEED).replace(/\r\n[ \t]/g, "");
  const vevents = text.split("BEGIN:VEVENT\r\n").slice(1);
  return vevents.find((vevent) => vevent.includes(`UID:event-${eventId}@twinning-office`))?.split("\r\n");
}

describe("cancelling an event", () => {
  it("keeps it with when, by whom and why, and sends it as STATUS:CANCELLED under the same UID with a higher SEQUENCE", async () => {
    const officer = await createStaff();
    const agreement = await createAgreement({ createdBy: officer });
    const { id } = await createEvent(eventInput(agreement.id), officer);

    const before = await feedEntry(id);
    expect(before).toContain("SEQUENCE:0");
    expect(before?.some((line) => line.startsWith("STATUS:"))).toBe(false);

    const at = new Date("2027-06-01T09:30:00Z");
    const result = await cancelEvent(cancelEventSchema.parse({ id, reason: "The hall is being rewired.", publicReason: "Postponed until the autumn: a new date will follow." }), officer, at);
    expect(result).toMatchObject({ confirmation: "event.cancelled", public: true, agreementIds: [agreement.id] });

    const row = await db.event.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({ cancelledAt: at, cancelledById: officer.id, cancellationReason: "The hall is being rewired.", cancellationPublicReason: "Postponed until the autumn: a new date will follow.", sequence: 1, title: "Kiel Week civic reception" });

    const after = await feedEntry(id);
    expect(after).toContain("STATUS:CANCELLED");
    expect(after).toContain("SEQUENCE:1");
    expect(after).toContain("SUMMARY:Cancelled: Kiel Week civic reception");
    expect(after?.find((line) => line.startsWith("DESCRIPTION:"))).toContain("Postponed until the autumn: a new date will follow.");
    // The internal reason never reaches the public feed.
    expect(after?.join("\n")).not.toContain("rewired");

    const audit = await db.auditLog.findFirstOrThrow({ where: { action: "event.cancel", entityId: id } });
    expect(audit).toMatchObject({ actorId: officer.id, details: { reason: "The hall is being rewired.", title: "Kiel Week civic reception" } });
  });

  it("raises the SEQUENCE on every edit (a postponement by new dates reaches subscribers too)", async () => {
    const officer = await createStaff();
    const agreement = await createAgreement({ createdBy: officer });
    const { id } = await createEvent(eventInput(agreement.id), officer);
    const { updatedAt } = await db.event.findUniqueOrThrow({ where: { id } });
    await updateEvent(updateEventSchema.parse({ ...eventInput(agreement.id), startsAt: "2027-09-20T18:00", endsAt: "2027-09-20T21:00", timeZone: "Europe/Berlin", visibility: "PUBLIC", kind: "CIVIC_VISIT", id, updatedAt: updatedAt.toISOString() }), officer);
    expect(await feedEntry(id)).toContain("SEQUENCE:1");
  });

  it("refuses it without a reason (naming the field), for a councillor, and a second time; a cancelled event can no longer be edited", async () => {
    const officer = await createStaff();
    const agreement = await createAgreement({ createdBy: officer });
    const { id } = await createEvent(eventInput(agreement.id), officer);

    const blank = cancelEventSchema.safeParse({ id, reason: "  ", publicReason: "" });
    expect(blank.success).toBe(false);
    expect(blank.error?.issues.map((issue) => [issue.path[0], issue.message])).toEqual([["reason", "Enter the reason for cancelling the event"]]);

    const input = cancelEventSchema.parse({ id, reason: "Called off.", publicReason: "" });
    expect((await refusal(cancelEvent(input, await createCouncillor()))).code).toBe("FORBIDDEN");
    expect(await db.event.count({ where: { cancelledAt: { not: null } } })).toBe(0);

    await cancelEvent(input, officer);
    const again = await refusal(cancelEvent(cancelEventSchema.parse({ id, reason: "Twice.", publicReason: "" }), officer));
    expect(again.message).toBe("This event has already been cancelled");
    expect(await db.event.findUniqueOrThrow({ where: { id }, select: { cancellationReason: true, cancellationPublicReason: true, sequence: true } })).toEqual({ cancellationReason: "Called off.", cancellationPublicReason: null, sequence: 1 });

    const { updatedAt } = await db.event.findUniqueOrThrow({ where: { id } });
    const edit = await refusal(updateEvent(updateEventSchema.parse({ ...eventInput(agreement.id), startsAt: "2027-06-20T18:00", endsAt: "", timeZone: "Europe/Berlin", visibility: "PUBLIC", kind: "CIVIC_VISIT", id, updatedAt: updatedAt.toISOString() }), officer));
    expect(edit.message).toBe("This event was cancelled: a cancelled event can no longer be edited");
    expect(await db.event.count({ where: { id, title: "Kiel Week civic reception" } })).toBe(1);
  });

  it("no longer counts as activity, is listed as cancelled, and is shown to the public only until it would have ended", async () => {
    const officer = await createStaff();
    const agreement = await createAgreement({ createdBy: officer });
    const held = await createEvent(eventInput(agreement.id, { title: "Charter anniversary", startsAt: "2025-05-08T11:00", endsAt: "2025-05-08T13:00" }), officer);
    expect((await db.agreement.findUniqueOrThrow({ where: { id: agreement.id } })).lastActivityOn?.toISOString().slice(0, 10)).toBe("2025-05-08");

    await cancelEvent(cancelEventSchema.parse({ id: held.id, reason: "Double-booked.", publicReason: "Moved to next year." }), officer);
    expect((await db.agreement.findUniqueOrThrow({ where: { id: agreement.id } })).lastActivityOn).toBeNull();

    const activity = await getAgreementActivity(agreement.id);
    expect(activity?.totals.events).toBe(0);
    expect(activity?.lastActivity).toBeNull();
    expect(activity?.items).toEqual([expect.objectContaining({ id: held.id, type: "event", cancelledAt: expect.any(Date) })]);

    const upcoming = await createEvent(eventInput(agreement.id), officer);
    await cancelEvent(cancelEventSchema.parse({ id: upcoming.id, reason: "Venue closed.", publicReason: "" }), officer);
    const before = await listPublicActivity([agreement.id], new Date("2027-06-20T12:00:00Z"));
    expect(before.events.map((event) => [event.id, event.cancelled])).toEqual([
      [upcoming.id, { publicReason: "" }],
    ]);
    const after = await listPublicActivity([agreement.id], new Date("2027-06-21T00:00:00Z"));
    expect(after.events).toEqual([]);
  });
});

describe("deleting an exchange or event logged in error", () => {
  it("deletes an exchange with its reason in the audit log, and it leaves the totals and the agreement's dormancy", async () => {
    const officer = await createStaff();
    const agreement = await createAgreement({ createdBy: officer });
    const kept = await logExchange(exchangeInput(agreement.id, { startDate: "2024-09-01", endDate: "" }), officer);
    const wrong = await logExchange(exchangeInput(agreement.id), officer);
    expect((await db.agreement.findUniqueOrThrow({ where: { id: agreement.id } })).lastActivityOn?.toISOString().slice(0, 10)).toBe("2025-03-05");

    const result = await deleteExchange(deleteExchangeSchema.parse({ id: wrong.id, reason: "Logged under the wrong agreement." }), officer);
    expect(result).toMatchObject({ confirmation: "exchange.deleted", agreementIds: [agreement.id] });

    expect(await db.exchange.findUnique({ where: { id: wrong.id } })).toBeNull();
    expect((await db.agreement.findUniqueOrThrow({ where: { id: agreement.id } })).lastActivityOn?.toISOString().slice(0, 10)).toBe("2024-09-01");
    const activity = await getAgreementActivity(agreement.id);
    expect(activity?.totals).toMatchObject({ exchanges: 1, participants: 12, spend: [{ currency: "GBP", amount: "1200.50" }] });
    expect(activity?.items.map((item) => item.id)).toEqual([kept.id]);
    expect((await listPublicActivity([agreement.id])).exchanges.map((exchange) => exchange.id)).toEqual([kept.id]);

    const audit = await db.auditLog.findFirstOrThrow({ where: { action: "exchange.delete", entityId: wrong.id } });
    expect(audit).toMatchObject({
      actorId: officer.id,
      entityType: "Exchange",
      details: {
        reason: "Logged under the wrong agreement.",
        deleted: { agreementId: agreement.id, kind: "CULTURAL", direction: "INBOUND", startDate: "2025-03-01", endDate: "2025-03-05", participantCount: 12, cost: "1200.50", currency: "GBP", outcomes: "Two concerts.", visibility: "PUBLIC" },
      },
    });

    await deleteExchange(deleteExchangeSchema.parse({ id: kept.id, reason: "Never happened." }), officer);
    expect((await db.agreement.findUniqueOrThrow({ where: { id: agreement.id } })).lastActivityOn).toBeNull();
  });

  it("deletes an event: audited, gone from the feed and the agreement's activity", async () => {
    const officer = await createStaff();
    const agreement = await createAgreement({ createdBy: officer });
    const { id } = await createEvent(eventInput(agreement.id), officer);
    expect(await feedEntry(id)).toBeDefined();

    expect(await deleteEvent(deleteEventSchema.parse({ id, reason: "Logged twice." }), officer)).toMatchObject({ confirmation: "event.deleted" });
    expect(await feedEntry(id)).toBeUndefined();
    expect(await db.event.count()).toBe(0);
    expect((await getAgreementActivity(agreement.id))?.items).toEqual([]);
    expect((await db.agreement.findUniqueOrThrow({ where: { id: agreement.id } })).nextActivityAt).toBeNull();
    const audit = await db.auditLog.findFirstOrThrow({ where: { action: "event.delete", entityId: id } });
    expect(audit.details).toMatchObject({ reason: "Logged twice.", deleted: { title: "Kiel Week civic reception", place: "Kiel town hall", visibility: "PUBLIC", startsAt: "2027-06-20T16:00:00.000Z" } });
  });

  it("refuses without a reason (naming the field), a councillor, and a record that is already gone", async () => {
    const officer = await createStaff();
    const councillor = await createCouncillor();
    const agreement = await createAgreement({ createdBy: officer });
    const exchange = await logExchange(exchangeInput(agreement.id), officer);
    const event = await createEvent(eventInput(agreement.id), officer);

    for (const schema of [deleteExchangeSchema, deleteEventSchema]) {
      const parsed = schema.safeParse({ id: exchange.id, reason: "" });
      expect(parsed.error?.issues.map((issue) => [issue.path[0], issue.message])).toEqual([["reason", "Enter why it is being deleted: it is kept in the audit log"]]);
    }
    expect((await refusal(deleteExchange(deleteExchangeSchema.parse({ id: exchange.id, reason: "No." }), councillor))).code).toBe("FORBIDDEN");
    expect((await refusal(deleteEvent(deleteEventSchema.parse({ id: event.id, reason: "No." }), councillor))).code).toBe("FORBIDDEN");
    expect(await db.exchange.count()).toBe(1);
    expect(await db.event.count()).toBe(1);
    expect(await db.auditLog.count({ where: { action: { in: ["exchange.delete", "event.delete"] } } })).toBe(0);

    await deleteEvent(deleteEventSchema.parse({ id: event.id, reason: "Logged twice." }), officer);
    expect((await refusal(deleteEvent(deleteEventSchema.parse({ id: event.id, reason: "Again." }), officer))).code).toBe("NOT_FOUND");
  });
});
