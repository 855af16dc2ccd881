import { z } from "zod";
import { Direction, ExchangeKind, FundingSource, Visibility } from "@/generated/prisma/enums";
import { enumField, longText, optionalDate, optionalText, parseIsoDate, requiredLongText } from "./fields";
import { validationMessage, type FieldLabel, type ValidationKey } from "./messages";

const kindValues = Object.values(ExchangeKind) as [ExchangeKind, ...ExchangeKind[]];
const directionValues = Object.values(Direction) as [Direction, ...Direction[]];
const fundingValues = Object.values(FundingSource) as [FundingSource, ...FundingSource[]];
const visibilityValues = Object.values(Visibility) as [Visibility, ...Visibility[]];

export const DEFAULT_CURRENCY = "GBP";

/** Decimal(12, 2) in the database. */
export const MAX_COST = 9_999_999_999.99;

function blankToUndefined(value: unknown) {
  return typeof value === "string" && value.trim() === "" ? undefined : value === null ? undefined : value;
}

// Field checks add at most one issue each with superRefine rather than `abort`: an aborted
// field would stop the cross-field checks, and the form should show every problem at once.

/** A required calendar date, with a message for a blank field apart from one for a wrong date. */
function requiredDate(label: FieldLabel, missing: ValidationKey) {
  const blank = validationMessage(missing);
  const notReal = validationMessage("rule.notRealDate", { label });
  return z
    .string({ error: blank })
    .trim()
    .superRefine((value, context) => {
      if (value === "") context.addIssue({ code: "custom", message: blank });
      else if (parseIsoDate(value) === null) context.addIssue({ code: "custom", message: notReal });
    })
    .transform((value) => parseIsoDate(value) as Date);
}

/**
 * An optional amount or count that cannot be negative. "£1,200.50" and "1 200" are read as
 * numbers: people type them the way they write them.
 */
function nonNegative(label: FieldLabel, max: number, { integer = false, maxText }: { integer?: boolean; maxText: string }) {
  const messages = {
    notNumber: validationMessage("rule.notNumber", { label }),
    negative: validationMessage("rule.negative", { label }),
    notWholeNumber: validationMessage("rule.notWholeNumber", { label }),
    pence: validationMessage("rule.pence", { label }),
    atMost: validationMessage("rule.atMost", { label, max: maxText }),
  };
  return z.preprocess(
    (value) => {
      if (value === null || value === undefined) return undefined;
      if (typeof value !== "string") return value;
      const text = value.replace(/[£$€,\s]/g, "");
      if (text === "") return undefined;
      return /^[-+]?(\d+(\.\d*)?|\.\d+)$/.test(text) ? Number(text) : Number.NaN;
    },
    z
      .number({ error: messages.notNumber })
      .superRefine((value, context) => {
        const problem =
          value < 0
            ? messages.negative
            : integer && !Number.isInteger(value)
              ? messages.notWholeNumber
              : !integer && Math.abs(Math.round(value * 100) - value * 100) > 1e-6
                ? messages.pence
                : value > max
                  ? messages.atMost
                  : null;
        if (problem) context.addIssue({ code: "custom", message: problem });
      })
      .optional(),
  );
}

function isCurrencyCode(code: string): boolean {
  if (!/^[A-Z]{3}$/.test(code)) return false;
  return typeof Intl.supportedValuesOf === "function" ? Intl.supportedValuesOf("currency").includes(code) : true;
}

const currency = z.preprocess(
  (value) => (value === undefined || value === null || (typeof value === "string" && value.trim() === "") ? DEFAULT_CURRENCY : value),
  z
    .string({ error: validationMessage("check.currencyText") })
    .trim()
    .transform((value) => value.toUpperCase())
    .refine(isCurrencyCode, validationMessage("check.currencyCode")),
);

/** The fields of the exchange form, shared by "new" and "edit". */
export const exchangeFields = z.object({
  agreementId: z.uuid({ error: validationMessage("choose.exchangeAgreement") }),
  kind: enumField("choose.exchangeKind", kindValues),
  direction: z.enum(directionValues, { error: validationMessage("choose.direction") }),
  startDate: requiredDate("startDate", "enter.startDate"),
  endDate: optionalDate("endDate"),
  participantCount: nonNegative("participantCount", 100_000, { integer: true, maxText: "100,000" }),
  participantsDescription: optionalText("participantsDescription", 300),
  cost: nonNegative("cost", MAX_COST, { maxText: "9,999,999,999.99" }),
  currency,
  fundingSource: z.preprocess(blankToUndefined, z.enum(fundingValues, { error: validationMessage("choose.fundingSource") }).optional()),
  // Published with the cost in /open-data/twinning-costs.csv.
  purpose: longText("purpose", 1000),
  outcomes: longText("outcomes", 5000),
  visibility: z.enum(visibilityValues, { error: validationMessage("choose.exchangeVisibility") }),
});

const END_BEFORE_START = validationMessage("check.exchangeEndBeforeStart");
const OUT_OF_DATE = validationMessage("rule.outOfDate");

/** Runs even when other fields are wrong, so the form shows every problem at once. */
function checkExchange(value: z.output<typeof exchangeFields>, context: z.RefinementCtx) {
  const { startDate, endDate } = value as { startDate: unknown; endDate: unknown };
  if (startDate instanceof Date && endDate instanceof Date && endDate < startDate) {
    context.addIssue({ code: "custom", path: ["endDate"], message: END_BEFORE_START });
  }
}

export const createExchangeSchema = exchangeFields.superRefine(checkExchange, { when: () => true });

export const updateExchangeSchema = exchangeFields
  .extend({
    id: z.uuid({ error: validationMessage("notFound.exchange") }),
    /** When the form was loaded: the save is refused if someone else has saved since. */
    updatedAt: z
      .string({ error: OUT_OF_DATE })
      .refine((value) => !Number.isNaN(Date.parse(value)), OUT_OF_DATE)
      .transform((value) => new Date(value)),
  })
  .superRefine(checkExchange, { when: () => true });

export type CreateExchangeInput = z.output<typeof createExchangeSchema>;
export type UpdateExchangeInput = z.output<typeof updateExchangeSchema>;

export const EXCHANGE_FIELD_ORDER = [
  "agreementId",
  "kind",
  "direction",
  "startDate",
  "endDate",
  "participantCount",
  "participantsDescription",
  "cost",
  "currency",
  "fundingSource",
  "purpose",
  "outcomes",
  "visibility",
] as const;

/** Deleting an exchange logged in error: the reason is kept in the audit log with what was deleted. */
export const deleteExchangeSchema = z.object({
  id: z.uuid({ error: validationMessage("notFound.exchange") }),
  reason: requiredLongText("reason", 2000, "enter.deleteReason"),
});

export type DeleteExchangeInput = z.output<typeof deleteExchangeSchema>;
