import { z } from "zod";
import { Direction, ExchangeKind, FundingSource, Visibility } from "@/generated/prisma/enums";
import { enumField, longText, optionalDate, optionalText, parseIsoDate } from "./fields";

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
function requiredDate(label: string) {
  return z
    .string({ error: `Enter the ${label.toLowerCase()}` })
    .trim()
    .superRefine((value, context) => {
      if (value === "") context.addIssue({ code: "custom", message: `Enter the ${label.toLowerCase()}` });
      else if (parseIsoDate(value) === null) context.addIssue({ code: "custom", message: `${label} must be a real date, like 2024-03-31` });
    })
    .transform((value) => parseIsoDate(value) as Date);
}

/**
 * An optional amount or count that cannot be negative. "£1,200.50" and "1 200" are read as
 * numbers: people type them the way they write them.
 */
function nonNegative(label: string, max: number, { integer = false, maxText }: { integer?: boolean; maxText: string }) {
  return z.preprocess(
    (value) => {
      if (value === null || value === undefined) return undefined;
      if (typeof value !== "string") return value;
      const text = value.replace(/[£$€,\s]/g, "");
      if (text === "") return undefined;
      return /^[-+]?(\d+(\.\d*)?|\.\d+)$/.test(text) ? Number(text) : Number.NaN;
    },
    z
      .number({ error: `${label} must be a number` })
      .superRefine((value, context) => {
        const problem =
          value < 0
            ? `${label} cannot be negative`
            : integer && !Number.isInteger(value)
              ? `${label} must be a whole number`
              : !integer && Math.abs(Math.round(value * 100) - value * 100) > 1e-6
                ? `${label} must be in whole pence or cents (at most 2 decimal places)`
                : value > max
                  ? `${label} must be ${maxText} or less`
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
    .string({ error: "Currency must be a 3-letter code, like GBP or EUR" })
    .trim()
    .transform((value) => value.toUpperCase())
    .refine(isCurrencyCode, "Currency must be a 3-letter ISO 4217 code, like GBP or EUR"),
);

/** The fields of the exchange form, shared by "new" and "edit". */
export const exchangeFields = z.object({
  agreementId: z.uuid({ error: "Choose the agreement this exchange took place under" }),
  kind: enumField("the kind of exchange", kindValues),
  direction: z.enum(directionValues, { error: "Choose the direction: inbound, outbound or joint" }),
  startDate: requiredDate("Start date"),
  endDate: optionalDate("End date"),
  participantCount: nonNegative("Number of participants", 100_000, { integer: true, maxText: "100,000" }),
  participantsDescription: optionalText("Who took part", 300),
  cost: nonNegative("Cost", MAX_COST, { maxText: "9,999,999,999.99" }),
  currency,
  fundingSource: z.preprocess(blankToUndefined, z.enum(fundingValues, { error: "Choose a funding source from the list" }).optional()),
  outcomes: longText("Outcomes", 5000),
  visibility: z.enum(visibilityValues, { error: "Choose whether the exchange is public or internal" }),
});

/** Runs even when other fields are wrong, so the form shows every problem at once. */
function checkExchange(value: z.output<typeof exchangeFields>, context: z.RefinementCtx) {
  const { startDate, endDate } = value as { startDate: unknown; endDate: unknown };
  if (startDate instanceof Date && endDate instanceof Date && endDate < startDate) {
    context.addIssue({ code: "custom", path: ["endDate"], message: "End date must be the same as or after the start date" });
  }
}

export const createExchangeSchema = exchangeFields.superRefine(checkExchange, { when: () => true });

export const updateExchangeSchema = exchangeFields
  .extend({
    id: z.uuid({ error: "The exchange was not found" }),
    /** When the form was loaded: the save is refused if someone else has saved since. */
    updatedAt: z
      .string({ error: "The form is out of date — reload the page" })
      .refine((value) => !Number.isNaN(Date.parse(value)), "The form is out of date — reload the page")
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
  "outcomes",
  "visibility",
] as const;
