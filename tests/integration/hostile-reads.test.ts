// The reads behind pages given hostile page segments and query strings (issue 17, finding 6):
// each answers "nothing" or ignores the value instead of sending the database something it
// refuses — a NUL, a string that is not a UUID, an enum value such as "constructor" (which `in`
// let through) — which was a 500. On both back ends.
import { beforeEach, describe, expect, it, vi } from "vitest";
import { markChanged } from "@/lib/cache";
import { getAgreementActivity } from "@/lib/data/activity";
import { getAgreement, listAgreements, parseAgreementFilters } from "@/lib/data/agreements";
import { getEvent, listEvents, parseEventFilters } from "@/lib/data/events";
import { getExchange, listExchanges, parseExchangeFilters } from "@/lib/data/exchanges";
import { getPublicPartner } from "@/lib/data/public";
import { getUser } from "@/lib/data/users";
import { createAgreement, createStaff, resetDatabase } from "../helpers/database";

vi.mock("next/cache", async () => (await import("../helpers/request-context")).nextCacheMock);

beforeEach(async () => {
  await resetDatabase();
  markChanged();
});

const NOT_UUIDS = ["-".repeat(36), "0".repeat(36), "a\u0000b", "%ff", "constructor", "x".repeat(5000), "00000000-0000-0000-0000-00000000000g"];
const INHERITED = ["constructor", "__proto__", "toString", "hasOwnProperty"];

describe("reads given hostile values", () => {
  it("finds no record for an id that is not a UUID", async () => {
    for (const id of NOT_UUIDS) {
      expect(await getAgreement(id), id).toBeNull();
      expect(await getAgreementActivity(id), id).toBeNull();
      expect(await getEvent(id), id).toBeNull();
      expect(await getExchange(id), id).toBeNull();
      expect(await getUser(id), id).toBeNull();
    }
  });

  it("finds no partner for a slug with a NUL or other control character", async () => {
    for (const slug of ["a\u0000b", "\u0000", "kiel\u001b", "%ff", "../", "\u3000"]) expect(await getPublicPartner(slug), JSON.stringify(slug)).toBeNull();
  });

  it("lists as unfiltered when a filter names an inherited property", async () => {
    const staff = await createStaff();
    await createAgreement({ createdBy: staff, partnerName: "Annecy" });
    for (const name of INHERITED) {
      const agreements = await listAgreements({ ...parseAgreementFilters({ status: name, type: name, sort: name, country: name }), page: 1 });
      expect(agreements.items.map((row) => row.partner.name), name).toEqual(["Annecy"]);
      expect((await listExchanges({ ...parseExchangeFilters({ kind: name, visibility: name, agreement: name }), page: 1 })).total).toBe(0);
      expect((await listEvents({ ...parseEventFilters({ kind: name, visibility: name, agreement: name }), page: 1 })).total).toBe(0);
    }
  });
});
