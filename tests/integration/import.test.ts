// The spreadsheet import (lib/import) against a real database, on whichever back end this run
// uses: a good file, a file with one bad row (nothing written), a re-import (no duplicates), a
// workbook, and a 5,000-row file within the size limit.
import ExcelJS from "exceljs";
import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { AppError } from "@/lib/domain/errors";
import { MAX_FILE_BYTES } from "@/lib/import/limits";
import { previewImport, runImport } from "@/lib/import/import-agreements";
import { wordImportMessages, wordRowProblem } from "@/lib/import/import-messages";
import { backend, createAgreement, createCouncillor, createStaff, resetDatabase, rowCounts } from "../helpers/database";

beforeEach(resetDatabase);

const HEADER = "Partner name,Country,Region,Locality type,Relationship type,Link began,Formalised on,Themes,Review date,Public summary";

function csvFile(name: string, rows: string[], header = HEADER) {
  return { name, bytes: new TextEncoder().encode(`\uFEFF${header}\r\n${rows.join("\r\n")}\r\n`) };
}

const GOOD_ROWS = [
  "Kiel,DE,Schleswig-Holstein,City,Twin town,1947,1967-01-01,Reconciliation; Culture,2020-03-31,Our oldest German link.",
  "Łódź,Poland,,City,Partnership,1994,,,,Polish partner",
  '"São Tomé",ST,,Town,Friendship city,01/06/2001,,,,"Friends, since 2001"',
];

describe(`importing a spreadsheet (${backend()})`, () => {
  it("checks every row without writing, then imports the rows as Active agreements with an Imported decision and an audit row", async () => {
    const staff = await createStaff();
    const before = await rowCounts();
    const preview = await previewImport(csvFile("partners-2026.csv", GOOD_ROWS), staff);
    expect(preview.ok).toBe(true);
    if (!preview.ok) return;
    expect(preview.check).toMatchObject({ fileName: "partners-2026.csv", rowCount: 3, readyCount: 3, presentCount: 0, problemCount: 0 });
    expect(preview.check.ready.map((row) => [row.rowNumber, row.partnerName, row.country, row.relationshipType, row.newPartner])).toEqual([
      [2, "Kiel", "DE", "TWIN_TOWN", true],
      [3, "Łódź", "PL", "PARTNERSHIP", true],
      [4, "São Tomé", "ST", "FRIENDSHIP_CITY", true],
    ]);
    expect(await rowCounts()).toEqual(before);

    const result = await runImport(csvFile("partners-2026.csv", GOOD_ROWS), staff, { ip: "192.0.2.1" });
    expect(result).toEqual({ ok: true, fileName: "partners-2026.csv", created: 3, present: 0, newPartners: 3 });

    const agreements = await db.agreement.findMany({
      orderBy: { linkBegan: "asc" },
      select: {
        status: true,
        relationshipType: true,
        title: true,
        themes: true,
        linkBegan: true,
        formalisedOn: true,
        reviewDate: true,
        publicSummary: true,
        createdById: true,
        statusDecisionId: true,
        partner: { select: { name: true, country: true, region: true, kind: true, slug: true } },
        decisions: { select: { id: true, kind: true, fromStatus: true, toStatus: true, reason: true, actorId: true } },
      },
    });
    expect(agreements.map((agreement) => agreement.partner.name)).toEqual(["Kiel", "Łódź", "São Tomé"]);
    expect(agreements.map((agreement) => agreement.linkBegan?.getUTCFullYear())).toEqual([1947, 1994, 2001]);
    const kiel = agreements[0]!;
    expect(kiel).toMatchObject({
      status: "ACTIVE",
      relationshipType: "TWIN_TOWN",
      title: "Twin town: Kiel",
      themes: ["RECONCILIATION", "CULTURE"],
      linkBegan: new Date("1947-01-01T00:00:00Z"),
      formalisedOn: new Date("1967-01-01T00:00:00Z"),
      reviewDate: new Date("2020-03-31T00:00:00Z"),
      publicSummary: "Our oldest German link.",
      createdById: staff.id,
      partner: { name: "Kiel", country: "DE", region: "Schleswig-Holstein", kind: "CITY", slug: "kiel" },
    });
    for (const agreement of agreements) {
      expect(agreement.status).toBe("ACTIVE");
      expect(agreement.decisions).toHaveLength(1);
      const [decision] = agreement.decisions;
      expect(decision).toMatchObject({ kind: "IMPORTED", fromStatus: null, toStatus: "ACTIVE", actorId: staff.id });
      expect(decision!.reason).toContain("“partners-2026.csv”");
      expect(agreement.statusDecisionId).toBe(decision!.id);
    }
    expect(agreements[2]!.linkBegan).toEqual(new Date("2001-06-01T00:00:00Z"));
    expect(agreements[1]!.partner.slug).toBe("łodz");

    const audit = await db.auditLog.findMany({ where: { action: "agreement.import" }, select: { actorId: true, ip: true, details: true } });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actorId: staff.id, ip: "192.0.2.1", details: { fileName: "partners-2026.csv", rows: 3, created: 3, alreadyPresent: 0, newPartners: 3 } });
  });

  it("writes nothing when one row is bad (all or nothing), and names the bad row", async () => {
    const staff = await createStaff();
    const before = await rowCounts();
    const rows = [...GOOD_ROWS, "Germny town,Germny,,,Twin town,1990,,,,", "Dresden,DE,,,Twin town,1956,,,,"];
    const preview = await previewImport(csvFile("with-a-typo.csv", rows), staff);
    const problems = preview.ok ? preview.check.problems : [];
    expect(problems.map((problem) => wordRowProblem(problem, "en"))).toEqual(["row 5: country 'Germny' is not a known country"]);
    // Kept as a message key and what was typed, so a Welsh page words it in Welsh.
    expect(problems.map((problem) => wordRowProblem(problem, "cy"))).toEqual(["rhes 5: nid yw'r wlad 'Germny' yn wlad hysbys"]);
    expect(preview.ok && [preview.check.readyCount, preview.check.problemCount, preview.check.problemRowCount]).toEqual([4, 1, 1]);

    const result = await runImport(csvFile("with-a-typo.csv", rows), staff);
    expect(result.ok).toBe(false);
    expect(!result.ok && wordImportMessages(result.messages, "en")).toBe("Nothing was imported: 1 row has a problem. Correct the file and check it again.");
    expect(!result.ok && wordImportMessages(result.messages, "cy")).toBe("Ni fewnforiwyd dim: mae gan 1 rhes broblem. Cywirwch y ffeil a'i gwirio eto.");
    expect(!result.ok && result.check?.problems.map((problem) => wordRowProblem(problem, "en"))).toEqual(["row 5: country 'Germny' is not a known country"]);
    expect(await rowCounts()).toEqual(before);
  });

  it("rolls the whole file back when the database refuses a row part-way", async () => {
    const staff = await createStaff();
    // The partners are written first; then the agreements fail (an actor who is not in the
    // database breaks their foreign key). The partners must not stay behind.
    const ghost = { ...staff, id: "00000000-0000-4000-8000-000000000000" };
    const before = await rowCounts();
    await expect(runImport(csvFile("partners.csv", GOOD_ROWS), ghost)).rejects.toThrow();
    expect(await rowCounts()).toEqual(before);
  });

  it("re-importing the same file adds nothing: its rows are already present", async () => {
    const staff = await createStaff();
    expect(await runImport(csvFile("partners.csv", GOOD_ROWS), staff)).toMatchObject({ ok: true, created: 3 });
    const afterFirst = await rowCounts();

    const preview = await previewImport(csvFile("partners.csv", GOOD_ROWS), staff);
    expect(preview.ok && [preview.check.readyCount, preview.check.presentCount]).toEqual([0, 3]);
    expect(preview.ok && preview.check.present.map((row) => row.existingStatus)).toEqual(["ACTIVE", "ACTIVE", "ACTIVE"]);

    const again = await runImport(csvFile("partners.csv", GOOD_ROWS), staff);
    expect(again).toEqual({ ok: true, fileName: "partners.csv", created: 0, present: 3, newPartners: 0 });
    expect(await rowCounts()).toEqual(afterFirst);

    // The same file with one new row: only that row is added. Names match whatever the case or spacing.
    const grown = [...GOOD_ROWS.map((row) => row.replace(/^Kiel,/, "KIEL ,")), "Dresden,DE,,,Twin town,1956,,,,"];
    expect(await runImport(csvFile("partners.csv", grown), staff)).toMatchObject({ ok: true, created: 1, present: 3, newPartners: 1 });
    expect(await db.partner.count()).toBe(4);
    expect(await db.agreement.count()).toBe(4);
  });

  it("adds a link of another type to an existing partner instead of a second partner", async () => {
    const staff = await createStaff();
    const existing = await createAgreement({ partnerName: "Kiel", relationshipType: "TWIN_TOWN", createdBy: staff });
    const rows = ["Kiel,DE,,,Twin town,,,,,", "Kiel,DE,,,Friendship city,,,,,"];
    const preview = await previewImport(csvFile("kiel.csv", rows), staff);
    expect(preview.ok && preview.check.present.map((row) => row.rowNumber)).toEqual([2]);
    expect(preview.ok && preview.check.ready.map((row) => [row.rowNumber, row.newPartner])).toEqual([[3, false]]);
    expect(await runImport(csvFile("kiel.csv", rows), staff)).toMatchObject({ ok: true, created: 1, present: 1, newPartners: 0 });
    const links = await db.agreement.findMany({ where: { partnerId: existing.partnerId }, select: { relationshipType: true } });
    expect(links.map((link) => link.relationshipType).sort()).toEqual(["FRIENDSHIP_CITY", "TWIN_TOWN"]);
    expect(await db.partner.count()).toBe(1);
  });

  it("gives every new partner a unique slug, as drafting would", async () => {
    const staff = await createStaff();
    await db.partner.create({ data: { name: "Kiel", country: "DE", kind: "CITY", slug: "kiel", identityKey: "kiel|DE" } });
    await db.partner.create({ data: { name: "Kiel Fjord", country: "FR", kind: "TOWN", slug: "kiel-fr", identityKey: "kiel fjord|FR" } });
    const rows = ["Kiel,AT,,,Twin town,,,,,", "Kiel,FR,,,Twin town,,,,,", "Kiel,None,,,Friendship city,,,,,", "Sankt Kiel,DE,,,Twin town,,,,,", "Sankt-Kiel,CH,,,Twin town,,,,,"];
    expect(await runImport(csvFile("kiels.csv", rows), staff)).toMatchObject({ ok: true, created: 5, newPartners: 5 });
    const slugs = await db.partner.findMany({ orderBy: { createdAt: "asc" }, select: { identityKey: true, slug: true } });
    const byKey = Object.fromEntries(slugs.map((partner) => [partner.identityKey, partner.slug]));
    expect(byKey["kiel|AT"]).toBe("kiel-at");
    expect(byKey["kiel|FR"]).toMatch(/^kiel-\d+$/);
    expect(byKey["kiel|"]).toMatch(/^kiel-\d+$/);
    expect(byKey["sankt kiel|DE"]).toBe("sankt-kiel");
    expect(byKey["sankt-kiel|CH"]).toBe("sankt-kiel-ch");
    expect(new Set(Object.values(byKey)).size).toBe(7);
  });

  it("imports an Excel workbook", async () => {
    const staff = await createStaff();
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet("Register");
    sheet.addRow(["Partner name", "Country", "Relationship type", "Link began", "Formalised on"]);
    sheet.addRow(["Belgrade", "Serbia", "Twin town", new Date(Date.UTC(1953, 0, 1)), new Date(Date.UTC(1957, 5, 1))]);
    sheet.addRow(["友好城市", "CN", "Sister city", 1985, null]);
    const bytes = new Uint8Array(await book.xlsx.writeBuffer());
    expect(await runImport({ name: "register.xlsx", bytes }, staff)).toMatchObject({ ok: true, created: 2, newPartners: 2 });
    const belgrade = await db.agreement.findFirstOrThrow({ where: { partner: { name: "Belgrade" } }, select: { linkBegan: true, formalisedOn: true, partner: { select: { country: true } } } });
    expect(belgrade).toEqual({ linkBegan: new Date("1953-01-01T00:00:00Z"), formalisedOn: new Date("1957-06-01T00:00:00Z"), partner: { country: "RS" } });
    expect(await db.agreement.count({ where: { partner: { name: "友好城市" }, status: "ACTIVE" } })).toBe(1);
  });

  it("refuses a councillor (import is staff work), and a file of the wrong type or size, writing nothing", async () => {
    const councillor = await createCouncillor();
    const staff = await createStaff();
    const before = await rowCounts();
    await expect(runImport(csvFile("partners.csv", GOOD_ROWS), councillor)).rejects.toBeInstanceOf(AppError);
    await expect(previewImport(csvFile("partners.csv", GOOD_ROWS), councillor)).rejects.toMatchObject({ code: "FORBIDDEN" });
    const refusal = (result: Awaited<ReturnType<typeof runImport>>) => !result.ok && wordImportMessages(result.messages, "en");
    expect(refusal(await runImport({ name: "partners.pdf", bytes: new TextEncoder().encode("%PDF") }, staff))).toMatch(/must be a CSV file/);
    expect(refusal(await runImport({ name: "big.csv", bytes: new Uint8Array(MAX_FILE_BYTES + 10).fill(65) }, staff))).toMatch(/largest file accepted is 2 MB/);
    expect(await rowCounts()).toEqual(before);
  });

  it("imports a 5,000-row file within the size limit in one transaction", async () => {
    const staff = await createStaff();
    const rows = Array.from({ length: 5000 }, (_, index) => `Partnerstadt ${index + 1},DE,Bayern,Town,Twin town,${1950 + (index % 70)},,Culture,,Imported link number ${index + 1}`);
    const file = csvFile("register-5000.csv", rows);
    expect(file.bytes.byteLength).toBeLessThan(MAX_FILE_BYTES);
    const started = performance.now();
    const result = await runImport(file, staff);
    const seconds = (performance.now() - started) / 1000;
    expect(result).toMatchObject({ ok: true, created: 5000, newPartners: 5000 });
    expect(await db.agreement.count({ where: { status: "ACTIVE", statusDecisionId: { not: null } } })).toBe(5000);
    expect(await db.decision.count({ where: { kind: "IMPORTED" } })).toBe(5000);
    console.info(`5,000 rows imported in ${seconds.toFixed(1)} s on ${backend()}`);
  }, 300_000);
});
