import { describe, expect, it } from "vitest";
import type { z } from "zod";
import validationCy from "@/messages/validation/cy.json";
import validationDe from "@/messages/validation/de.json";
import validationEn from "@/messages/validation/en.json";
import validationFr from "@/messages/validation/fr.json";
import { LocalityKind, RelationshipType } from "@/generated/prisma/enums";
// The server's own password check builds its messages when it loads (its dictionaries load later).
import "@/lib/auth/password-strength";
// Call-in's forms and refusals (docs/decisions/023-call-in.md).
import "@/lib/domain/call-in";
import "./call-in";
import "./partner-feed";
import { REFUSED, REFUSED_IN_STATUS, signInLockedMessage } from "@/lib/domain/errors";
import { checkCommand, COMMANDS, REJECTION_REASON_MESSAGE } from "@/lib/domain/lifecycle";
import { preferencesSchema } from "@/lib/notifications/preferences-schema";
import { changePasswordSchema, languageSchema } from "./account";
import { changeRoleSchema, createUserSchema, resetPasswordSchema, setActiveSchema, settingsSchema, unlockSignInSchema, userLanguageSchema } from "./admin";
import { commandSchema, createAgreementSchema, translationSchema, updateAgreementSchema, voteFieldsSchema, voteSchema } from "./agreement";
import { signInSchema } from "./auth";
import { acceptAnswerSchema, CONTACT_REFUSALS, contactSchema, partnerAnswerSchema, removeContactSchema, requestConfirmationSchema, withdrawConfirmationSchema } from "./contacts";
import { cancelTwoStepSchema, confirmTwoStepSchema, startTwoStepSchema, twoStepProofSchema, twoStepSignInSchema } from "./two-step";
import { createEventSchema, updateEventSchema } from "./event";
import { createExchangeSchema, updateExchangeSchema } from "./exchange";
import { registeredMessages, translateFieldErrors, translateFieldMessage, validationMessage } from "./messages";

// Built when a lock is met, not when a module loads: built here so that the registry holds one.
const LOCKED_IN_WINTER = signInLockedMessage(new Date("2026-01-10T14:05:00Z"));
const LOCKED_IN_SUMMER = signInLockedMessage(new Date("2026-07-10T14:05:00Z"));

const SCHEMAS: Record<string, z.ZodType> = {
  contactSchema,
  removeContactSchema,
  requestConfirmationSchema,
  partnerAnswerSchema,
  acceptAnswerSchema,
  withdrawConfirmationSchema,
  createAgreementSchema,
  updateAgreementSchema,
  commandSchema,
  voteFieldsSchema,
  voteSchema,
  translationSchema,
  createExchangeSchema,
  updateExchangeSchema,
  createEventSchema,
  updateEventSchema,
  createUserSchema,
  changeRoleSchema,
  setActiveSchema,
  userLanguageSchema,
  unlockSignInSchema,
  resetPasswordSchema,
  settingsSchema,
  signInSchema,
  changePasswordSchema,
  languageSchema,
  preferencesSchema,
  startTwoStepSchema,
  cancelTwoStepSchema,
  confirmTwoStepSchema,
  twoStepSignInSchema,
  twoStepProofSchema,
};

const FIELDS = [
  ...new Set([
    ...["partnerId", "partnerName", "country", "region", "localityKind", "relationshipType", "purpose", "themes", "linkBegan", "formalisedOn", "reviewDate", "publicSummary", "internalNotes"],
    ...["latitude", "longitude", "population", "website", "partnerDecisionDate", "partnerDecisionReference", "localName", "localNameLanguage"],
    ...["id", "version", "updatedAt", "agreementId", "proposalId", "command", "reason", "publicReason", "reference", "alternativesConsidered", "conflictsOfInterest", "backgroundPapers", "decision", "locale"],
    ...["kind", "direction", "startDate", "endDate", "participantCount", "participantsDescription", "cost", "currency", "fundingSource", "outcomes", "visibility"],
    ...["title", "startsAt", "endsAt", "timeZone", "place", "description"],
    ...["userId", "name", "email", "role", "password", "active", "language", "newPassword", "councilName", "approvalsNeeded", "dormancyMonths", "openDataLicence", "reminderDays"],
    // Not callbackUrl: a form sends it as text, and any text is read (safeReturnPath).
    ...["currentPassword", "confirmNewPassword", "enabled"],
    ...["step", "code", "passwordOrCode", "twoStepRequiredFor", "ssoOnlyForStaff"],
    ...["auditAddressMonths", "sentEmailDays", "participantsMonths", "failedSignInDays", "contactsMonths", "photosMonths", "securityContact"],
    ...["contactId", "organisation", "phone", "preferredLanguage", "contactNotes", "token", "answer", "answerId"],
  ]),
];

/** A value for each rule a field may break: wrong type, blank, too long, forbidden characters, two lines, bad dates and numbers. */
const BAD_VALUES: unknown[] = [
  undefined,
  123,
  ["a", "b"],
  "",
  " ",
  "x".repeat(20_001),
  "a\u0000b",
  "a\nb",
  "nope",
  "2024-02-30",
  "2999-01-01",
  "2000-01-01",
  "2027-13-45T99:00",
  "abc",
  "-5",
  "1.555",
  "1.5",
  "1000",
  "0",
  "99999999999999",
  "ftp://example.org",
  "!!",
  "XX",
  "short",
];

/** Whole inputs for the checks across fields. */
const UUID = "5b0c8f4e-2d4c-4b8e-9a57-0c3f1e2d4a6b";
const AGREEMENT = { localityKind: Object.values(LocalityKind)[0], relationshipType: Object.values(RelationshipType)[0] };

const CASES: [string, Record<string, unknown>][] = [
  ["createAgreementSchema", { ...AGREEMENT }],
  ["createAgreementSchema", { ...AGREEMENT, linkBegan: "2020-01-01", formalisedOn: "2019-01-01", latitude: "50", localName: "Kiel" }],
  ["createAgreementSchema", { ...AGREEMENT, longitude: "10", localNameLanguage: "de", partnerName: "Kiel\nnorth", reviewDate: "2001-01-01", linkBegan: "2999-01-01", formalisedOn: "2999-01-01", partnerDecisionDate: "2999-01-01" }],
  ["createAgreementSchema", { ...AGREEMENT, themes: ["NOT_A_THEME"], country: "" }],
  ...COMMANDS.map((command): [string, Record<string, unknown>] => ["commandSchema", { agreementId: UUID, version: "1", command, reason: "", publicReason: "" }]),
  ["voteSchema", { proposalId: UUID, decision: "reject", reason: "" }],
  ["createExchangeSchema", { startDate: "2024-05-02", endDate: "2024-05-01", cost: "-1", participantCount: "1.5", currency: "XYZ" }],
  ["createExchangeSchema", { cost: "1.555", participantCount: "100001" }],
  ["createExchangeSchema", { cost: "99999999999", participantCount: "-1", currency: 5 }],
  ["createEventSchema", { startsAt: "2027-03-28T01:30", endsAt: "2027-03-28T01:45", timeZone: "Europe/London" }],
  ["createEventSchema", { startsAt: "2027-05-08T19:00", endsAt: "2027-05-08T18:00", timeZone: "Europe/London" }],
  ["createEventSchema", { timeZone: "Mars/Olympus" }],
  ["changePasswordSchema", { currentPassword: "x", newPassword: "a long enough password", confirmNewPassword: "another one entirely" }],
  ["createUserSchema", { email: "not an email" }],
  ["settingsSchema", { approvalsNeeded: "0", dormancyMonths: "241", reminderDays: "91" }],
  ["settingsSchema", { approvalsNeeded: "1.5", dormancyMonths: "abc", reminderDays: "2.5" }],
];

/** Every message the schemas give for the inputs above. */
function producedMessages(): Set<string> {
  const messages = new Set<string>();
  const collect = (schema: z.ZodType, input: Record<string, unknown>) => {
    const parsed = schema.safeParse(input);
    if (!parsed.success) for (const issue of parsed.error.issues) messages.add(issue.message);
  };
  for (const schema of Object.values(SCHEMAS)) {
    collect(schema, {});
    for (const field of FIELDS) for (const value of BAD_VALUES) collect(schema, { [field]: value });
  }
  for (const [name, input] of CASES) collect(SCHEMAS[name]!, input);
  return messages;
}

describe("validation messages in the page's language", () => {
  const produced = producedMessages();

  it("the schemas' English is unchanged", () => {
    for (const message of [
      "Enter the partner name",
      "Choose locality type",
      "Choose a relationship type",
      "Partner name must be 120 characters or fewer",
      "Internal notes must be 10000 characters or fewer",
      "Latitude must be between -90 and 90",
      "Population must be a whole number",
      "Link began cannot be in the future",
      "Cost must be 9,999,999,999.99 or less",
      "Number of participants must be 100,000 or less",
      "Start date and time does not exist in that time zone: the clocks go forward then. Choose a time an hour later",
      "Enter the person's name",
      "Approvals needed must be between 1 and 9",
      "Password must be at least 12 characters",
      "The form is out of date — reload the page",
      REJECTION_REASON_MESSAGE,
    ]) {
      expect(produced, message).toContain(message);
    }
  });

  it("every message a schema gives has a Welsh translation", () => {
    const untranslated = [...produced].filter((message) => translateFieldMessage(message, "cy") === message);
    expect(untranslated).toEqual([]);
  });

  it("every message built is worded in Welsh, its field's name too, with nothing left unfilled", () => {
    for (const [english, { values }] of registeredMessages()) {
      const welsh = translateFieldMessage(english, "cy");
      expect(welsh, english).not.toBe(english);
      expect(welsh, english).not.toMatch(/[{}]|validation\./);
      if (values.label) expect(welsh, english).toContain(`‘${(validationCy.label as Record<string, string>)[values.label]}’`);
    }
  });

  it("every message of messages/validation is one a schema or an action builds", () => {
    const used = new Set([...registeredMessages().values()].map(({ key }) => key));
    const keys = Object.entries(validationEn).flatMap(([group, messages]) => (group === "label" ? [] : Object.keys(messages).map((key) => `${group}.${key}`)));
    // The action's own messages (lib/web/safe-action.ts) are built where the action is.
    expect(keys.filter((key) => !used.has(key as never) && !key.startsWith("server."))).toEqual([]);
  });

  it("English stays English, and a message it does not know (or German) passes through", () => {
    expect(translateFieldMessage("Enter the partner name", "en")).toBe("Enter the partner name");
    expect(translateFieldMessage("Enter the partner name", "cy")).toBe("Rhowch enw'r partner");
    expect(translateFieldMessage("Enter the partner name", "de")).toBe("Enter the partner name");
    expect(translateFieldMessage("Something nobody wrote", "cy")).toBe("Something nobody wrote");
    expect(translateFieldMessage("Rhowch enw'r partner", "cy")).toBe("Rhowch enw'r partner");
    expect(translateFieldMessage("Partner name must be 120 characters or fewer", "cy")).toBe("Rhaid i'r maes ‘Enw'r partner’ fod yn 120 nod neu lai");
    expect(translateFieldErrors({ partnerName: ["Enter the partner name"], other: undefined }, "cy")).toEqual({ partnerName: ["Rhowch enw'r partner"], other: undefined });
  });

  it("a refusal that names a status or a command is worded in Welsh, the status and the command too", () => {
    const refusal = checkCommand("proposeReinstatement", "ACTIVE", false);
    expect(refusal).toEqual({ ok: false, reason: "“Propose reinstatement” is not possible while the agreement is active." });
    expect(translateFieldMessage((refusal as { reason: string }).reason, "cy")).toBe("Nid yw “Cynnig adfer” yn bosibl tra bo'r cytundeb yn weithredol.");
    const final = checkCommand("proposeSuspension", "TERMINATED", false);
    expect(translateFieldMessage((final as { reason: string }).reason, "cy")).toBe("Mae'r cytundeb hwn wedi'i derfynu: mae hynny'n derfynol.");
    expect(REFUSED_IN_STATUS.exchangeAgreement.PENDING_APPROVAL).toBe("Exchanges can be logged only under an active or suspended agreement: that one is pending approval");
    expect(translateFieldMessage(REFUSED_IN_STATUS.exchangeAgreement.DRAFT, "cy")).toMatch(/: mae'r un hwnnw yn ddrafft$/);
    expect(translateFieldMessage(REFUSED.incorrectCredentials, "cy")).toBe("E-bost neu gyfrinair anghywir");
  });

  it("a sign-in lock says until when in the page's language, the time as each language writes it", () => {
    expect(LOCKED_IN_WINTER).toBe("Too many failed attempts to sign in. For your security, sign-in is locked until 14:05 GMT; try again then.");
    expect(translateFieldMessage(LOCKED_IN_WINTER, "cy")).toBe("Gormod o ymdrechion aflwyddiannus i fewngofnodi. Er eich diogelwch, mae mewngofnodi wedi'i gloi tan 14:05 GMT; rhowch gynnig arall arni bryd hynny.");
    // Summer time: "BST" in English; Welsh (CLDR) writes the offset.
    expect(LOCKED_IN_SUMMER).toContain("until 15:05 BST;");
    expect(translateFieldMessage(LOCKED_IN_SUMMER, "cy")).toContain("tan 15:05 GMT+1;");
  });

  it("the action's own messages are in Welsh too", () => {
    const english = validationMessage("server.unexpected");
    expect(english).toBe("Something went wrong on our side and nothing was saved. Please try again.");
    expect(translateFieldMessage(english, "cy")).not.toBe(english);
  });

  it("the partner's answer on /confirm/<token> is worded in German and French: each of its field errors and refusals", () => {
    const errors = (input: Record<string, unknown>) => Object.values(partnerAnswerSchema.safeParse(input).error?.flatten().fieldErrors ?? {}).flat() as string[];
    const shown = [
      ...errors({ token: "t", answer: "MAYBE", reference: "x".repeat(201) }),
      ...errors({ token: "t", answer: "CONFIRMED", reference: "ref\u0007" }),
      ...errors({ token: 7, answer: "CONFIRMED", reference: "a\nb" }),
      CONTACT_REFUSALS.linkUnusable,
      CONTACT_REFUSALS.answerThrottled,
      validationMessage("server.unexpected"),
    ];
    expect(new Set(shown).size).toBeGreaterThanOrEqual(7);
    for (const locale of ["de", "fr"] as const) {
      for (const english of shown) expect(translateFieldMessage(english, locale), `${english} in ${locale}`).not.toBe(english);
    }
    expect(translateFieldMessage("Your reference must be 200 characters or fewer", "de")).toBe("Ihr Aktenzeichen darf höchstens 200 Zeichen lang sein");
    expect(translateFieldMessage("Your reference must be 200 characters or fewer", "fr")).toBe("Votre référence ne doit pas dépasser 200 caractères");
    // What German and French do not word stays English (no page in those languages shows it).
    expect(translateFieldMessage("Enter the partner name", "de")).toBe("Enter the partner name");
  });

  it("German and French word only messages English has, with the same arguments", () => {
    const leaves = (tree: object, prefix = ""): [string, string][] => Object.entries(tree).flatMap(([key, value]) => (typeof value === "string" ? [[`${prefix}${key}`, value] as [string, string]] : leaves(value as object, `${prefix}${key}.`)));
    const english = new Map(leaves(validationEn));
    const argumentsOf = (text: string) => [...text.matchAll(/\{(\w+)/g)].map((match) => match[1]).sort();
    for (const translation of [validationDe, validationFr]) {
      for (const [key, text] of leaves(translation)) {
        expect(english.has(key), key).toBe(true);
        expect(argumentsOf(text), key).toEqual(argumentsOf(english.get(key)!));
      }
    }
  });
});
