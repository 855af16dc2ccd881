import { z } from "zod";
import { LocalityKind, RelationshipType, Theme } from "@/generated/prisma/enums";
import { isCountryCode, NO_COUNTRY } from "@/lib/domain/countries";
import { canonicalLanguageTag } from "@/lib/domain/language-tags";
import type { Locale } from "@/lib/i18n/locales";
import { COMMAND_RULES, COMMANDS, REJECTION_REASON_MESSAGE, rejectionLacksReason, type Command } from "@/lib/domain/lifecycle";
import { enumField, longText, optionalDate, optionalNumber, optionalText, todayUtc, versionField } from "./fields";

const themeValues = Object.values(Theme) as [Theme, ...Theme[]];

const country = z
  .string({ error: "Choose a country" })
  .trim()
  .refine((value) => value !== "", "Choose a country, or “No country (fictional or other)”")
  .refine((value) => value === NO_COUNTRY || isCountryCode(value.toUpperCase()), "Choose a country from the list, or “No country (fictional or other)”")
  .transform((value) => (value === NO_COUNTRY ? null : value.toUpperCase()));

const LANGUAGE_TAG_MESSAGE = "Language of that name must be a language tag, such as de, sr-Cyrl or ar";

/** The fields of the agreement form, shared by "new" and "edit". */
export const agreementFields = z.object({
  partnerId: optionalText("Existing partner", 64),
  // Required unless an existing partner is chosen (checked below).
  partnerName: longText("Partner name", 120),
  country: z.preprocess((value) => (value === "" || value === undefined ? undefined : value), country.optional()),
  region: optionalText("Region", 120),
  localityKind: enumField("Locality type", Object.values(LocalityKind) as [LocalityKind, ...LocalityKind[]]),
  relationshipType: enumField("a relationship type", Object.values(RelationshipType) as [RelationshipType, ...RelationshipType[]]),
  title: optionalText("Title", 200),
  purpose: longText("Purpose", 5000),
  themes: z
    .array(z.enum(themeValues, { error: "Themes: choose themes from the list" }))
    .max(themeValues.length)
    .default([])
    .transform((themes) => [...new Set(themes)]),
  linkBegan: optionalDate("Link began"),
  formalisedOn: optionalDate("Formalised on"),
  reviewDate: optionalDate("Review date"),
  publicSummary: longText("Public summary", 2000),
  internalNotes: longText("Internal notes", 10000),
  latitude: optionalNumber("Latitude", -90, 90),
  longitude: optionalNumber("Longitude", -180, 180),
  population: optionalNumber("Population", 0, 100_000_000, { integer: true }),
  website: optionalText("Website", 300).refine((value) => value === undefined || /^https?:\/\/[^\s]+\.[^\s]+$/i.test(value), "Website must start with http:// or https://"),
  partnerDecisionDate: optionalDate("Partner decision date"),
  partnerDecisionReference: optionalText("Partner decision reference", 200),
  localName: optionalText("Name in the partner's language", 120),
  localNameLanguage: optionalText("Language of that name", 35)
    .refine((value) => value === undefined || canonicalLanguageTag(value) !== null, LANGUAGE_TAG_MESSAGE)
    .transform((value) => (value === undefined ? undefined : (canonicalLanguageTag(value) ?? value))),
});

function checkFields(value: z.output<typeof agreementFields>, context: z.RefinementCtx, now: Date) {
  if (!value.partnerId) {
    if (!value.partnerName) context.addIssue({ code: "custom", path: ["partnerName"], message: "Enter the partner name" });
    else if (value.partnerName.includes("\n")) context.addIssue({ code: "custom", path: ["partnerName"], message: "Partner name must be on one line" });
    if (value.country === undefined) context.addIssue({ code: "custom", path: ["country"], message: "Choose a country, or “No country (fictional or other)”" });
  }
  if (value.linkBegan && value.formalisedOn && value.formalisedOn < value.linkBegan) {
    context.addIssue({ code: "custom", path: ["formalisedOn"], message: "Formalised on must be on or after the date the link began" });
  }
  if (value.reviewDate && value.reviewDate <= todayUtc(now)) {
    context.addIssue({ code: "custom", path: ["reviewDate"], message: "Review date must be in the future" });
  }
  if ((value.latitude === undefined) !== (value.longitude === undefined)) {
    const missing = value.latitude === undefined ? "latitude" : "longitude";
    context.addIssue({ code: "custom", path: [missing], message: `Enter both latitude and longitude, or neither` });
  }
  if (value.localName && !value.localNameLanguage) {
    context.addIssue({ code: "custom", path: ["localNameLanguage"], message: "Enter the language of the name in the partner's language, e.g. de or ar" });
  }
  if (value.localNameLanguage && !value.localName) {
    context.addIssue({ code: "custom", path: ["localName"], message: "Enter the name in the partner's language, or leave its language blank" });
  }
  const today = todayUtc(now);
  for (const field of ["linkBegan", "formalisedOn", "partnerDecisionDate"] as const) {
    const date = value[field];
    if (date && date > today) context.addIssue({ code: "custom", path: [field], message: `${FIELD_LABELS[field]} cannot be in the future` });
  }
}

export const FIELD_LABELS = {
  linkBegan: "Link began",
  formalisedOn: "Formalised on",
  partnerDecisionDate: "Partner decision date",
} as const;

export const createAgreementSchema = agreementFields.superRefine((value, context) => checkFields(value, context, new Date()));

export const updateAgreementSchema = agreementFields
  .extend({ id: z.uuid({ error: "The agreement was not found" }), version: versionField })
  .superRefine((value, context) => checkFields(value, context, new Date()));

export type CreateAgreementInput = z.output<typeof createAgreementSchema>;
export type UpdateAgreementInput = z.output<typeof updateAgreementSchema>;

/**
 * The reasons a command's rule (COMMAND_RULES) requires and the input lacks, each with the message
 * shown beside its field: the form checks it before sending, the action and applyCommand after.
 */
export function missingReasons(input: { command: Command; reason?: string | undefined; publicReason?: string | undefined }): Record<string, string[]> {
  const rule = COMMAND_RULES[input.command];
  const missing: Record<string, string[]> = {};
  if (rule.reason === "required" && !input.reason?.trim()) {
    missing.reason = [input.command === "submit" ? "Enter a reason: why this partner, and why now" : "Enter a reason for the change"];
  }
  if (rule.publicReason === "required" && !input.publicReason?.trim()) {
    missing.publicReason = ["Enter a public reason: it is shown on the public partner page"];
  }
  return missing;
}

/** Reasons and the record of decision, asked by every status command and proposal. */
export const commandSchema = z
  .object({
    agreementId: z.uuid({ error: "The agreement was not found" }),
    version: versionField,
    command: z.enum(COMMANDS as [Command, ...Command[]], { error: "Unknown action" }),
    reason: longText("Reason", 5000),
    publicReason: longText("Public reason", 2000),
    reference: optionalText("Decision reference", 200),
    alternativesConsidered: longText("Alternatives considered", 5000),
    conflictsOfInterest: longText("Conflicts of interest declared", 5000),
    backgroundPapers: longText("Background papers", 5000),
  })
  .superRefine((value, context) => {
    for (const [field, messages] of Object.entries(missingReasons(value))) {
      for (const message of messages) context.addIssue({ code: "custom", path: [field], message });
    }
  });

export type CommandInput = z.output<typeof commandSchema>;

/** The typed fields of a vote; the form checks these before sending (the button carries the decision). */
export const voteFieldsSchema = z.object({
  proposalId: z.uuid({ error: "The proposal was not found" }),
  reason: longText("Reason", 5000),
  reference: optionalText("Decision reference", 200),
});

export const voteSchema = voteFieldsSchema
  .extend({ decision: z.enum(["approve", "reject"], { error: "Choose Approve or Reject" }) })
  .superRefine((value, context) => {
    if (rejectionLacksReason({ approve: value.decision === "approve", reason: value.reason })) context.addIssue({ code: "custom", path: ["reason"], message: REJECTION_REASON_MESSAGE });
  });

export type VoteInput = z.output<typeof voteSchema>;


/** The languages staff translate an agreement's public text into: the public pages' languages but English. */
export const CONTENT_LOCALES = ["cy", "de", "fr"] as const satisfies readonly Exclude<Locale, "en">[];
export type ContentLocale = (typeof CONTENT_LOCALES)[number];

/**
 * One language's translation of an agreement's public text: the summary, and the public reason
 * of the decision behind its current status. A blank field removes that field's translation (the
 * public page then shows the English, marked "Not yet translated").
 */
export const translationSchema = z.object({
  agreementId: z.uuid({ error: "The agreement was not found" }),
  locale: z.enum(CONTENT_LOCALES, { error: "Choose a language" }),
  publicSummary: longText("Public summary", 2000),
  publicReason: longText("Public reason", 2000),
});

export type TranslationInput = z.output<typeof translationSchema>;
