// The exchanges and events exports over HTTP, through their route handlers: every page of the
// log, with the log's own filters and order, as CSV and as a workbook; a visitor is sent to sign
// in and an unknown format is refused.
// First: it installs the AsyncLocalStorage global that Next's modules expect when they load.
import { inRequest } from "../helpers/request-context";
import ExcelJS from "exceljs";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { GET as exportEvents } from "@/app/events/export/route";
import { GET as exportExchanges } from "@/app/exchanges/export/route";
import { startSession } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { PAGE_SIZE } from "@/lib/domain/pagination";
import { createAgreement, createCouncillor, createStaff, resetDatabase, type TestUser } from "../helpers/database";

vi.mock("next/cache", async () => (await import("../helpers/request-context")).nextCacheMock);

const SITE = "http://localhost:3000";

type Visitor = { cookies: Record<string, string> };
type Handler = (request: Request) => Promise<Response>;

async function sessionOf(user: TestUser): Promise<Visitor> {
  const record = await db.user.findUniqueOrThrow({ where: { id: user.id }, select: { id: true, email: true, name: true, role: true, sessionVersion: true } });
  const { setCookies } = await inRequest({}, () => startSession(record));
  return { cookies: setCookies };
}

async function download(handler: Handler, visitor: Visitor, path: string) {
  const { value } = await inRequest({ cookies: visitor.cookies, path }, async () => {
    const response = await handler(new Request(`${SITE}${path}`));
    return {
      status: response.status,
      location: response.headers.get("location"),
      type: response.headers.get("content-type"),
      disposition: response.headers.get("content-disposition"),
      bytes: new Uint8Array(await response.arrayBuffer()),
    };
  });
  return value;
}

function csvLines(bytes: Uint8Array): string[] {
  return new TextDecoder().decode(bytes).replace(/^\uFEFF/, "").trimEnd().split("\r\n");
}

let staff: TestUser;

beforeEach(async () => {
  await resetDatabase();
  staff = await createStaff();
});

describe("GET /exchanges/export", () => {
  it("exports every page the filters match, newest first, with costs as numbers, and nothing they exclude", async () => {
    const hamburg = await createAgreement({ createdBy: staff, partnerName: "Hamburg" });
    const lyon = await createAgreement({ createdBy: staff, partnerName: "Lyon" });
    // More school visits than one page of the log holds, all in 2026.
    const count = PAGE_SIZE + 3;
    await db.exchange.createMany({
      data: Array.from({ length: count }, (_, index) => ({
        agreementId: hamburg.id,
        kind: "SCHOOL_OR_YOUTH_EXCHANGE" as const,
        direction: "OUTBOUND" as const,
        startDate: new Date(Date.UTC(2026, 0, 1 + index)),
        participantCount: index + 1,
        cost: "1250.50",
        currency: "GBP",
        fundingSource: "COUNCIL_BUDGET" as const,
        purpose: "=HYPERLINK(\"x\")",
        createdById: staff.id,
      })),
    });
    // Excluded: another kind, another year.
    await db.exchange.create({ data: { agreementId: lyon.id, kind: "CULTURAL", direction: "INBOUND", startDate: new Date(Date.UTC(2026, 5, 1)), createdById: staff.id } });
    await db.exchange.create({ data: { agreementId: hamburg.id, kind: "SCHOOL_OR_YOUTH_EXCHANGE", direction: "INBOUND", startDate: new Date(Date.UTC(2025, 5, 1)), createdById: staff.id } });

    const path = "/exchanges/export?format=csv&kind=SCHOOL_OR_YOUTH_EXCHANGE&from=2026-01-01&to=2026-12-31";
    const csv = await download(exportExchanges, await sessionOf(staff), path);
    expect(csv.status).toBe(200);
    expect(csv.type).toMatch(/^text\/csv/);
    expect(csv.disposition).toMatch(/filename="exchanges-school-or-youth-exchange-from-2026-01-01-to-2026-12-31-\d{4}-\d{2}-\d{2}\.csv"/);
    const lines = csvLines(csv.bytes);
    expect(lines[0]).toBe("Start date,End date,Partner,Country,Agreement,Kind,Direction,Participants,Participants description,Cost,Currency,Funding source,Purpose,Outcomes,Visibility");
    expect(lines).toHaveLength(count + 1);
    expect(lines[1]).toMatch(new RegExp(`^2026-01-${String(count).padStart(2, "0")},,Hamburg,Germany,Hamburg link,`));
    expect(lines[1]).toContain(`,${count},,1250.5,GBP,`);
    // The formula guard: a purpose that starts with = is written as text.
    expect(lines[1]).toContain(`"'=HYPERLINK(""x"")"`);
    expect(lines.some((line) => line.includes("Lyon") || line.startsWith("2025-"))).toBe(false);

    const xlsx = await download(exportExchanges, await sessionOf(await createCouncillor()), path.replace("format=csv", "format=xlsx"));
    expect(xlsx.status).toBe(200);
    expect(xlsx.type).toBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(xlsx.bytes) as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet("Exchanges")!;
    expect(sheet.rowCount).toBe(count + 1);
    expect(sheet.getRow(2).getCell(3).value).toBe("Hamburg");
    expect(sheet.getRow(2).getCell(10).value).toBe(1250.5);
    expect(sheet.getRow(2).getCell(1).value).toEqual(new Date(Date.UTC(2026, 0, count)));
  });

  it("sends a visitor to sign in and back, and refuses a format it does not write", async () => {
    const visitor = await download(exportExchanges, { cookies: {} }, "/exchanges/export?format=csv&kind=SCHOOL_OR_YOUTH_EXCHANGE");
    expect(visitor.status).toBe(303);
    expect(visitor.location).toBe(`${SITE}/login?callbackUrl=${encodeURIComponent("/exchanges/export?format=csv&kind=SCHOOL_OR_YOUTH_EXCHANGE")}`);
    const pdf = await download(exportExchanges, await sessionOf(staff), "/exchanges/export?format=pdf");
    expect(pdf.status).toBe(400);
  });
});

describe("GET /events/export", () => {
  it("exports the filtered events with their local times and zone, and says which were cancelled", async () => {
    const hamburg = await createAgreement({ createdBy: staff, partnerName: "Hamburg" });
    await db.event.create({
      data: { agreementId: hamburg.id, title: "Charter anniversary", kind: "ANNIVERSARY", startsAt: new Date("2026-05-08T17:00:00Z"), timeZone: "Europe/Berlin", place: "Rathaus", visibility: "PUBLIC", createdById: staff.id },
    });
    await db.event.create({
      data: { title: "Festival stall", kind: "FESTIVAL", startsAt: new Date("2026-07-01T09:00:00Z"), cancelledAt: new Date("2026-06-01T09:00:00Z"), visibility: "PUBLIC", createdById: staff.id },
    });
    await db.event.create({ data: { title: "Internal planning", kind: "FESTIVAL", startsAt: new Date("2026-07-02T09:00:00Z"), createdById: staff.id } });

    const all = csvLines((await download(exportEvents, await sessionOf(staff), "/events/export?visibility=PUBLIC")).bytes);
    expect(all[0]).toBe("Starts (local time),Ends (local time),Time zone,Title,Kind,Partner,Place,Description,Visibility,Cancelled");
    expect(all.slice(1)).toEqual([
      "2026-07-01 10:00,,Europe/London,Festival stall,Festival,,,,Public,Cancelled",
      "2026-05-08 19:00,,Europe/Berlin,Charter anniversary,Anniversary,Hamburg,Rathaus,,Public,",
    ]);
    const searched = csvLines((await download(exportEvents, await sessionOf(staff), "/events/export?format=csv&q=hamburg")).bytes);
    expect(searched).toHaveLength(2);
    expect(searched[1]).toContain("Charter anniversary");
  });
});
