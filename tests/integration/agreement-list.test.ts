// The agreements list (lib/data/agreements.ts): one SQL statement per page, with each row's
// partner, open proposal and dormancy; the filters, orders and count that the page and the
// exports share. On both back ends.
import { beforeEach, describe, expect, it, vi } from "vitest";
import { listAgreements, parseAgreementFilters } from "@/lib/data/agreements";
import { listAgreementsForExport } from "@/lib/export/agreements";
import { markChanged } from "@/lib/cache";
import { db } from "@/lib/db";
import { PAGE_SIZE } from "@/lib/domain/pagination";
import { createAgreement, createStaff, resetDatabase } from "../helpers/database";

vi.mock("next/cache", async () => (await import("../helpers/request-context")).nextCacheMock);

beforeEach(async () => {
  await resetDatabase();
  // The count is kept a few seconds per filter; each test starts with its own data.
  markChanged();
});

const names = async (params: Record<string, string>) => (await listAgreements(parseAgreementFilters(params))).items.map((row) => row.partner.name);

describe("listAgreements", () => {
  it("filters by status, type, country and partner name, and counts the matches", async () => {
    const staff = await createStaff();
    const active = await createAgreement({ createdBy: staff, partnerName: "Annecy" });
    await createAgreement({ createdBy: staff, partnerName: "Bonn", relationshipType: "SISTER_CITY" });
    await createAgreement({ createdBy: staff, partnerName: "Cork", status: "SUSPENDED" });
    await db.partner.update({ where: { id: (await db.agreement.findUniqueOrThrow({ where: { id: active.id }, select: { partnerId: true } })).partnerId }, data: { country: "FR" } });

    expect(await names({})).toEqual(["Annecy", "Bonn", "Cork"]);
    expect(await names({ status: "SUSPENDED" })).toEqual(["Cork"]);
    expect(await names({ type: "SISTER_CITY" })).toEqual(["Bonn"]);
    expect(await names({ country: "fr" })).toEqual(["Annecy"]);
    expect(await names({ q: "ONN" })).toEqual(["Bonn"]);
    const page = await listAgreements(parseAgreementFilters({ status: "ACTIVE" }));
    expect(page.total).toBe(2);
    expect(page.items[0]).toMatchObject({ status: "ACTIVE", relationshipType: "TWIN_TOWN", partner: { name: "Annecy", country: "FR" }, openProposal: null, dormant: false });
  });

  it("takes % and _ in the partner-name search literally", async () => {
    const staff = await createStaff();
    await createAgreement({ createdBy: staff, partnerName: "100% Town" });
    await createAgreement({ createdBy: staff, partnerName: "1000 Town" });
    await createAgreement({ createdBy: staff, partnerName: "Port_Town" });
    await createAgreement({ createdBy: staff, partnerName: "Portxtown" });
    expect(await names({ q: "100%" })).toEqual(["100% Town"]);
    expect(await names({ q: "t_t" })).toEqual(["Port_Town"]);
  });

  it("searches the title, partner name, region, country and themes by name (English and the page's language)", async () => {
    const staff = await createStaff();
    const lublin = await createAgreement({ createdBy: staff, partnerName: "Lublin" });
    const lille = await createAgreement({ createdBy: staff, partnerName: "Lille" });
    await createAgreement({ createdBy: staff, partnerName: "Kiel" });
    const partnerOf = async (id: string) => (await db.agreement.findUniqueOrThrow({ where: { id }, select: { partnerId: true } })).partnerId;
    await db.partner.update({ where: { id: await partnerOf(lublin.id) }, data: { country: "PL", region: "Lublin Voivodeship" } });
    await db.agreement.update({ where: { id: lublin.id }, data: { title: "Coventry–Lublin", themes: ["EDUCATION", "CULTURE", "YOUTH"] } });
    await db.partner.update({ where: { id: await partnerOf(lille.id) }, data: { country: "FR", region: "Hauts-de-France", localName: "Rijsel", localNameLanguage: "nl" } });

    expect(await names({ q: "Poland" })).toEqual(["Lublin"]);
    expect(await names({ q: "poland" })).toEqual(["Lublin"]);
    expect(await names({ q: "Coventry–Lublin" })).toEqual(["Lublin"]);
    expect(await names({ q: "Coventry-Lublin" })).toEqual(["Lublin"]);
    expect(await names({ q: "voivodeship" })).toEqual(["Lublin"]);
    expect(await names({ q: "Hauts-de" })).toEqual(["Lille"]);
    expect(await names({ q: "rijsel" })).toEqual(["Lille"]);
    expect(await names({ q: "education" })).toEqual(["Lublin"]);
    // The theme for young people, by its label ("youth" found nothing before there was one).
    expect(await names({ q: "youth" })).toEqual(["Lublin"]);
    expect(await names({ q: "culture" })).toEqual(["Kiel", "Lille", "Lublin"]);
    expect(await names({ q: "Germany" })).toEqual(["Kiel"]);
    expect(await names({ q: "Kiel link" })).toEqual(["Kiel"]);
    // The page's language: a Welsh page finds the theme by its Welsh label, a French one the country.
    const inLanguage = async (q: string, locale: "cy" | "fr") => (await listAgreements({ ...parseAgreementFilters({ q }), locale })).items.map((row) => row.partner.name);
    expect(await inLanguage("Addysg", "cy")).toEqual(["Lublin"]);
    expect(await inLanguage("ieuenctid", "cy")).toEqual(["Lublin"]);
    expect(await inLanguage("youth", "cy")).toEqual(["Lublin"]);
    expect(await inLanguage("Pologne", "fr")).toEqual(["Lublin"]);
    expect(await names({ q: "Pologne" })).toEqual([]);
    // Combined with the filters, and counted alike.
    const page = await listAgreements(parseAgreementFilters({ q: "France", status: "ACTIVE" }));
    expect([page.total, page.items.map((row) => row.partner.name)]).toEqual([1, ["Lille"]]);
  });

  it("orders as asked, ties by id, and pages with a total", async () => {
    const staff = await createStaff();
    for (let index = 0; index < PAGE_SIZE + 2; index += 1) await createAgreement({ createdBy: staff, partnerName: `Town ${String(index).padStart(2, "0")}` });
    const first = await listAgreements({ ...parseAgreementFilters({}), page: 1 });
    const second = await listAgreements({ ...parseAgreementFilters({}), page: 2 });
    expect(first.total).toBe(PAGE_SIZE + 2);
    expect(first.pageCount).toBe(2);
    expect(first.items.map((row) => row.partner.name)).toEqual(Array.from({ length: PAGE_SIZE }, (_, index) => `Town ${String(index).padStart(2, "0")}`));
    expect(second.items.map((row) => row.partner.name)).toEqual([`Town ${PAGE_SIZE}`, `Town ${PAGE_SIZE + 1}`]);
    const latest = await db.agreement.findFirstOrThrow({ where: { partner: { name: "Town 07" } }, select: { id: true } });
    await db.agreement.update({ where: { id: latest.id }, data: { title: "Renamed" } });
    expect((await names({ sort: "updated" }))[0]).toBe("Town 07");
  });

  it("shows an open proposal and dormancy on the row, and the dormant filter finds the same links", async () => {
    const staff = await createStaff();
    const quiet = await createAgreement({ createdBy: staff, partnerName: "Quiet" });
    const busy = await createAgreement({ createdBy: staff, partnerName: "Busy" });
    const longAgo = new Date(Date.UTC(2001, 0, 1));
    await db.agreement.updateMany({ where: { id: { in: [quiet.id, busy.id] } }, data: { linkBegan: longAgo } });
    await db.exchange.create({ data: { agreementId: busy.id, createdById: staff.id, kind: "CULTURAL", direction: "OUTBOUND", startDate: new Date(Date.now() - 30 * 24 * 60 * 60 * 1000) } });
    await db.proposal.create({ data: { agreementId: busy.id, kind: "SUSPENSION", proposerId: staff.id, reason: "Paused by both councils" } });

    const rows = (await listAgreements(parseAgreementFilters({}))).items;
    expect(rows.map((row) => [row.partner.name, row.dormant, row.openProposal])).toEqual([
      ["Busy", false, "SUSPENSION"],
      ["Quiet", true, null],
    ]);
    expect(await names({ dormant: "1" })).toEqual(["Quiet"]);
    expect((await listAgreements(parseAgreementFilters({ dormant: "1" }))).total).toBe(1);
  });
});

describe("listAgreementsForExport", () => {
  it("exports every match in the list's order with the partner's name and country", async () => {
    const staff = await createStaff();
    await createAgreement({ createdBy: staff, partnerName: "Zell" });
    await createAgreement({ createdBy: staff, partnerName: "Aalen", status: "SUSPENDED" });
    const rows = await listAgreementsForExport(parseAgreementFilters({ sort: "partner" }));
    expect(rows.map((row) => [row.partner.name, row.partner.country, row.status])).toEqual([
      ["Aalen", "DE", "SUSPENDED"],
      ["Zell", "DE", "ACTIVE"],
    ]);
    expect(rows[0]!.title).toBe("Aalen link");
  });
});
