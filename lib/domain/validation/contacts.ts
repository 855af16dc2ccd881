// The forms of a link's contacts and of the partner's own answer (issue 23 items 1 and 3): one
// schema per command, shared by the form and its server action.
import { z } from "zod";
import { LOCALES } from "@/lib/i18n/locales";
import { enumField, longText, optionalText, requiredText } from "./fields";
import { validationMessage } from "./messages";

/** What the operations of contacts and of the partner's answer refuse with (lib/contacts/). */
export const CONTACT_REFUSALS = {
  contactMissing: validationMessage("notFound.contact"),
  answerMissing: validationMessage("notFound.partnerAnswer"),
  nobodyWithEmail: validationMessage("notFound.person"),
  contactWithoutEmail: validationMessage("check.contactWithoutEmail"),
  notRequestable: validationMessage("check.notRequestable"),
  linkUnusable: validationMessage("check.confirmationLinkUnusable"),
  answerThrottled: validationMessage("check.answerThrottled"),
  answerNotAcceptable: validationMessage("check.answerNotAcceptable"),
  notPartnerConfirmed: validationMessage("check.notPartnerConfirmed"),
  chooseContact: validationMessage("choose.confirmationContact"),
} as const;

const agreementId = z.uuid({ error: validationMessage("notFound.agreement") });
const contactId = z.uuid({ error: validationMessage("notFound.contact") });

/** Digits, spaces and the signs people write a phone number with; at least six digits. */
const PHONE = /^\+?[0-9 ()./-]+$/;

const email = z.preprocess(
  (value) => (typeof value === "string" && value.trim() === "" ? undefined : value),
  requiredText("email", 320, "enter.emailAddress")
    .transform((value) => value.toLowerCase())
    .refine((value) => z.email().safeParse(value).success, validationMessage("enter.emailFormat"))
    .optional(),
);

/** "Add a contact" and editing one (contactId given). */
export const contactSchema = z.object({
  agreementId,
  contactId: z.preprocess((value) => (value === "" ? undefined : value), contactId.optional()),
  name: requiredText("name", 120, "enter.contactName"),
  organisation: optionalText("organisation", 200),
  role: optionalText("contactRole", 120),
  email,
  phone: optionalText("phone", 40).refine((value) => value === undefined || (PHONE.test(value) && value.replace(/\D/g, "").length >= 6), validationMessage("check.phone")),
  preferredLanguage: enumField("choose.preferredLanguage", LOCALES),
  contactNotes: longText("contactNotes", 2000),
});
export type ContactInput = z.output<typeof contactSchema>;

export const removeContactSchema = z.object({ agreementId, contactId });
export type RemoveContactInput = z.output<typeof removeContactSchema>;

/** "Request confirmation from partner": which contact receives the link. */
export const requestConfirmationSchema = z.object({
  agreementId,
  contactId: z.uuid({ error: CONTACT_REFUSALS.chooseContact }),
});
export type RequestConfirmationInput = z.output<typeof requestConfirmationSchema>;

/** The partner's answer on /confirm/<token>: the button pressed and "Your reference". */
export const partnerAnswerSchema = z.object({
  // Anything wrong with the token is a link that does not work: the page it belongs to says why.
  token: z.string({ error: CONTACT_REFUSALS.linkUnusable }).max(100, CONTACT_REFUSALS.linkUnusable),
  answer: enumField("choose.partnerAnswer", ["CONFIRMED", "DECLINED"]),
  reference: optionalText("yourReference", 200),
});
export type PartnerAnswerInput = z.output<typeof partnerAnswerSchema>;

/** "Accept confirmation": the partner's confirmation becomes the link's partner decision. */
export const acceptAnswerSchema = z.object({
  agreementId,
  answerId: z.uuid({ error: validationMessage("notFound.partnerAnswer") }),
});
export type AcceptAnswerInput = z.output<typeof acceptAnswerSchema>;

/** A person without an account, by email (/admin/people): their export and erasure. */
export const personEmailSchema = z.object({
  email: requiredText("email", 320, "enter.emailAddress")
    .transform((value) => value.toLowerCase())
    .refine((value) => z.email().safeParse(value).success, validationMessage("enter.emailFormat")),
});

/** "Record confirmation withdrawn", with why. */
export const withdrawConfirmationSchema = z.object({
  agreementId,
  reason: longText("reason", 5000).refine((value) => value.length > 0, validationMessage("enter.withdrawalReason")),
});
export type WithdrawConfirmationInput = z.output<typeof withdrawConfirmationSchema>;
