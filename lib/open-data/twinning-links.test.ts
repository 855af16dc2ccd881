import fs from "node:fs";
import Ajv2020 from "ajv/dist/2020";
import addFormats from "ajv-formats";
import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { LINK_TYPE_VOCABULARY } from "@/lib/domain/twinning-link-types";
import { aLink, ORIGIN } from "./fixtures";
import { licenceOf } from "./licence";
import { TWINNING_LINK_FIELDS, twinningLinksCsv, twinningLinksJson, twinningLinksJsonSchema, wellKnownTwinning, type Council } from "./twinning-links";

const council: Council = { name: "Coventry City Council", countryCode: "GB", wikidataId: "Q6399" };
const publication = { council, licence: licenceOf("Open Government Licence v3.0"), origin: ORIGIN, generatedAt: new Date("2026-11-28T10:00:00Z") };

function validator() {
  const ajv = new Ajv2020({ allErrors: true, strict: true, allowUnionTypes: true });
  addFormats(ajv);
  return ajv.compile(twinningLinksJsonSchema(ORIGIN));
}

const paused = () =>
  aLink({ status: "SUSPENDED", relationshipType: "FRIENDSHIP_CITY", publicReason: "Paused while the partner council is re-formed.", partnerConfirmed: false, partnerDecisionDate: null, partner: { name: "Osaka", country: "JP", wikidataId: null, localName: "大阪市", localNameLanguage: "ja" } });

describe("twinning-links.json (the standard)", () => {
  it("validates against its published draft 2020-12 JSON Schema, active and paused links alike", () => {
    const document = JSON.parse(JSON.stringify(twinningLinksJson([aLink(), paused()], publication))) as unknown;
    const validate = validator();
    expect(validate(document), JSON.stringify(validate.errors)).toBe(true);
  });

  it("the schema refuses a bad Wikidata ID, a type off the vocabulary, an unknown status or a missing field", () => {
    const validate = validator();
    const document = JSON.parse(JSON.stringify(twinningLinksJson([aLink()], publication))) as { links: Record<string, unknown>[] };
    const record = document.links[0]!;
    for (const bad of [{ partnerWikidataId: "Q0123" }, { councilWikidataId: "1707" }, { linkType: "twinning" }, { status: "ACTIVE" }, { confirmation: "yes" }, { partnerCountryCode: "Germany" }]) {
      expect(validate({ ...document, links: [{ ...record, ...bad }] }), JSON.stringify(bad)).toBe(false);
    }
    const { id: _id, ...withoutId } = record;
    expect(validate({ ...document, links: [withoutId] })).toBe(false);
    expect(validate({ ...document, version: "2.0" })).toBe(false);
  });

  it("names both places with ISO codes and Wikidata IDs, maps the type, and carries status, reason and confirmation", () => {
    const active = aLink({ partner: { slug: "kiel", localName: "Kiel", localNameLanguage: "de" } });
    const document = twinningLinksJson([active, paused()], publication);
    expect(document).toMatchObject({ standard: "twinning-links", version: "1.0", count: 2, publisher: { name: "Coventry City Council", countryCode: "GB", wikidataId: "Q6399", site: ORIGIN } });
    expect(document.links[0]).toMatchObject({
      id: active.agreementId,
      councilCountryCode: "GB",
      councilWikidataId: "Q6399",
      partnerName: "Kiel",
      partnerCountryCode: "DE",
      partnerWikidataId: "Q1707",
      partnerUrl: `${ORIGIN}/partners/kiel`,
      linkType: "twin-town",
      linkTypeFamily: "twinning",
      linkTypeLocal: "Städtepartnerschaft",
      status: "active",
      publicReason: null,
      confirmation: "confirmed-by-both",
      partnerDecisionDate: "1967-01-01",
    });
    expect(document.links[1]).toMatchObject({ linkType: "friendship", linkTypeFamily: "friendship", linkTypeLocal: "友好都市", status: "suspended", publicReason: "Paused while the partner council is re-formed.", confirmation: "not-recorded", partnerWikidataId: null });
  });

  it("the CSV has the documented columns and the same values as the JSON", () => {
    const links = [aLink(), paused()];
    const rows = parse(twinningLinksCsv(links, council, ORIGIN), { columns: true }) as Record<string, string>[];
    expect(Object.keys(rows[0]!)).toEqual(TWINNING_LINK_FIELDS.map((field) => field.name));
    const json = twinningLinksJson(links, publication).links;
    expect(rows.map((row) => [row.id, row.linkType, row.status, row.partnerWikidataId, row.confirmation])).toEqual(json.map((link) => [link.id, link.linkType, link.status, link.partnerWikidataId ?? "", link.confirmation]));
  });

  it("/.well-known/twinning.json says who the council is and where the feeds are", () => {
    expect(wellKnownTwinning(council, ORIGIN)).toEqual({
      standard: "twinning-links",
      version: "1.0",
      council: { name: "Coventry City Council", countryCode: "GB", wikidataId: "Q6399", site: ORIGIN },
      feeds: {
        json: `${ORIGIN}/open-data/twinning-links.json`,
        csv: `${ORIGIN}/open-data/twinning-links.csv`,
        schema: `${ORIGIN}/open-data/twinning-links.schema.json`,
        decisions: `${ORIGIN}/open-data/decisions.atom`,
        calendar: `${ORIGIN}/open-data/events.ics`,
      },
      documentation: `${ORIGIN}/open-data`,
    });
  });

  it("docs/open-data.md documents every field and every type of the vocabulary", () => {
    const docs = fs.readFileSync("docs/open-data.md", "utf8");
    for (const field of TWINNING_LINK_FIELDS) expect(docs, field.name).toContain(`\`${field.name}\``);
    for (const type of LINK_TYPE_VOCABULARY) expect(docs, type.code).toContain(`\`${type.code}\``);
  });
});
