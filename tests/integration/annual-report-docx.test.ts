// The annual report as a Word document, through both route handlers: the staff copy for a signed-in
// reader (a visitor is sent to sign in), and the published copy for anyone once published (404
// before). Each file is unzipped and its word/document.xml read: a heading per section, the
// figures in tables, the chart as a table of figures, and in the published copy no internal record.
// First: it installs the AsyncLocalStorage global that Next's modules expect when they load.
import { inRequest } from "../helpers/request-context";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { GET as publishedDocx } from "@/app/annual-report/[year]/report.docx/route";
import { GET as staffDocx } from "@/app/reports/[year]/report.docx/route";
import { startSession } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { appendDecision } from "@/lib/decisions/chain";
import { publishReport } from "@/lib/reports/publish-report";
import { createAdmin, createAgreement, createStaff, resetDatabase, type TestUser } from "../helpers/database";
import { zipEntries, zipEntryText } from "../helpers/zip";

vi.mock("next/cache", async () => (await import("../helpers/request-context")).nextCacheMock);

const SITE = "http://localhost:3000";
const DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

let staff: TestUser;

async function cookiesOf(user: TestUser | null): Promise<Record<string, string>> {
  if (!user) return {};
  const record = await db.user.findUniqueOrThrow({ where: { id: user.id }, select: { id: true, email: true, name: true, role: true, sessionVersion: true } });
  return (await inRequest({}, () => startSession(record))).setCookies;
}

async function download(handler: typeof staffDocx, path: string, year: string, user: TestUser | null = null) {
  const { value } = await inRequest({ cookies: await cookiesOf(user), path }, async () => {
    const response = await handler(new Request(`${SITE}${path}`), { params: Promise.resolve({ year }) });
    return { status: response.status, type: response.headers.get("content-type"), disposition: response.headers.get("content-disposition"), location: response.headers.get("location"), body: Buffer.from(await response.arrayBuffer()) };
  });
  return value;
}

/** The document's visible text, paragraph by paragraph, and its tables as rows of cell texts. */
function readDocument(xml: string) {
  const text = (fragment: string) => [...fragment.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((match) => match[1]).join("");
  const headings = [...xml.matchAll(/<w:p>(?:(?!<\/w:p>).)*?<w:pStyle w:val="(Heading\d)"\/>(?:(?!<\/w:p>).)*<\/w:p>/gs)].map((match) => `${match[1]}: ${text(match[0])}`);
  const tables = [...xml.matchAll(/<w:tbl>.*?<\/w:tbl>/gs)].map((table) => [...table[0].matchAll(/<w:tr>.*?<\/w:tr>/gs)].map((row) => [...row[0].matchAll(/<w:tc>.*?<\/w:tc>/gs)].map((cell) => text(cell[0]))));
  return { headings, tables, all: text(xml) };
}

beforeEach(async () => {
  await resetDatabase();
  staff = await createStaff();
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(new Date("2023-06-01T10:00:00Z"));
  const link = await createAgreement({ createdBy: staff, partnerName: "Hamburg" });
  vi.setSystemTime(new Date("2024-05-01T10:00:00Z"));
  await db.$transaction(async (tx) => {
    await appendDecision(tx, { agreementId: link.id, kind: "STATUS_CHANGED", actorId: staff.id, fromStatus: "ACTIVE", toStatus: "SUSPENDED", reason: "INTERNAL: the leader asked", publicReason: "Elections in Hamburg." });
    await tx.agreement.update({ where: { id: link.id }, data: { status: "SUSPENDED" } });
  });
  vi.useRealTimers();
  await db.exchange.create({ data: { agreementId: link.id, kind: "CULTURAL", direction: "OUTBOUND", startDate: new Date("2024-03-01T00:00:00Z"), participantCount: 12, cost: "1234.50", currency: "GBP", fundingSource: "COUNCIL_BUDGET", visibility: "PUBLIC", createdById: staff.id } });
  await db.exchange.create({ data: { agreementId: link.id, kind: "SPORT", direction: "OUTBOUND", startDate: new Date("2024-04-01T00:00:00Z"), participantCount: 3, visibility: "INTERNAL", createdById: staff.id } });
  await db.event.create({ data: { title: "Confidential visit", kind: "CIVIC_VISIT", startsAt: new Date("2024-08-01T09:00:00Z"), agreementId: link.id, visibility: "INTERNAL", createdById: staff.id } });
});

describe("the annual report as .docx", () => {
  it("gives a signed-in reader the staff report: a heading per section, tables of figures, the chart as a table", async () => {
    const anonymous = await download(staffDocx, "/reports/2024/report.docx", "2024");
    expect(anonymous.status).toBe(303);
    expect(anonymous.location).toContain("/login?callbackUrl=%2Freports%2F2024%2Freport.docx");

    const file = await download(staffDocx, "/reports/2024/report.docx", "2024", staff);
    expect(file.status).toBe(200);
    expect(file.type).toBe(DOCX);
    expect(file.disposition).toBe('attachment; filename="annual-report-2024.docx"');
    expect(zipEntries(file.body)).toEqual(expect.arrayContaining(["[Content_Types].xml", "word/document.xml", "word/styles.xml"]));
    const document = readDocument(zipEntryText(file.body, "word/document.xml"));
    expect(document.headings).toEqual([
      "Heading1: Annual report 2024",
      "Heading2: Links active in 2024",
      "Heading3: Activity over five years",
      "Heading2: Decisions in 2024",
      "Heading3: New links",
      "Heading3: Amended links",
      "Heading3: Paused (suspended) links",
      "Heading3: Reinstated links",
      "Heading3: Ended links",
      "Heading2: Exchanges in 2024",
      "Heading3: Costs by funding source",
      "Heading2: Events in 2024",
      "Heading2: Dormant links",
      "Heading2: Partner confirmations in 2024",
    ]);
    expect(document.tables).toContainEqual([
      ["Partner", "Link"],
      ["Hamburg", "Hamburg link"],
    ]);
    expect(document.tables).toContainEqual([
      ["Date", "Partner", "Public reason"],
      ["1 May 2024", "Hamburg", "Elections in Hamburg."],
    ]);
    expect(document.tables).toContainEqual([
      ["Partner", "Kind", "Exchanges", "Participants"],
      ["Hamburg", "Cultural", "1", "12"],
      ["Hamburg", "Sport", "1", "3"],
    ]);
    expect(document.tables).toContainEqual([
      ["Funding source", "Total"],
      ["Council budget", "£1,234.50"],
    ]);
    expect(document.tables).toContainEqual([
      ["Year", "Exchanges", "Participants", "Events"],
      ["2020", "0", "0", "0"],
      ["2021", "0", "0", "0"],
      ["2022", "0", "0", "0"],
      ["2023", "0", "0", "0"],
      ["2024", "2", "15", "1"],
    ]);
    // The staff copy has the internal event; never an internal reason.
    expect(document.all).toContain("Confidential visit");
    expect(document.all).not.toContain("INTERNAL: the leader asked");
  });

  it("gives anyone the published report once published, and only its public facts", async () => {
    expect((await download(publishedDocx, "/annual-report/2024/report.docx", "2024")).status).toBe(404);
    expect((await download(publishedDocx, "/annual-report/24/report.docx", "24")).status).toBe(404);
    await publishReport({ year: 2024 }, await createAdmin());

    const file = await download(publishedDocx, "/annual-report/2024/report.docx", "2024");
    expect(file.status).toBe(200);
    expect(file.type).toBe(DOCX);
    expect(file.disposition).toBe('attachment; filename="annual-report-2024.docx"');
    const document = readDocument(zipEntryText(file.body, "word/document.xml"));
    expect(document.headings[0]).toBe("Heading1: Annual report 2024");
    expect(document.all).toMatch(/Published on \d{1,2} \w+ \d{4}/);
    expect(document.tables).toContainEqual([
      ["Partner", "Kind", "Exchanges", "Participants"],
      ["Hamburg", "Cultural", "1", "12"],
    ]);
    expect(document.all).not.toContain("Confidential visit");
    expect(document.all).not.toContain("INTERNAL: the leader asked");
  });
});
