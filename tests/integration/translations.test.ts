// Translated content (issue 19 items 3 and 4): a partner's own-language name, and an agreement's
// public summary and public reason per language. Saving one (policy, validation naming the field,
// one audit row, the hash-chained decision untouched), the public read in each language with its
// English fallback, and the open data's shapes — on whichever back end this run uses.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { createDraft } from "@/lib/agreements/create-draft";
import { NO_PUBLIC_REASON_MESSAGE, saveTranslation } from "@/lib/agreements/save-translation";
import { writeBackup } from "@/lib/backup/backup";
import { readBackupFile } from "@/lib/backup/restore";
import { markChanged } from "@/lib/cache";
import { getPublicPartner, listCurrentLinks } from "@/lib/data/public";
import { getAgreementTranslations } from "@/lib/data/translations";
import { db } from "@/lib/db";
import { appendDecision } from "@/lib/decisions/chain";
import { publicReasonIn, publicSummaryIn } from "@/lib/domain/public-translations";
import { createAgreementSchema, translationSchema, type TranslationInput } from "@/lib/domain/validation/agreement";
import { licenceOf } from "@/lib/open-data/licence";
import { partnersCsv, partnersJson, partnerTranslationsCsv } from "@/lib/open-data/partners";
import { zodFieldErrors } from "@/lib/web/safe-action";
import { backend, createAgreement, createCouncillor, createStaff, draftInput, resetDatabase, type TestAgreement } from "../helpers/database";
import { refusal } from "../helpers/outcomes";

vi.mock("next/cache", async () => (await import("../helpers/request-context")).nextCacheMock);

beforeEach(resetDatabase);

const ENGLISH_REASON = "Paused while the partner council is re-formed.";

/** A paused link whose status decision has a public reason, as a suspension leaves it. */
async function pausedAgreement(): Promise<TestAgreement & { slug: string }> {
  const active = await createAgreement({ status: "ACTIVE", partnerName: "Pausedorf" });
  const decision = await appendDecision(db, { agreementId: active.id, kind: "STATUS_CHANGED", fromStatus: "ACTIVE", toStatus: "SUSPENDED", reason: "Internal", publicReason: ENGLISH_REASON });
  await db.agreement.update({ where: { id: active.id }, data: { status: "SUSPENDED", statusDecisionId: decision.id, publicSummary: "A link between two river towns." } });
  const { slug } = await db.partner.findUniqueOrThrow({ where: { id: active.partnerId }, select: { slug: true } });
  return { ...active, status: "SUSPENDED", statusDecisionId: decision.id, slug };
}

function input(agreementId: string, values: Partial<Record<keyof TranslationInput, string>>): TranslationInput {
  return translationSchema.parse({ agreementId, locale: "cy", publicSummary: "", publicReason: "", ...values });
}

describe(`saving a translation (${backend()})`, () => {
  it("saves a Welsh summary and public reason beside the decision, audits it once, and the public page reads it", async () => {
    const staff = await createStaff();
    const paused = await pausedAgreement();
    const before = await db.decision.findUniqueOrThrow({ where: { id: paused.statusDecisionId! } });

    const result = await saveTranslation(input(paused.id, { publicSummary: "Cyswllt rhwng dwy dref ar lan afon.", publicReason: "Wedi'i oedi tra bo cyngor y partner yn cael ei ail-ffurfio." }), staff, { ip: "203.0.113.9" });
    expect(result.confirmation).toBe("agreement.translated");

    expect(await db.agreementTranslation.findMany({ select: { agreementId: true, locale: true, publicSummary: true } })).toEqual([
      { agreementId: paused.id, locale: "cy", publicSummary: "Cyswllt rhwng dwy dref ar lan afon." },
    ]);
    expect(await db.decisionTranslation.findMany({ select: { decisionId: true, locale: true } })).toEqual([{ decisionId: paused.statusDecisionId, locale: "cy" }]);
    // The decision row and its place in the chain are untouched.
    expect(await db.decision.findUniqueOrThrow({ where: { id: paused.statusDecisionId! } })).toEqual(before);

    const audit = await db.auditLog.findMany({ where: { action: "agreement.translate" } });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actorId: staff.id, entityType: "Agreement", entityId: paused.id, ip: "203.0.113.9", details: { locale: "cy", publicSummary: "saved", publicReason: "saved", decisionId: paused.statusDecisionId } });

    markChanged();
    const page = await getPublicPartner(paused.slug);
    const link = page!.links[0]!;
    expect(link.translations).toEqual({ cy: { publicSummary: "Cyswllt rhwng dwy dref ar lan afon.", publicReason: "Wedi'i oedi tra bo cyngor y partner yn cael ei ail-ffurfio." } });
    expect(publicSummaryIn(link, "cy")).toEqual({ text: "Cyswllt rhwng dwy dref ar lan afon.", untranslated: false });
    expect(publicReasonIn(link, "cy")).toEqual({ text: "Wedi'i oedi tra bo cyngor y partner yn cael ei ail-ffurfio.", untranslated: false });
    // German has none: the English, marked; English is English.
    expect(publicSummaryIn(link, "de")).toEqual({ text: "A link between two river towns.", untranslated: true });
    expect(publicReasonIn(link, "de")).toEqual({ text: ENGLISH_REASON, untranslated: true });
    expect(publicSummaryIn(link, "en")).toEqual({ text: "A link between two river towns.", untranslated: false });

    expect((await getAgreementTranslations(paused.id))!.byLocale).toEqual({
      cy: { publicSummary: "Cyswllt rhwng dwy dref ar lan afon.", publicReason: "Wedi'i oedi tra bo cyngor y partner yn cael ei ail-ffurfio." },
      de: { publicSummary: null, publicReason: null },
      fr: { publicSummary: null, publicReason: null },
    });
  });

  it("saving again replaces the text; a blank field removes its translation", async () => {
    const staff = await createStaff();
    const paused = await pausedAgreement();
    await saveTranslation(input(paused.id, { locale: "fr", publicSummary: "Premier texte.", publicReason: "Motif." }), staff);
    await saveTranslation(input(paused.id, { locale: "fr", publicSummary: "Second texte.", publicReason: "" }), staff);
    expect(await db.agreementTranslation.findMany({ select: { locale: true, publicSummary: true } })).toEqual([{ locale: "fr", publicSummary: "Second texte." }]);
    expect(await db.decisionTranslation.count()).toBe(0);
    await saveTranslation(input(paused.id, { locale: "fr" }), staff);
    expect(await db.agreementTranslation.count()).toBe(0);
    expect(await db.auditLog.count({ where: { action: "agreement.translate" } })).toBe(3);
  });

  it("refuses a councillor and a visitor, and writes nothing", async () => {
    const councillor = await createCouncillor();
    const paused = await pausedAgreement();
    expect((await refusal(saveTranslation(input(paused.id, { publicSummary: "Testun." }), councillor))).code).toBe("FORBIDDEN");
    expect((await refusal(saveTranslation(input(paused.id, { publicSummary: "Testun." }), null as never))).code).toBe("UNAUTHENTICATED");
    expect(await db.agreementTranslation.count()).toBe(0);
    expect(await db.auditLog.count({ where: { action: "agreement.translate" } })).toBe(0);
  });

  it("names the field at fault: an unknown language, text too long, a reason where the status shows none, an agreement that does not exist", async () => {
    const staff = await createStaff();
    const active = await createAgreement({ status: "ACTIVE" });
    const unknown = translationSchema.safeParse({ agreementId: active.id, locale: "es", publicSummary: "Texto." });
    expect(unknown.success).toBe(false);
    expect(Object.keys(zodFieldErrors(unknown.error!))).toEqual(["locale"]);
    const long = translationSchema.safeParse({ agreementId: active.id, locale: "de", publicSummary: "x".repeat(2001) });
    expect(zodFieldErrors(long.error!)).toEqual({ publicSummary: ["Public summary must be 2000 characters or fewer"] });
    const bidi = translationSchema.safeParse({ agreementId: active.id, locale: "de", publicSummary: "evil \u202e txet" });
    expect(Object.keys(zodFieldErrors(bidi.error!))).toEqual(["publicSummary"]);

    const reasonOnActive = await refusal(saveTranslation(input(active.id, { publicSummary: "Testun.", publicReason: "Rheswm." }), staff));
    expect(reasonOnActive.code).toBe("VALIDATION");
    expect(reasonOnActive.fieldErrors).toEqual({ publicReason: [NO_PUBLIC_REASON_MESSAGE] });
    expect(await db.agreementTranslation.count(), "nothing saved: one transaction").toBe(0);

    const missing = await refusal(saveTranslation(input("00000000-0000-4000-8000-000000000000", { publicSummary: "Testun." }), staff));
    expect(missing.code).toBe("NOT_FOUND");
  });

  it("a database CHECK keeps translations to the public pages' other languages", async () => {
    const active = await createAgreement({ status: "ACTIVE" });
    await expect(db.agreementTranslation.create({ data: { agreementId: active.id, locale: "en", publicSummary: "English is the agreement's own." } })).rejects.toThrow();
  });
});

describe(`the partner's own-language name (${backend()})`, () => {
  it("is saved from the agreement form in canonical form, and the public read and open data carry it", async () => {
    const staff = await createStaff();
    const { id } = await createDraft(draftInput({ partnerName: "Belgrade", country: "RS", localName: "Београд", localNameLanguage: "SR-cyrl" }), staff);
    const agreement = await db.agreement.findUniqueOrThrow({ where: { id }, select: { partner: { select: { localName: true, localNameLanguage: true } } } });
    expect(agreement.partner).toEqual({ localName: "Београд", localNameLanguage: "sr-Cyrl" });
  });

  it("the form names the field: a language that is no BCP 47 tag, or one half of the pair", () => {
    const errors = (values: Record<string, unknown>) => {
      const parsed = createAgreementSchema.safeParse({ ...draftInput(), linkBegan: "1986-05-01", formalisedOn: "1987-06-01", ...values });
      return parsed.success ? {} : zodFieldErrors(parsed.error);
    };
    expect(errors({ localName: "Köln", localNameLanguage: "German" })).toEqual({ localNameLanguage: ["Language of that name must be a language tag, such as de, sr-Cyrl or ar"] });
    expect(errors({ localName: "Köln" })).toEqual({ localNameLanguage: ["Enter the language of the name in the partner's language, e.g. de or ar"] });
    expect(errors({ localNameLanguage: "de" })).toEqual({ localName: ["Enter the name in the partner's language, or leave its language blank"] });
    expect(errors({ localName: "إربد", localNameLanguage: "ar" })).toEqual({});
  });
});

describe(`open data (${backend()})`, () => {
  it("partners.json has the local name and every translation; partner-translations.csv a row per link, language and field", async () => {
    const staff = await createStaff();
    const active = await createAgreement({ status: "ACTIVE", partnerName: "Irbid" });
    await db.partner.update({ where: { id: active.partnerId }, data: { localName: "إربد", localNameLanguage: "ar" } });
    await db.agreement.update({ where: { id: active.id }, data: { relationshipType: "PARTNERSHIP", publicSummary: "Universities and water." } });
    await saveTranslation(input(active.id, { locale: "cy", publicSummary: "Prifysgolion a dŵr." }), staff);
    await saveTranslation(input(active.id, { locale: "de", publicSummary: "Universitäten und Wasser." }), staff);
    const other = await createAgreement({ status: "ACTIVE", partnerName: "Untranslated" });
    markChanged();

    const links = await listCurrentLinks();
    const json = partnersJson(links, { councilName: "Test Council", licence: licenceOf("Open Government Licence v3.0"), origin: "https://example.org", generatedAt: new Date() });
    const irbid = json.partners.find((partner) => partner.agreementId === active.id)!;
    expect(irbid).toMatchObject({
      localName: "إربد",
      localNameLanguage: "ar",
      relationshipTypeLocal: "شراكة",
      publicSummary: "Universities and water.",
      translations: { cy: { publicSummary: "Prifysgolion a dŵr.", publicReason: null }, de: { publicSummary: "Universitäten und Wasser.", publicReason: null } },
    });
    expect(json.partners.find((partner) => partner.agreementId === other.id)).toMatchObject({ localName: null, translations: {} });

    const csv = partnerTranslationsCsv(links);
    expect(csv.split("\r\n").filter(Boolean)).toEqual([
      "agreementId,slug,language,field,text",
      `${active.id},irbid,cy,publicSummary,Prifysgolion a dŵr.`,
      `${active.id},irbid,de,publicSummary,Universitäten und Wasser.`,
    ]);
    expect(partnersCsv(links, "https://example.org").split("\r\n")[0]).toContain("localName,localNameLanguage");
  });

  it("a backup carries the translations and the local names", async () => {
    const staff = await createStaff();
    const paused = await pausedAgreement();
    await db.partner.update({ where: { id: paused.partnerId }, data: { localName: "Pausedorf", localNameLanguage: "de" } });
    await saveTranslation(input(paused.id, { locale: "cy", publicSummary: "Testun.", publicReason: "Rheswm." }), staff);
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "translations-")), "backup.json");
    await writeBackup(file);
    const backup = readBackupFile(file);
    expect(backup.tables.AgreementTranslation).toEqual([expect.objectContaining({ agreementId: paused.id, locale: "cy", publicSummary: "Testun." })]);
    expect(backup.tables.DecisionTranslation).toEqual([expect.objectContaining({ decisionId: paused.statusDecisionId, locale: "cy", publicReason: "Rheswm." })]);
    expect(backup.tables.Partner!.find((row) => row.id === paused.partnerId)).toMatchObject({ localName: "Pausedorf", localNameLanguage: "de" });
  });
});
