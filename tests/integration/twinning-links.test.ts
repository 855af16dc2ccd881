// The twinning-link standard (issue 25 item 1), on whichever back end this run uses: a partner's
// Wikidata ID saved from the agreement form (and refused, naming the field, when it is no
// Q-number), the council's own ID and country from the settings, and the feeds and
// /.well-known/twinning.json through their route handlers, the JSON validated against the
// schema the site serves, refreshed when the links or the settings change.
import Ajv2020 from "ajv/dist/2020";
import addFormats from "ajv-formats";
import { parse } from "csv-parse/sync";
import { beforeEach, describe, expect, it, vi } from "vitest";
vi.mock("next/cache", async () => (await import("../helpers/request-context")).nextCacheMock);
// First: it installs the AsyncLocalStorage that Next's modules (the route handlers) read as they load.
import { inRequest } from "../helpers/request-context";
import { GET as twinningJson } from "@/app/open-data/twinning-links.json/route";
import { GET as twinningCsv } from "@/app/open-data/twinning-links.csv/route";
import { GET as twinningSchema } from "@/app/open-data/twinning-links.schema.json/route";
import { GET as wellKnown } from "@/app/.well-known/twinning.json/route";
import { createDraft } from "@/lib/agreements/create-draft";
import { updateSettings } from "@/lib/admin/update-settings";
import { invalidateAfterWrite, markChanged } from "@/lib/cache";
import { db } from "@/lib/db";
import { appendDecision } from "@/lib/decisions/chain";
import type { Actor } from "@/lib/domain/permissions";
import { settingsSchema } from "@/lib/domain/validation/admin";
import { createAgreementSchema } from "@/lib/domain/validation/agreement";
import { siteOriginFrom } from "@/lib/web/request-context";
import { zodFieldErrors } from "@/lib/web/safe-action";
import { backend, createAdmin, createAgreement, createStaff, draftInput, resetDatabase } from "../helpers/database";

beforeEach(resetDatabase);

const HOST = "twinning.example.gov.uk";
// The site's configured address (lib/web/request-context.ts), as every published address starts.
const ORIGIN = siteOriginFrom(new Headers({ host: HOST }));

async function get(handler: (request: Request) => Promise<Response>, path: string) {
  const { value: response } = await inRequest({ path, headers: { host: HOST } }, () => handler(new Request(`http://${HOST}${path}`, { headers: { host: HOST } })));
  return { status: response.status, type: response.headers.get("content-type"), text: await response.text() };
}

const settingsForm = (values: Record<string, string>) =>
  settingsSchema.safeParse({ councilName: "Testford Borough Council", approvalsNeeded: "1", dormancyMonths: "24", openDataLicence: "Open Government Licence v3.0", reminderDays: "7", twoStepRequiredFor: "NOBODY", ...values });

async function saveSettings(values: Record<string, string>, admin: Actor) {
  const parsed = settingsForm(values);
  if (!parsed.success) throw parsed.error;
  await updateSettings(parsed.data, admin);
  invalidateAfterWrite(["settings"]);
}

describe(`a partner's Wikidata ID (${backend()})`, () => {
  it("is saved from the agreement form, upper-cased; anything but Q and a number is refused, naming the field", async () => {
    const staff = await createStaff();
    const { id } = await createDraft(draftInput({ partnerName: "Cologne", country: "DE", wikidataId: "q365" }), staff);
    const saved = await db.agreement.findUniqueOrThrow({ where: { id }, select: { partner: { select: { wikidataId: true } } } });
    expect(saved.partner.wikidataId).toBe("Q365");

    const errors = (wikidataId: string) => {
      const parsed = createAgreementSchema.safeParse({ ...draftInput(), linkBegan: "1986-05-01", formalisedOn: "1987-06-01", wikidataId });
      return parsed.success ? {} : zodFieldErrors(parsed.error);
    };
    const refusal = { wikidataId: ["Partner's Wikidata ID must be a Wikidata item ID: Q followed by its number, like Q365"] };
    for (const bad of ["365", "Q0365", "Q", "Q36 5", "Q365 Cologne", "P190"]) expect(errors(bad), bad).toEqual(refusal);
    expect(errors("")).toEqual({});
    expect(errors("Q1707")).toEqual({});
  });
});

describe(`the council's Wikidata ID and country (${backend()})`, () => {
  it("are saved from the settings; a bad value is refused naming its field; empty clears", async () => {
    const admin = await createAdmin();
    const refused = settingsForm({ wikidataId: "London", councilCountry: "UK" });
    expect(refused.success).toBe(false);
    expect(zodFieldErrors(refused.error!)).toEqual({
      wikidataId: ["The council's Wikidata ID must be a Wikidata item ID: Q followed by its number, like Q365"],
      councilCountry: ["The council's country must be a two-letter ISO country code, like GB"],
    });
    await saveSettings({ wikidataId: "q84", councilCountry: "gb" }, admin);
    expect(await db.councilSettings.findUniqueOrThrow({ where: { id: 1 }, select: { wikidataId: true, councilCountry: true } })).toEqual({ wikidataId: "Q84", councilCountry: "GB" });
    await saveSettings({ wikidataId: "", councilCountry: "" }, admin);
    expect(await db.councilSettings.findUniqueOrThrow({ where: { id: 1 }, select: { wikidataId: true, councilCountry: true } })).toEqual({ wikidataId: null, councilCountry: null });
  });
});

describe(`the twinning-link feeds (${backend()})`, () => {
  it("list every public link with both places, the mapped type, status, reason and confirmation, valid against the served schema", async () => {
    const admin = await createAdmin();
    await saveSettings({ wikidataId: "Q84", councilCountry: "GB" }, admin);
    const kiel = await createAgreement({ status: "ACTIVE", partnerName: "Kiel" });
    await db.partner.update({ where: { id: kiel.partnerId }, data: { wikidataId: "Q1707", localName: "Kiel", localNameLanguage: "de" } });
    await db.agreement.update({ where: { id: kiel.id }, data: { partnerDecisionDate: new Date("1967-01-01") } });
    const paused = await createAgreement({ status: "ACTIVE", partnerName: "Lyon", relationshipType: "FRIENDSHIP_CITY" });
    const decision = await appendDecision(db, { agreementId: paused.id, kind: "STATUS_CHANGED", fromStatus: "ACTIVE", toStatus: "SUSPENDED", reason: "Internal", publicReason: "Paused during the partner's elections." });
    await db.agreement.update({ where: { id: paused.id }, data: { status: "SUSPENDED", statusDecisionId: decision.id } });
    const draft = await createAgreement({ status: "DRAFT", partnerName: "Draftburg" });
    markChanged(["links"]);

    const json = await get(twinningJson, "/open-data/twinning-links.json");
    expect(json.status).toBe(200);
    expect(json.type).toBe("application/json; charset=utf-8");
    const document = JSON.parse(json.text) as { publisher: unknown; links: Record<string, unknown>[] };
    const schema = await get(twinningSchema, "/open-data/twinning-links.schema.json");
    expect(schema.type).toBe("application/schema+json; charset=utf-8");
    const ajv = new Ajv2020({ allErrors: true, strict: true, allowUnionTypes: true });
    addFormats(ajv);
    const validate = ajv.compile(JSON.parse(schema.text) as object);
    expect(validate(document), JSON.stringify(validate.errors)).toBe(true);

    expect(document.publisher).toEqual({ name: "Testford Borough Council", countryCode: "GB", wikidataId: "Q84", site: ORIGIN });
    expect(document.links.map((link) => link.id)).toEqual([kiel.id, paused.id]);
    expect(document.links.map((link) => link.id)).not.toContain(draft.id);
    expect(document.links[0]).toMatchObject({ councilWikidataId: "Q84", partnerName: "Kiel", partnerWikidataId: "Q1707", partnerCountryCode: "DE", linkType: "twin-town", linkTypeLocal: "Städtepartnerschaft", status: "active", confirmation: "confirmed-by-both", partnerDecisionDate: "1967-01-01", publicReason: null });
    expect(document.links[1]).toMatchObject({ partnerName: "Lyon", partnerWikidataId: null, linkType: "friendship", linkTypeFamily: "friendship", status: "suspended", publicReason: "Paused during the partner's elections.", confirmation: "not-recorded" });

    const csv = await get(twinningCsv, "/open-data/twinning-links.csv");
    expect(csv.type).toBe("text/csv; charset=utf-8; header=present");
    const rows = parse(csv.text, { columns: true }) as Record<string, string>[];
    expect(rows.map((row) => [row.id, row.partnerWikidataId, row.status, row.councilCountryCode])).toEqual([
      [kiel.id, "Q1707", "active", "GB"],
      [paused.id, "", "suspended", "GB"],
    ]);

    // A change of the links or of the settings makes a new version of the file.
    await db.partner.update({ where: { id: paused.partnerId }, data: { wikidataId: "Q456" } });
    markChanged(["links"]);
    await saveSettings({ wikidataId: "Q1", councilCountry: "GB", councilName: "Testford Council" }, admin);
    const again = JSON.parse((await get(twinningJson, "/open-data/twinning-links.json")).text) as typeof document;
    expect(again.links[1]).toMatchObject({ partnerWikidataId: "Q456", councilWikidataId: "Q1", councilName: "Testford Council" });
  });

  it("/.well-known/twinning.json names the council and its feeds", async () => {
    const admin = await createAdmin();
    await saveSettings({ wikidataId: "Q84", councilCountry: "GB" }, admin);
    const served = await get(wellKnown, "/.well-known/twinning.json");
    expect(served.status).toBe(200);
    expect(served.type).toBe("application/json; charset=utf-8");
    expect(JSON.parse(served.text)).toMatchObject({
      standard: "twinning-links",
      version: "1.0",
      council: { name: "Testford Borough Council", countryCode: "GB", wikidataId: "Q84", site: ORIGIN },
      feeds: { json: `${ORIGIN}/open-data/twinning-links.json`, csv: `${ORIGIN}/open-data/twinning-links.csv`, schema: `${ORIGIN}/open-data/twinning-links.schema.json`, decisions: `${ORIGIN}/open-data/decisions.atom`, calendar: `${ORIGIN}/open-data/events.ics` },
    });
  });
});
