// The forms of call-in (issue 24 item 4, docs/decisions/023-call-in.md): a scrutiny member's
// "Call in", scrutiny's outcome, the decision-maker's (or full council's) answer to a referral,
// the bank-holiday list, and an admin marking a councillor as a scrutiny member.
import { z } from "zod";
import { dateField, enumField, optionalDate, optionalText, requiredLongText, requiredText } from "./fields";
import { validationMessage } from "./messages";

const proposalId = z.uuid({ error: validationMessage("notFound.proposal") });

/** "Call in" on a decision in its call-in period: the reason is required. */
export const callInSchema = z.object({
  proposalId,
  reason: requiredLongText("callInReason", 5000, "enter.callInReason"),
});
export type CallInInput = z.output<typeof callInSchema>;

/** What scrutiny may decide on a called-in decision. */
export const SCRUTINY_OUTCOMES = ["NO_FURTHER_ACTION", "REFERRED_BACK", "REFERRED_TO_COUNCIL"] as const;
export type ScrutinyOutcome = (typeof SCRUTINY_OUTCOMES)[number];

/** "Record the outcome of scrutiny": the outcome, with the committee's reasons and an optional reference (its minute). */
export const scrutinyOutcomeSchema = z.object({
  proposalId,
  outcome: enumField("choose.scrutinyOutcome", SCRUTINY_OUTCOMES),
  reason: requiredLongText("outcomeReason", 5000, "enter.outcomeReason"),
  reference: optionalText("decisionReference", 200),
});
export type ScrutinyOutcomeInput = z.output<typeof scrutinyOutcomeSchema>;

/**
 * A referred decision's answer: the decision-maker (referred back) or full council (referred to
 * it, recorded like a meeting's resolution: the meeting, its date and the minute, checked by the
 * operation on that state) confirms it — it takes effect — or withdraws it.
 */
export const referralAnswerSchema = z.object({
  proposalId,
  answer: enumField("choose.referralAnswer", ["confirm", "withdraw"]),
  reason: requiredLongText("outcomeReason", 5000, "enter.outcomeReason"),
  reference: optionalText("decisionReference", 200),
  meetingName: optionalText("meetingName", 200),
  meetingDate: optionalDate("meetingDate"),
  minuteReference: optionalText("minuteReference", 200),
});
export type ReferralAnswerInput = z.output<typeof referralAnswerSchema>;

/** Add a bank holiday to the list working days leave out. */
export const bankHolidaySchema = z.object({
  date: z.preprocess((value) => (value === "" ? undefined : value), dateField("bankHolidayDate").optional()).refine((value) => value !== undefined, validationMessage("enter.bankHolidayDate")).transform((value) => value as Date),
  name: requiredText("bankHolidayName", 120, "enter.bankHolidayName"),
});
export type BankHolidayInput = z.output<typeof bankHolidaySchema>;

/** Remove a bank holiday from the list. */
export const removeBankHolidaySchema = z.object({ date: dateField("bankHolidayDate") });
export type RemoveBankHolidayInput = z.output<typeof removeBankHolidaySchema>;

/** Mark a councillor as a member of the scrutiny committee, or not. */
export const scrutinyMemberSchema = z.object({
  userId: z.uuid({ error: validationMessage("notFound.user") }),
  scrutinyMember: z.enum(["true", "false"]).transform((value) => value === "true"),
});
export type ScrutinyMemberInput = z.output<typeof scrutinyMemberSchema>;
