import Ajv from "ajv";
import addFormats from "ajv-formats";
import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { aLink, ORIGIN } from "./fixtures";
import { licenceOf } from "./licence";
import { partnersGeoJson } from "./geojson";
import { PARTNER_FIELDS, partnersCsv, partnersJson, partnersJsonSchema, partnerTranslationsCsv, TRANSLATION_FIELDS } from "./partners";

const publication = { councilName: "Coventry City Council", licence: licenceOf("Open Government Licence v3.0"), origin: ORIGIN, generatedAt: new Date("2026-11-28T10:00:00Z") };

function validator() {
  const ajv = new Ajv({ allErrors: true, strict: true, allowUnionTypes: true });
  addFormats(ajv);
  return ajv.compile(partnersJsonSchema(ORIGIN));
}

describe("partners.json", () => {
  it("matches its published JSON Schema", () => {
    const links = [aLink(), aLink({ partner: { name: "Ankh-Morpork", country: null, region: "Sto Plains", latitude: null, longitude: null, population: null, website: null }, linkBegan: null, formalisedOn: null })];
    const document = JSON.parse(JSON.stringify(partnersJson(links, publication))) as unknown;
    const validate = validator();
    expect(validate(document), JSON.stringify(validate.errors)).toBe(true);
  });

  it("the schema refuses a record with a field missing or a bad country code", () => {
    const validate = validator();
    const document = JSON.parse(JSON.stringify(partnersJson([aLink()], publication))) as { partners: Record<string, unknown>[] };
    const record = document.partners[0]!;
    expect(validate({ ...document, partners: [{ ...record, countryCode: "Germany" }] })).toBe(false);
    const { id: _id, ...withoutId } = record;
    expect(validate({ ...document, partners: [withoutId] })).toBe(false);
  });

  it("carries stable ids, ISO codes, ISO 8601 dates, the licence and absolute page addresses", () => {
    const link = aLink({ partner: { slug: "kiel" } });
    const document = partnersJson([link], publication);
    expect(document).toMatchObject({ publisher: "Coventry City Council", count: 1, generatedAt: "2026-11-28T10:00:00.000Z" });
    expect(document.licence).toEqual({ name: "Open Government Licence v3.0", url: "https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/" });
    expect(document.partners[0]).toMatchObject({
      id: link.partner.id,
      agreementId: link.agreementId,
      url: `${ORIGIN}/partners/kiel`,
      countryCode: "DE",
      countryName: "Germany",
      relationshipType: "TWIN_TOWN",
      relationshipTypeLabel: "Twin town",
      themes: ["RECONCILIATION", "EDUCATION"],
      linkBegan: "1947-01-01",
      formalisedOn: "1967-01-01",
      statusSince: "1967-01-01T00:00:00.000Z",
    });
  });

  it("escapes markup and quotes as JSON strings", () => {
    const name = `<img src=x onerror=alert(1)> "quoted" \\ back`;
    const text = JSON.stringify(partnersJson([aLink({ partner: { name } })], publication));
    expect((JSON.parse(text) as { partners: { name: string }[] }).partners[0]!.name).toBe(name);
  });
});

describe("partners.csv", () => {
  it("has a header row of the documented fields and one row per partner", () => {
    const csv = partnersCsv([aLink(), aLink({ partner: { name: "Dresden" } })], ORIGIN);
    const rows = parse(csv, { record_delimiter: "\r\n" }) as string[][];
    expect(rows[0]).toEqual(PARTNER_FIELDS.map((field) => field.name));
    expect(rows).toHaveLength(3);
    expect(csv.endsWith("\r\n")).toBe(true);
    expect(csv.replace(/\r\n/g, "")).not.toMatch(/\n/);
  });

  it("neutralises a partner named like a spreadsheet formula", () => {
    const csv = partnersCsv([aLink({ partner: { name: '=HYPERLINK("http://x")', region: "+44", website: null }, publicSummary: "@SUM(1)" })], ORIGIN);
    const [record] = parse(csv, { columns: true, record_delimiter: "\r\n" }) as Record<string, string>[];
    expect(record).toMatchObject({ name: `'=HYPERLINK("http://x")`, region: "'+44", publicSummary: "'@SUM(1)" });
  });

  it("keeps negative coordinates as numbers and themes joined by semicolons", () => {
    const csv = partnersCsv([aLink({ partner: { latitude: -33.8688, longitude: -70.6693 }, themes: ["CULTURE", "TRADE"] })], ORIGIN);
    const [record] = parse(csv, { columns: true }) as Record<string, string>[];
    expect(record).toMatchObject({ latitude: "-33.8688", longitude: "-70.6693", themes: "CULTURE;TRADE", countryCode: "DE" });
  });

  it("writes an empty cell for a fictional place's country", () => {
    const csv = partnersCsv([aLink({ partner: { name: "Ankh-Morpork", country: null, latitude: null, longitude: null } })], ORIGIN);
    const [record] = parse(csv, { columns: true }) as Record<string, string>[];
    expect(record).toMatchObject({ name: "Ankh-Morpork", countryCode: "", countryName: "", latitude: "" });
  });
});

describe("names and text in other languages", () => {
  const koeln = aLink({
    partner: { name: "Cologne", slug: "cologne", localName: "Köln", localNameLanguage: "de" },
    translations: { cy: { publicSummary: "Cyswllt ers 1967.", publicReason: null }, fr: { publicSummary: "Un jumelage depuis 1967.", publicReason: null } },
  });
  const irbid = aLink({ relationshipType: "PARTNERSHIP", partner: { name: "Irbid", slug: "irbid", country: "JO", localName: "إربد", localNameLanguage: "ar" } });

  it("partners.json carries the local name, its language, the link's term in it and every translation, and matches its schema", () => {
    const document = JSON.parse(JSON.stringify(partnersJson([koeln, irbid, aLink()], publication))) as { partners: Record<string, unknown>[] };
    const validate = validator();
    expect(validate(document), JSON.stringify(validate.errors)).toBe(true);
    expect(document.partners[0]).toMatchObject({
      name: "Cologne",
      localName: "Köln",
      localNameLanguage: "de",
      relationshipTypeLocal: "Städtepartnerschaft",
      translations: { cy: { publicSummary: "Cyswllt ers 1967.", publicReason: null }, fr: { publicSummary: "Un jumelage depuis 1967.", publicReason: null } },
    });
    expect(document.partners[1]).toMatchObject({ localName: "إربد", localNameLanguage: "ar", relationshipTypeLocal: "شراكة", translations: {} });
    expect(document.partners[2]).toMatchObject({ localName: null, localNameLanguage: null, relationshipTypeLocal: null, translations: {} });
    expect(validate({ ...document, partners: [{ ...document.partners[0], translations: { es: { publicSummary: "x", publicReason: null } } }] }), "an unknown language").toBe(false);
  });

  it("partners.csv and partners.geojson carry the local name and its language, not the translations", () => {
    const [record] = parse(partnersCsv([koeln], ORIGIN), { columns: true }) as Record<string, string>[];
    expect(record).toMatchObject({ localName: "Köln", localNameLanguage: "de", relationshipTypeLocal: "Städtepartnerschaft" });
    expect(Object.keys(record!)).not.toContain("translations");
    expect(partnersGeoJson([irbid], ORIGIN).features[0]!.properties).toMatchObject({ localName: "إربد", localNameLanguage: "ar" });
  });

  it("partner-translations.csv has one row per link, language and field", () => {
    const paused = aLink({ partner: { slug: "volgograd" }, translations: { cy: { publicSummary: null, publicReason: "Wedi'i oedi." } } });
    const rows = parse(partnerTranslationsCsv([koeln, irbid, paused]), { record_delimiter: "\r\n" }) as string[][];
    expect(rows[0]).toEqual(TRANSLATION_FIELDS.map((field) => field.name));
    expect(rows.slice(1)).toEqual([
      [koeln.agreementId, "cologne", "cy", "publicSummary", "Cyswllt ers 1967."],
      [koeln.agreementId, "cologne", "fr", "publicSummary", "Un jumelage depuis 1967."],
      [paused.agreementId, "volgograd", "cy", "publicReason", "Wedi'i oedi."],
    ]);
  });

  it("partner-translations.csv neutralises a translation written like a formula", () => {
    const csv = partnerTranslationsCsv([aLink({ translations: { de: { publicSummary: "=1+1", publicReason: null } } })]);
    const [record] = parse(csv, { columns: true }) as Record<string, string>[];
    expect(record!.text).toBe("'=1+1");
  });
});
