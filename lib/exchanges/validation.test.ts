// The exchange and event schemas (lib/domain/validation/exchange.ts, event.ts): every problem at once,
// each message naming its field.
import { describe, expect, it } from "vitest";
import { createEventSchema, updateEventSchema } from "@/lib/domain/validation/event";
import { createExchangeSchema, updateExchangeSchema } from "@/lib/domain/validation/exchange";
import { agreementOptions } from "./agreement-choices";

const AGREEMENT = "5b8f0c1e-0000-4000-8000-000000000001";

function errors(result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }): Record<string, string> {
  return Object.fromEntries((result.error?.issues ?? []).map((issue) => [String(issue.path[0]), issue.message]));
}

const exchange = { agreementId: AGREEMENT, kind: "SPORT", direction: "INBOUND", startDate: "2025-05-17", visibility: "PUBLIC" };

describe("exchange schema", () => {
  it("reads a filled-in form, costs as people write them, GBP by default", () => {
    const result = createExchangeSchema.safeParse({ ...exchange, endDate: "2025-05-18", participantCount: "40", participantsDescription: " Kiel rowing club ", cost: "£1,200.50", currency: "", fundingSource: "SPONSOR", outcomes: "Regatta" });
    expect(result.success && result.data).toMatchObject({
      startDate: new Date("2025-05-17T00:00:00Z"),
      endDate: new Date("2025-05-18T00:00:00Z"),
      participantCount: 40,
      participantsDescription: "Kiel rowing club",
      cost: 1200.5,
      currency: "GBP",
      fundingSource: "SPONSOR",
    });
  });

  it("reports every problem at once: missing choices, end before start, negative numbers", () => {
    const result = createExchangeSchema.safeParse({ agreementId: "", kind: "", direction: "", startDate: "2025-05-17", endDate: "2025-05-10", participantCount: "-3", cost: "-10", currency: "pounds", visibility: "" });
    expect(errors(result)).toEqual({
      agreementId: "Choose the agreement this exchange took place under",
      kind: "Choose the kind of exchange",
      direction: "Choose the direction: inbound, outbound or joint",
      endDate: "End date must be the same as or after the start date",
      participantCount: "Number of participants cannot be negative",
      cost: "Cost cannot be negative",
      currency: "Currency must be a 3-letter ISO 4217 code, like GBP or EUR",
      visibility: "Choose whether the exchange is public or internal",
    });
  });

  it("explains a blank or impossible start date, fractions and fractions of a penny", () => {
    expect(errors(createExchangeSchema.safeParse({ ...exchange, startDate: "" })).startDate).toBe("Enter the start date");
    expect(errors(createExchangeSchema.safeParse({ ...exchange, startDate: "2025-02-30" })).startDate).toBe("Start date must be a real date, like 2024-03-31");
    expect(errors(createExchangeSchema.safeParse({ ...exchange, participantCount: "2.5" })).participantCount).toBe("Number of participants must be a whole number");
    expect(errors(createExchangeSchema.safeParse({ ...exchange, cost: "10.005" })).cost).toBe("Cost must be in whole pence or cents (at most 2 decimal places)");
    expect(errors(createExchangeSchema.safeParse({ ...exchange, cost: "lots" })).cost).toBe("Cost must be a number");
    expect(errors(createExchangeSchema.safeParse({ ...exchange, cost: "10000000000" })).cost).toBe("Cost must be 9,999,999,999.99 or less");
  });

  it("needs the time the edit form was loaded, for the concurrency check", () => {
    expect(errors(updateExchangeSchema.safeParse({ ...exchange, id: AGREEMENT, updatedAt: "yesterday" })).updatedAt).toBe("The form is out of date — reload the page");
    expect(updateExchangeSchema.safeParse({ ...exchange, id: AGREEMENT, updatedAt: "2026-11-28T08:00:00.123Z" }).success).toBe(true);
  });
});

const event = { title: "80 years of Coventry and Kiel", kind: "ANNIVERSARY", startsAt: "2027-05-08T19:00", timeZone: "Europe/London", visibility: "PUBLIC" };

describe("event schema", () => {
  it("stores the local time in its zone as UTC", () => {
    const result = createEventSchema.safeParse({ ...event, endsAt: "2027-05-08T22:00", agreementId: "", place: "", description: "" });
    expect(result.success && result.data).toMatchObject({ startsAt: new Date("2027-05-08T18:00:00Z"), endsAt: new Date("2027-05-08T21:00:00Z"), timeZone: "Europe/London" });
    expect(result.success && result.data.agreementId).toBeUndefined();
  });

  it("reports every problem at once, the times included", () => {
    const result = createEventSchema.safeParse({ title: "", kind: "", startsAt: "2027-05-08T19:00", endsAt: "2027-05-08T18:00", timeZone: "Europe/London", visibility: "", agreementId: "not-an-id" });
    expect(errors(result)).toEqual({
      title: "Enter the title of the event",
      kind: "Choose the kind of event",
      visibility: "Choose whether the event is public or internal",
      agreementId: "Choose an agreement from the list, or none",
      endsAt: "End date and time must be after the start",
    });
  });

  it("explains a missing start, an unknown zone, and a time the clocks skip", () => {
    expect(errors(createEventSchema.safeParse({ ...event, startsAt: "" })).startsAt).toBe("Enter the start date and time");
    expect(errors(createEventSchema.safeParse({ ...event, timeZone: "Mars/Olympus" })).timeZone).toBe("Choose a time zone from the list, like Europe/London");
    expect(errors(createEventSchema.safeParse({ ...event, startsAt: "2027-03-28T01:30" })).startsAt).toMatch(/^Start date and time does not exist in that time zone/);
    expect(errors(createEventSchema.safeParse({ ...event, startsAt: "2027-13-01T10:00" })).startsAt).toBe("Start date and time must be a real date and time, like 2027-05-08 19:00");
  });

  it("keeps id and updatedAt on an edit", () => {
    const result = updateEventSchema.safeParse({ ...event, id: AGREEMENT, updatedAt: "2026-11-28T08:00:00.123Z" });
    expect(result.success && result.data).toMatchObject({ id: AGREEMENT, updatedAt: new Date("2026-11-28T08:00:00.123Z"), startsAt: new Date("2027-05-08T18:00:00Z") });
  });
});

describe("agreementOptions", () => {
  it("labels by partner, notes a status other than Active, and tells apart two links with one partner", () => {
    expect(
      agreementOptions([
        { id: "3", status: "SUSPENDED", title: "Volgograd link", partner: { name: "Volgograd" } },
        { id: "1", status: "ACTIVE", title: "Kiel link", partner: { name: "Kiel" } },
        { id: "2", status: "ACTIVE", title: "Dresden link", partner: { name: "Dresden" } },
        { id: "4", status: "TERMINATED", title: "Dresden 1956", partner: { name: "Dresden" } },
      ]),
    ).toEqual([
      { value: "4", label: "Dresden — Dresden 1956 (terminated)" },
      { value: "2", label: "Dresden — Dresden link" },
      { value: "1", label: "Kiel" },
      { value: "3", label: "Volgograd (suspended)" },
    ]);
  });

  it("notes the status in the page's language", () => {
    expect(agreementOptions([{ id: "3", status: "SUSPENDED", title: "Volgograd link", partner: { name: "Volgograd" } }], "cy")).toEqual([{ value: "3", label: "Volgograd (wedi'i atal)" }]);
  });
});
