import { z } from "zod";
import { LocalityKind, RelationshipType, Theme } from "@/generated/prisma/enums";
import { isCountryCode, NO_COUNTRY } from "@/lib/domain/countries";
import { canonicalLanguageTag } from "@/lib/domain/language-tags";
import type { Locale } from "@/lib/i18n/locales";
import { AMENDMENT_COMMAND, COMMAND_RULES, REJECTION_REASON_MESSAGE, rejectionLacksReason, REVIEW_OUTCOMES, STATUS_COMMANDS, type Command } from "@/lib/domain/lifecycle";
import { DECISION_ROUTES, missingRouteDetails } from "@/lib/domain/decision-routes";
import { completeWebsite, dateField, enumField, longText, optionalDate, optionalFeedAddress, optionalNumber, optionalText, optionalWikidataId, todayUtc, versionField } from "./fields";
import { validationMessage } from "./messages";

const themeValues = Object.values(Theme) as [Theme, ...Theme[]];

const country = z
  .string({ error: validationMessage("choose.country") })
  .trim()
  .refine((value) => value !== "", validationMessage("choose.countryOrNone"))
  .refine((value) => value === NO_COUNTRY || isCountryCode(value.toUpperCase()), validationMessage("choose.countryFromList"))
  .transform((value) => (value === NO_COUNTRY ? null : value.toUpperCase()));

const LANGUAGE_TAG_MESSAGE = validationMessage("check.localNameLanguageTag");
const WEBSITE_MESSAGE = validationMessage("check.website");
const THEMES_MESSAGE = validationMessage("choose.themes");
const NOT_FOUND = validationMessage("notFound.agreement");

/** The fields of the agreement form, shared by "new" and "edit". */
export const agreementFields = z.object({
  partnerId: optionalText("existingPartner", 64),
  // Required unless an existing partner is chosen (checked below).
  partnerName: longText("partnerName", 120),
  country: z.preprocess((value) => (value === "" || value === undefined ? undefined : value), country.optional()),
  region: optionalText("region", 120),
  localityKind: enumField("choose.localityKind", Object.values(LocalityKind) as [LocalityKind, ...LocalityKind[]]),
  relationshipType: enumField("choose.relationshipType", Object.values(RelationshipType) as [RelationshipType, ...RelationshipType[]]),
  title: optionalText("title", 200),
  purpose: longText("purpose", 5000),
  themes: z
    .array(z.enum(themeValues, { error: THEMES_MESSAGE }), { error: THEMES_MESSAGE })
    .max(themeValues.length, { error: THEMES_MESSAGE })
    .default([])
    .transform((themes) => [...new Set(themes)]),
  linkBegan: optionalDate("linkBegan"),
  formalisedOn: optionalDate("formalisedOn"),
  reviewDate: optionalDate("reviewDate"),
  publicSummary: longText("publicSummary", 2000),
  internalNotes: longText("internalNotes", 10000),
  latitude: optionalNumber("latitude", -90, 90),
  longitude: optionalNumber("longitude", -180, 180),
  population: optionalNumber("population", 0, 100_000_000, { integer: true }),
  website: optionalText("website", 300)
    .transform((value) => (value === undefined ? undefined : completeWebsite(value)))
    .refine((value) => value === undefined || /^https?:\/\/[^\s]+\.[^\s]+$/i.test(value), WEBSITE_MESSAGE),
  partnerDecisionDate: optionalDate("partnerDecisionDate"),
  partnerDecisionReference: optionalText("partnerDecisionReference", 200),
  localName: optionalText("localName", 120),
  localNameLanguage: optionalText("localNameLanguage", 35)
    .refine((value) => value === undefined || canonicalLanguageTag(value) !== null, LANGUAGE_TAG_MESSAGE)
    .transform((value) => (value === undefined ? undefined : (canonicalLanguageTag(value) ?? value))),
  wikidataId: optionalWikidataId("partnerWikidataId"),
  feedUrl: optionalFeedAddress("partnerFeedUrl"),
});

const CHECKS = {
  partnerName: validationMessage("enter.partnerName"),
  partnerNameOneLine: validationMessage("rule.oneLine", { label: "partnerName" }),
  country: validationMessage("choose.countryOrNone"),
  formalisedBeforeBegan: validationMessage("check.formalisedBeforeBegan"),
  reviewDateNotFuture: validationMessage("check.reviewDateNotFuture"),
  coordinates: validationMessage("enter.coordinates"),
  localNameLanguage: validationMessage("enter.localNameLanguage"),
  localName: validationMessage("enter.localName"),
  inFuture: {
    linkBegan: validationMessage("rule.dateInFuture", { label: "linkBegan" }),
    formalisedOn: validationMessage("rule.dateInFuture", { label: "formalisedOn" }),
    partnerDecisionDate: validationMessage("rule.dateInFuture", { label: "partnerDecisionDate" }),
  },
};

function checkFields(value: z.output<typeof agreementFields>, context: z.RefinementCtx, now: Date) {
  if (!value.partnerId) {
    if (!value.partnerName) context.addIssue({ code: "custom", path: ["partnerName"], message: CHECKS.partnerName });
    else if (value.partnerName.includes("\n")) context.addIssue({ code: "custom", path: ["partnerName"], message: CHECKS.partnerNameOneLine });
    if (value.country === undefined) context.addIssue({ code: "custom", path: ["country"], message: CHECKS.country });
  }
  if (value.linkBegan && value.formalisedOn && value.formalisedOn < value.linkBegan) {
    context.addIssue({ code: "custom", path: ["formalisedOn"], message: CHECKS.formalisedBeforeBegan });
  }
  if (value.reviewDate && value.reviewDate <= todayUtc(now)) {
    context.addIssue({ code: "custom", path: ["reviewDate"], message: CHECKS.reviewDateNotFuture });
  }
  if ((value.latitude === undefined) !== (value.longitude === undefined)) {
    const missing = value.latitude === undefined ? "latitude" : "longitude";
    context.addIssue({ code: "custom", path: [missing], message: CHECKS.coordinates });
  }
  if (value.localName && !value.localNameLanguage) {
    context.addIssue({ code: "custom", path: ["localNameLanguage"], message: CHECKS.localNameLanguage });
  }
  if (value.localNameLanguage && !value.localName) {
    context.addIssue({ code: "custom", path: ["localName"], message: CHECKS.localName });
  }
  const today = todayUtc(now);
  for (const field of ["linkBegan", "formalisedOn", "partnerDecisionDate"] as const) {
    const date = value[field];
    if (date && date > today) context.addIssue({ code: "custom", path: [field], message: CHECKS.inFuture[field] });
  }
}

export const createAgreementSchema = agreementFields.superRefine((value, context) => checkFields(value, context, new Date()));

export const updateAgreementSchema = agreementFields
  .extend({ id: z.uuid({ error: NOT_FOUND }), version: versionField })
  .superRefine((value, context) => checkFields(value, context, new Date()));

export type CreateAgreementInput = z.output<typeof createAgreementSchema>;
export type UpdateAgreementInput = z.output<typeof updateAgreementSchema>;

const REASON_MESSAGES = {
  submit: validationMessage("enter.submitReason"),
  change: validationMessage("enter.changeReason"),
  publicReason: validationMessage("enter.publicReason"),
};

/**
 * The reasons a command's rule (COMMAND_RULES) requires and the input lacks, each with the message
 * shown beside its field: the form checks it before sending, the action and applyCommand after.
 */
export function missingReasons(input: { command: Command; reason?: string | undefined; publicReason?: string | undefined }): Record<string, string[]> {
  const rule = COMMAND_RULES[input.command];
  const missing: Record<string, string[]> = {};
  if (rule.reason === "required" && !input.reason?.trim()) {
    missing.reason = [input.command === "submit" ? REASON_MESSAGES.submit : REASON_MESSAGES.change];
  }
  if (rule.publicReason === "required" && !input.publicReason?.trim()) {
    missing.publicReason = [REASON_MESSAGES.publicReason];
  }
  return missing;
}

/** Reasons and the record of decision, asked by every status command and proposal. */
const proposalCase = {
  agreementId: z.uuid({ error: NOT_FOUND }),
  version: versionField,
  reason: longText("reason", 5000),
  publicReason: longText("publicReason", 2000),
  reference: optionalText("decisionReference", 200),
  alternativesConsidered: longText("alternativesConsidered", 5000),
  conflictsOfInterest: longText("conflictsOfInterest", 5000),
  backgroundPapers: longText("backgroundPapers", 5000),
  // How the decision will be taken; not sent (a script, a form that predates it): the council's default.
  decisionRoute: enumField("choose.decisionRoute", DECISION_ROUTES).optional(),
  executiveMemberId: z.preprocess((value) => (value === "" ? undefined : value), z.uuid({ error: validationMessage("choose.executiveMember") }).optional()),
  delegation: optionalText("delegation", 300),
};

function requireReasons(value: { command: Command; reason?: string; publicReason?: string; decisionRoute?: (typeof DECISION_ROUTES)[number]; executiveMemberId?: string; delegation?: string }, context: z.RefinementCtx) {
  const routeDetails = value.decisionRoute ? missingRouteDetails({ ...value, decisionRoute: value.decisionRoute }) : {};
  for (const [field, messages] of Object.entries({ ...missingReasons(value), ...routeDetails })) {
    for (const message of messages) context.addIssue({ code: "custom", path: [field], message });
  }
}

/** A status command (submit, withdraw, propose suspension, reinstatement or termination) with its reasons. */
export const commandSchema = z
  .object({
    ...proposalCase,
    command: z.enum(STATUS_COMMANDS as [Command, ...Command[]], { error: validationMessage("check.unknownCommand") }),
  })
  .superRefine(requireReasons);

const AMENDMENT_TITLE_MISSING = validationMessage("enter.agreementTitle");

/**
 * "Propose amendment": the terms as they would be (each checked as the draft form checks it; a
 * title is required, since it is no longer made up from the partner's name), with the reasons and
 * record of decision of any proposal. Whether anything changes is the operation's to say.
 */
export const amendmentSchema = z
  .object({
    ...proposalCase,
    command: z.literal(AMENDMENT_COMMAND, { error: validationMessage("check.unknownCommand") }),
    relationshipType: agreementFields.shape.relationshipType,
    title: agreementFields.shape.title.refine((title) => title !== undefined, AMENDMENT_TITLE_MISSING),
    purpose: agreementFields.shape.purpose,
    themes: agreementFields.shape.themes,
    publicSummary: agreementFields.shape.publicSummary,
    formalisedOn: agreementFields.shape.formalisedOn,
  })
  .superRefine((value, context) => {
    requireReasons(value, context);
    if (value.formalisedOn && value.formalisedOn > todayUtc()) context.addIssue({ code: "custom", path: ["formalisedOn"], message: CHECKS.inFuture.formalisedOn });
  });

export type CommandInput = z.output<typeof commandSchema>;
export type AmendmentInput = z.output<typeof amendmentSchema>;

/** Why an amendment that would leave every term as it is, is refused. */
export const AMENDMENT_CHANGES_NOTHING = validationMessage("check.amendmentChangesNothing");
/** Why a proposed formalised date before the link began is refused (as on the draft form). */
export const FORMALISED_BEFORE_BEGAN = CHECKS.formalisedBeforeBegan;

const LEAD_OFFICER_MESSAGE = validationMessage("choose.leadOfficer");

/**
 * "Correct details" of an Active or Suspended link: the partner's website, coordinates, population,
 * region, Wikidata ID and feed address, the lead officer and the internal notes, each read as the draft form reads it
 * (334,000; www.lille.fr completed to https://). Not terms: applied at once, audited.
 */
export const correctionSchema = z
  .object({
    agreementId: z.uuid({ error: NOT_FOUND }),
    version: versionField,
    website: agreementFields.shape.website,
    latitude: agreementFields.shape.latitude,
    longitude: agreementFields.shape.longitude,
    population: agreementFields.shape.population,
    region: agreementFields.shape.region,
    wikidataId: agreementFields.shape.wikidataId,
    feedUrl: agreementFields.shape.feedUrl,
    leadOfficerId: z.preprocess((value) => (value === "" ? undefined : value), z.uuid({ error: LEAD_OFFICER_MESSAGE }).optional()),
    internalNotes: agreementFields.shape.internalNotes,
  })
  .superRefine((value, context) => {
    if ((value.latitude === undefined) !== (value.longitude === undefined)) {
      context.addIssue({ code: "custom", path: [value.latitude === undefined ? "latitude" : "longitude"], message: CHECKS.coordinates });
    }
  });

export type CorrectionInput = z.output<typeof correctionSchema>;

/** Why a correction that changes nothing, or names someone who cannot lead a link, is refused. */
export const CORRECTION_CHANGES_NOTHING = validationMessage("check.correctionChangesNothing");
export const LEAD_OFFICER_NOT_STAFF = LEAD_OFFICER_MESSAGE;

const NEXT_REVIEW_DATE_MISSING = validationMessage("enter.nextReviewDate");
const NEXT_REVIEW_DATE_NOT_FUTURE = validationMessage("check.nextReviewDateNotFuture");

/** "Record a review": its outcome, notes, and the next review date, which must be in the future. */
export const reviewSchema = z.object({
  agreementId: z.uuid({ error: NOT_FOUND }),
  version: versionField,
  outcome: enumField("choose.reviewOutcome", REVIEW_OUTCOMES),
  reviewNotes: longText("reviewNotes", 5000),
  nextReviewDate: z.preprocess(
    (value) => (typeof value === "string" && value.trim() === "" ? undefined : value),
    dateField("nextReviewDate").refine((date) => date > todayUtc(), NEXT_REVIEW_DATE_NOT_FUTURE).optional(),
  )
    .refine((date) => date !== undefined, NEXT_REVIEW_DATE_MISSING)
    .transform((date) => date as Date),
});

export type ReviewInput = z.output<typeof reviewSchema>;

const PARTNER_DECISION_MISSING = validationMessage("enter.partnerDecision");

/**
 * "Record partner confirmation": the partner's decision date and reference, checked as the draft
 * form checks them (a real date, not in the future; a reference of one line), and at least one of
 * the two, since either is what makes a link confirmed (an old link's minute may have no known
 * date, a letter may have no reference); the note is optional.
 */
export const confirmationSchema = z
  .object({
    agreementId: z.uuid({ error: NOT_FOUND }),
    version: versionField,
    partnerDecisionDate: agreementFields.shape.partnerDecisionDate,
    partnerDecisionReference: agreementFields.shape.partnerDecisionReference,
    confirmationNote: longText("confirmationNote", 5000),
  })
  .superRefine((value, context) => {
    if (!value.partnerDecisionDate && !value.partnerDecisionReference) {
      context.addIssue({ code: "custom", path: ["partnerDecisionDate"], message: PARTNER_DECISION_MISSING });
    } else if (value.partnerDecisionDate && value.partnerDecisionDate > todayUtc()) {
      context.addIssue({ code: "custom", path: ["partnerDecisionDate"], message: CHECKS.inFuture.partnerDecisionDate });
    }
  });

export type ConfirmationInput = z.output<typeof confirmationSchema>;

/** The typed fields of a vote; the form checks these before sending (the button carries the decision). */
export const voteFieldsSchema = z.object({
  proposalId: z.uuid({ error: validationMessage("notFound.proposal") }),
  reason: longText("reason", 5000),
  reference: optionalText("decisionReference", 200),
});

export const voteSchema = voteFieldsSchema
  .extend({ decision: z.enum(["approve", "reject"], { error: validationMessage("choose.decision") }) })
  .superRefine((value, context) => {
    if (rejectionLacksReason({ approve: value.decision === "approve", reason: value.reason })) context.addIssue({ code: "custom", path: ["reason"], message: REJECTION_REASON_MESSAGE });
  });

export type VoteInput = z.output<typeof voteSchema>;

const MEETING_URL_MESSAGE = validationMessage("check.meetingUrl");
/** An urgent decision without its reason. */
const URGENCY_REASON_MESSAGE = validationMessage("enter.urgencyReason");
const MEETING_DATE_IN_FUTURE = validationMessage("rule.dateInFuture", { label: "meetingDate" });

/**
 * "Record the decision" on a proposal decided outside the app's vote: approved or rejected (a
 * rejection needs a reason, as a vote's), a reference, and on the meeting-resolution route the
 * meeting, its date, the minute reference and a link to the council's committee system (which of
 * these the route requires is the operation's to say: the route is the proposal's).
 */
export const recordDecisionSchema = voteFieldsSchema
  .extend({
    decision: z.enum(["approve", "reject"], { error: validationMessage("choose.decision") }),
    meetingName: optionalText("meetingName", 200),
    meetingDate: optionalDate("meetingDate"),
    minuteReference: optionalText("minuteReference", 200),
    meetingUrl: optionalText("meetingUrl", 500)
      .transform((value) => (value === undefined ? undefined : completeWebsite(value)))
      .refine((value) => value === undefined || /^https?:\/\/[^\s]+\.[^\s]+$/i.test(value), MEETING_URL_MESSAGE),
    // Call-in (docs/decisions/023-call-in.md): "Urgent (exempt from call-in)", a checkbox, with its required reason.
    urgent: z
      .union([z.boolean(), z.string(), z.array(z.string())])
      .optional()
      .transform((value) => value === true || value === "yes" || (Array.isArray(value) && value.includes("yes"))),
    urgencyReason: longText("urgencyReason", 2000),
  })
  .superRefine((value, context) => {
    if (value.urgent && value.decision === "approve" && !value.urgencyReason) context.addIssue({ code: "custom", path: ["urgencyReason"], message: URGENCY_REASON_MESSAGE });
    if (rejectionLacksReason({ approve: value.decision === "approve", reason: value.reason })) context.addIssue({ code: "custom", path: ["reason"], message: REJECTION_REASON_MESSAGE });
    if (value.meetingDate && value.meetingDate > todayUtc()) context.addIssue({ code: "custom", path: ["meetingDate"], message: MEETING_DATE_IN_FUTURE });
  });

export type RecordDecisionInput = z.output<typeof recordDecisionSchema>;


/** The languages staff translate an agreement's public text into: the public pages' languages but English. */
export const CONTENT_LOCALES = ["cy", "de", "fr"] as const satisfies readonly Exclude<Locale, "en">[];
export type ContentLocale = (typeof CONTENT_LOCALES)[number];

/**
 * One language's translation of an agreement's public text: the summary, and the public reason
 * of the decision behind its current status. A blank field removes that field's translation (the
 * public page then shows the English, marked "Not yet translated").
 */
export const translationSchema = z.object({
  agreementId: z.uuid({ error: NOT_FOUND }),
  locale: z.enum(CONTENT_LOCALES, { error: validationMessage("choose.contentLanguage") }),
  publicSummary: longText("publicSummary", 2000),
  publicReason: longText("publicReason", 2000),
});

export type TranslationInput = z.output<typeof translationSchema>;
