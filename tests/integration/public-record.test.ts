// Issue 24 items 1, 6 and 7 against a real database (whichever back end this run uses): What's on
// lists only public events, the soonest first, with a cancelled one marked until it would have
// ended; past events the latest first; a partner's events and calendar; the twinning costs file
// (£500 or more, public only, no person named); the statements and the council's contact.
import { beforeEach, describe, expect, it, vi } from "vitest";
import { markChanged } from "@/lib/cache";
import { updateStatements } from "@/lib/admin/update-statements";
import { getPublicStatements, getStatements } from "@/lib/data/statements";
import { listTwinningCosts } from "@/lib/data/twinning-costs";
import { getPublicEvent, parseWhatsOnQuery, partnerEvents, whatsOn } from "@/lib/data/whats-on";
import { db } from "@/lib/db";
import { cancelEventSchema, createEventSchema } from "@/lib/domain/validation/event";
import { createExchangeSchema } from "@/lib/domain/validation/exchange";
import { statementsSchema } from "@/lib/domain/validation/statements";
import { cancelEvent } from "@/lib/events/cancel-event";
import { createEvent } from "@/lib/events/create-event";
import { logExchange } from "@/lib/exchanges/log-exchange";
import { eventsCalendar } from "@/lib/open-data/events-feed";
import { twinningCostsCsv } from "@/lib/open-data/twinning-costs";
import { createAdmin, createAgreement, createStaff, resetDatabase } from "../helpers/database";

vi.mock("next/cache", async () => (await import("../helpers/request-context")).nextCacheMock);
vi.mock("next-intl/server", async () => {
  const { createTranslator } = await import("next-intl");
  const { messagesFor } = await import("@/lib/i18n/messages");
  return { getTranslations: async (namespace: string) => createTranslator({ locale: "en-GB", messages: messagesFor("en"), namespace: namespace as never }) };
});

beforeEach(async () => {
  await resetDatabase();
  markChanged();
});

/** The test's clock: every read is asked "as of" this moment, never today. */
const NOW = new Date("2027-03-01T12:00:00Z");

async function event(officer: Awaited<ReturnType<typeof createStaff>>, agreementId: string | undefined, title: string, startsAt: string, fields: Record<string, string> = {}) {
  const { id } = await createEvent(
    createEventSchema.parse({ title, kind: "FESTIVAL", startsAt, endsAt: "", timeZone: "Europe/London", place: "Town hall", description: "", visibility: "PUBLIC", agreementId: agreementId ?? "", ...fields }),
    officer,
  );
  return id;
}

describe("What's on", () => {
  it("lists only public events, the soonest first; a cancelled one says so until it would have ended; past events the latest first", async () => {
    const officer = await createStaff();
    const kiel = await createAgreement({ createdBy: officer, partnerName: "Kiel" });
    const dresden = await createAgreement({ createdBy: officer, partnerName: "Dresden" });
    const draft = await createAgreement({ createdBy: officer, partnerName: "Mariupol", status: "DRAFT" });

    const later = await event(officer, kiel.id, "Kiel Week reception", "2027-06-20T18:00");
    const sooner = await event(officer, dresden.id, "Dresden choir concert", "2027-04-02T19:00");
    const internal = await event(officer, kiel.id, "Planning meeting", "2027-03-10T10:00", { visibility: "INTERNAL" });
    const cancelled = await event(officer, kiel.id, "Harbour festival", "2027-05-01T12:00");
    await cancelEvent(cancelEventSchema.parse({ id: cancelled, reason: "Budget", publicReason: "Moved to next year." }), officer, new Date("2027-02-01T09:00:00Z"));
    const old = await event(officer, kiel.id, "Charter anniversary", "2026-10-01T18:00");
    const older = await event(officer, dresden.id, "Christmas market visit", "2025-12-05T10:00");
    const oldCancelled = await event(officer, dresden.id, "Called-off visit", "2026-11-01T10:00");
    await cancelEvent(cancelEventSchema.parse({ id: oldCancelled, reason: "Snow", publicReason: "" }), officer, new Date("2026-10-20T09:00:00Z"));
    const ofDraft = await event(officer, draft.id, "Mariupol solidarity concert", "2027-04-10T19:00");

    const upcoming = await whatsOn("upcoming", { page: 1 }, NOW);
    const titles = upcoming.events.items.map((item) => item.title);
    expect(upcoming.events.items.map((item) => item.id)).toEqual(expect.arrayContaining([sooner, cancelled, later]));
    expect(titles.indexOf("Dresden choir concert")).toBeLessThan(titles.indexOf("Harbour festival"));
    expect(titles.indexOf("Harbour festival")).toBeLessThan(titles.indexOf("Kiel Week reception"));
    expect(upcoming.events.items.map((item) => item.id)).not.toContain(internal);
    expect(upcoming.events.items.find((item) => item.id === cancelled)).toMatchObject({ cancelledAt: expect.any(Date), cancellationPublicReason: "Moved to next year." });
    // The calendar feed's rule: a public event of a link still in draft is listed, but never with its partner.
    const draftEvent = upcoming.events.items.find((item) => item.id === ofDraft);
    expect(draftEvent?.partner).toBeNull();
    expect(upcoming.partners.map((partner) => partner.name)).toEqual(["Dresden", "Kiel"]);

    // A moment after the cancelled festival would have ended, it is gone from both lists.
    const afterFestival = await whatsOn("upcoming", { page: 1 }, new Date("2027-05-01T12:00:01Z"));
    expect(afterFestival.events.items.map((item) => item.id)).not.toContain(cancelled);

    const past = await whatsOn("past", { page: 1 }, NOW);
    expect(past.events.items.map((item) => item.id)).toEqual([old, older]);
    expect((await whatsOn("past", { page: 1 }, new Date("2027-05-02T00:00:00Z"))).events.items.map((item) => item.id)).not.toContain(cancelled);
  });

  it("filters by partner (an unknown partner is ignored), and a partner's page and calendar carry its own events only", async () => {
    const officer = await createStaff();
    const kiel = await createAgreement({ createdBy: officer, partnerName: "Kiel" });
    const dresden = await createAgreement({ createdBy: officer, partnerName: "Dresden" });
    const kielEvent = await event(officer, kiel.id, "Kiel Week reception", "2027-06-20T18:00");
    const kielPast = await event(officer, kiel.id, "Charter anniversary", "2026-10-01T18:00");
    await event(officer, dresden.id, "Dresden choir concert", "2027-04-02T19:00");
    const slug = (await db.partner.findUniqueOrThrow({ where: { id: kiel.partnerId }, select: { slug: true } })).slug;

    const filtered = await whatsOn("upcoming", parseWhatsOnQuery({ partner: slug }, 1), NOW);
    expect(filtered.partner?.name).toBe("Kiel");
    expect(filtered.events.items.map((item) => item.id)).toEqual([kielEvent]);
    const unknown = await whatsOn("upcoming", parseWhatsOnQuery({ partner: "constructor" }, 1), NOW);
    expect(unknown.partner).toBeNull();
    expect(unknown.events.total).toBe(2);

    const own = await partnerEvents(slug, NOW);
    expect(own.upcoming.map((item) => item.id)).toEqual([kielEvent]);
    expect(own.past.map((item) => item.id)).toEqual([kielPast]);
    const feed = eventsCalendar(own.all, { origin: "https://twinning.example.org", councilName: "Coventry City Council", partnerName: "Kiel" });
    expect(feed).toContain("X-WR-CALNAME:Coventry City Council: twinning events with Kiel");
    expect(feed).toContain(`UID:event-${kielEvent}@twinning-office`);
    expect(feed).not.toContain("Dresden choir concert");

    // "Add to calendar": one public event; an internal one has no file.
    expect((await getPublicEvent(kielEvent))?.title).toBe("Kiel Week reception");
    const internal = await event(officer, kiel.id, "Planning meeting", "2027-03-10T10:00", { visibility: "INTERNAL" });
    expect(await getPublicEvent(internal)).toBeNull();
  });

  it("pages past events 25 at a time", async () => {
    const officer = await createStaff();
    const kiel = await createAgreement({ createdBy: officer, partnerName: "Kiel" });
    for (let day = 1; day <= 27; day += 1) await event(officer, kiel.id, `Visit ${day}`, `2026-01-${String(day).padStart(2, "0")}T10:00`);
    const first = await whatsOn("past", { page: 1 }, NOW);
    expect(first.events).toMatchObject({ total: 27, pageCount: 2, page: 1 });
    expect(first.events.items[0]?.title).toBe("Visit 27");
    const second = await whatsOn("past", { page: 9 }, NOW);
    expect(second.events.page).toBe(2);
    expect(second.events.items.map((item) => item.title)).toEqual(["Visit 2", "Visit 1"]);
  });
});

describe("twinning costs", () => {
  it("publishes public exchanges of public links costing £500 or more, latest first, naming no person", async () => {
    const officer = await createStaff({ name: "Olwen Officer" });
    const kiel = await createAgreement({ createdBy: officer, partnerName: "Kiel" });
    const exchange = (fields: Record<string, string>) =>
      logExchange(
        createExchangeSchema.parse({
          agreementId: kiel.id,
          kind: "CULTURAL",
          direction: "OUTBOUND",
          startDate: "2026-05-01",
          participantsDescription: "Jane Doe and the youth choir",
          cost: "500",
          currency: "GBP",
          fundingSource: "COUNCIL_BUDGET",
          purpose: "Youth choir tour",
          outcomes: "",
          visibility: "PUBLIC",
          ...fields,
        }),
        officer,
      );
    const atThreshold = await exchange({});
    const later = await exchange({ startDate: "2026-09-01", cost: "1250.50", currency: "EUR", purpose: "Kiel Week delegation", kind: "DELEGATION_VISIT" });
    await exchange({ cost: "499.99", purpose: "Below the threshold" });
    await exchange({ cost: "9000", visibility: "INTERNAL", purpose: "Internal" });
    await exchange({ cost: "", purpose: "No cost" });
    const draft = await createAgreement({ createdBy: officer, partnerName: "Mariupol", status: "DRAFT" });
    await db.exchange.create({ data: { agreementId: draft.id, kind: "HUMANITARIAN_AID", direction: "OUTBOUND", startDate: new Date("2026-06-01"), cost: "20000", currency: "GBP", visibility: "PUBLIC", purpose: "Draft link", createdById: officer.id } });

    const costs = await listTwinningCosts();
    expect(costs.map((cost) => cost.id)).toEqual([later.id, atThreshold.id]);
    expect(costs[0]).toMatchObject({ amount: "1250.50", currency: "EUR", purpose: "Kiel Week delegation", partner: { name: "Kiel" } });

    const csv = twinningCostsCsv(costs, "https://twinning.example.org");
    const [header, ...rows] = csv.trimEnd().split("\r\n");
    expect(header).toBe("exchange_id,date,end_date,partner,partner_country,kind,purpose,amount,currency,funding_source,partner_page");
    expect(rows).toHaveLength(2);
    expect(rows[0]).toContain(",2026-09-01,,Kiel,DE,Delegation visit,Kiel Week delegation,1250.50,EUR,Council budget,https://twinning.example.org/partners/");
    expect(rows[1]).toContain(",500.00,GBP,");
    for (const name of ["Jane Doe", "Olwen Officer", officer.email, "Below the threshold", "Internal", "Draft link", "No cost"]) expect(csv).not.toContain(name);
  });
});

describe("the statements and the council's contact", () => {
  it("generates them from the settings until an admin writes the council's own; the contact is saved and cleared", async () => {
    const admin = await createAdmin();
    await db.councilSettings.upsert({ where: { id: 1 }, update: { councilName: "Coventry City Council", participantsMonths: 18 }, create: { id: 1, councilName: "Coventry City Council", participantsMonths: 18 } });
    markChanged();

    const generated = await getStatements("https://twinning.example.org");
    expect(generated.accessibility.edited).toBe(false);
    expect(generated.accessibility.text).toContain("This website is fully compliant with the Web Content Accessibility Guidelines version 2.2 AA standard.");
    expect(generated.accessibility.text).toContain("## Enforcement procedure");
    expect(generated.accessibility.text).toContain("https://twinning.example.org");
    expect(generated.privacy.text).toContain("removed 18 months after the exchange ended");
    expect(generated.privacy.text).toContain("the council's twinning office");

    await updateStatements(statementsSchema.parse({ contactAddress: "twinning@coventry.gov.uk", accessibilityStatement: "## Our own\n\nWritten by the council.", privacyNotice: "" }), admin);
    markChanged();
    const edited = await getStatements("https://twinning.example.org");
    expect(edited.accessibility).toMatchObject({ edited: true, text: "## Our own\n\nWritten by the council." });
    expect(edited.privacy.edited).toBe(false);
    expect(edited.privacy.text).toContain("contact us: twinning@coventry.gov.uk");
    expect(await getPublicStatements()).toMatchObject({ contactAddress: "twinning@coventry.gov.uk", privacyNotice: null });
    const audit = await db.auditLog.findFirstOrThrow({ where: { action: "settings.statements" } });
    expect(audit.actorId).toBe(admin.id);

    await updateStatements(statementsSchema.parse({ contactAddress: "", accessibilityStatement: "", privacyNotice: "" }), admin);
    markChanged();
    expect(await getPublicStatements()).toMatchObject({ contactAddress: null, accessibilityStatement: null, privacyNotice: null });
  });
});
