// Building blocks for the command schemas. Every message names its field, because it is shown
// both beside the field and in the error summary at the top of the form.
import { z } from "zod";
import { validationMessage, type FieldLabel, type ValidationKey } from "./messages";
import { WIKIDATA_ID_PATTERN } from "@/lib/domain/wikidata";

// C0/C1 control characters (not tab or newline) and the bidirectional overrides used to disguise text.
export const FORBIDDEN_CHARACTERS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/;

// Each helper takes the field's name as a key of messages/validation (label.*) and builds its
// messages there when the schema is made (lib/domain/validation/messages.ts: the page shows them
// in its own language).

function cleanText(label: FieldLabel, max: number, multiline: boolean) {
  return z
    .string({ error: validationMessage("rule.notText", { label }) })
    .transform((value) => value.normalize("NFC").replace(/\r\n?/g, "\n").trim())
    .refine((value) => value.length <= max, validationMessage("rule.tooLong", { label, max: String(max) }))
    .refine((value) => !FORBIDDEN_CHARACTERS.test(value), validationMessage("rule.forbiddenCharacters", { label }))
    .refine((value) => multiline || !value.includes("\n"), validationMessage("rule.oneLine", { label }));
}

/** A query-string parameter (?status=…): its first value, trimmed; undefined when absent or empty. */
export function queryParam(value: string | string[] | undefined): string | undefined {
  const text = Array.isArray(value) ? value[0] : value;
  return text?.trim() || undefined;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Whether a page segment or parameter is a UUID: anything else would be refused by the database (a 500), so it is no record of ours. */
export function isUuid(value: string): boolean {
  return UUID.test(value);
}

/**
 * A query-string parameter that names one of `choices`' own keys (an enum, a table of sorts),
 * else undefined. Object.hasOwn, not `in`: "constructor" or "__proto__" is in every object.
 */
export function queryChoice<T extends object>(value: string | string[] | undefined, choices: T): (keyof T & string) | undefined {
  const text = queryParam(value);
  return text !== undefined && Object.hasOwn(choices, text) ? (text as keyof T & string) : undefined;
}

/** The value `table` holds under `key` itself (a message for ?done=…), never an inherited one. */
export function ownValue<V>(table: Readonly<Record<string, V>>, key: string | string[] | undefined): V | undefined {
  return typeof key === "string" && Object.hasOwn(table, key) ? table[key] : undefined;
}

/**
 * Search text from a query string (?q=…): the first value, without control or bidi characters
 * (PostgreSQL refuses a NUL in a query), trimmed and at most `max` characters; undefined when empty.
 */
export function searchText(value: string | string[] | undefined, max = 100): string | undefined {
  const text = Array.isArray(value) ? value[0] : value;
  return text?.normalize("NFC").replace(new RegExp(FORBIDDEN_CHARACTERS.source, "g"), "").trim().slice(0, max) || undefined;
}

/** Required one-line text; `missing`: the message for a blank field ("enter.…"). */
export function requiredText(label: FieldLabel, max: number, missing: ValidationKey) {
  return cleanText(label, max, false).refine((value) => value.length > 0, validationMessage(missing));
}

/** Optional one-line text: empty becomes undefined. */
export function optionalText(label: FieldLabel, max = 200) {
  return z.preprocess(emptyToUndefined, cleanText(label, max, false).optional()).transform((value) => value || undefined);
}

/** Multi-line text; empty is kept as "". */
export function longText(label: FieldLabel, max = 5000) {
  return z.preprocess((value) => (value === undefined || value === null ? "" : value), cleanText(label, max, true));
}

export function requiredLongText(label: FieldLabel, max: number, missing: ValidationKey) {
  return longText(label, max).refine((value) => value.length > 0, validationMessage(missing));
}

function emptyToUndefined(value: unknown) {
  return typeof value === "string" && value.trim() === "" ? undefined : value === null ? undefined : value;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A calendar date (YYYY-MM-DD from a date input) as a Date at UTC midnight. */
export function dateField(label: FieldLabel) {
  return z
    .string({ error: validationMessage("rule.notDate", { label }) })
    .trim()
    .refine((value) => parseIsoDate(value) !== null, validationMessage("rule.notRealDate", { label }))
    .transform((value) => parseIsoDate(value) as Date);
}

export function optionalDate(label: FieldLabel) {
  return z.preprocess(emptyToUndefined, dateField(label).optional());
}

export function parseIsoDate(value: string): Date | null {
  const match = ISO_DATE.exec(value);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (year < 1000 || year > 2999) return null;
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day ? date : null;
}

const PLAIN_NUMBER = /^[-+]?\d+(\.\d+)?$/;
// Thousands in groups of three, one separator throughout: 334,000 · 334 000 (also a no-break or thin space) · 1,234,567.5
const GROUPED_NUMBER = /^[-+]?\d{1,3}([, \u00A0\u2009\u202F])\d{3}(?:\1\d{3})*(\.\d+)?$/;
// "3,5": a decimal comma (or a mistyped group), which English would read otherwise: refused, not guessed.
const DECIMAL_COMMA = /^[-+]?\d+,\d+$/;

/**
 * A number as typed in a text input: plain (334000, -1.5) or with its thousands grouped by commas
 * or spaces (334,000 · 334 000). A comma is only ever a thousands separator (the council writes
 * English numbers: "3,500" is three thousand five hundred); "3,5" is refused with its own message
 * ("decimalComma"), never read as 3.5 or 35. Anything else is "notNumber".
 */
export function parseNumberText(text: string): number | "notNumber" | "decimalComma" {
  const value = text.trim();
  if (PLAIN_NUMBER.test(value)) return Number(value);
  if (GROUPED_NUMBER.test(value)) return Number(value.replace(/[, \u00A0\u2009\u202F]/g, ""));
  return DECIMAL_COMMA.test(value) ? "decimalComma" : "notNumber";
}

/** An optional number from a text input (parseNumberText), within a range. */
export function optionalNumber(label: FieldLabel, min: number, max: number, options: { integer?: boolean } = {}) {
  const notNumber = validationMessage("rule.notNumber", { label });
  const decimalComma = validationMessage("rule.decimalComma", { label });
  return z.preprocess(
    (value, context) => {
      const empty = emptyToUndefined(value);
      if (typeof empty !== "string") return empty;
      const parsed = parseNumberText(empty);
      if (parsed !== "decimalComma") return typeof parsed === "number" ? parsed : Number.NaN;
      context.addIssue({ code: "custom", message: decimalComma });
      return undefined; // one message: the optional number below accepts it
    },
    z
      .number({ error: notNumber })
      .refine((value) => Number.isFinite(value), notNumber)
      .refine((value) => !options.integer || Number.isInteger(value), validationMessage("rule.notWholeNumber", { label }))
      .refine((value) => value >= min && value <= max, validationMessage("rule.between", { label, min: String(min), max: String(max) }))
      .optional(),
  );
}

/**
 * A website as typed: "www.lille.fr" or "lille.fr" is completed to "https://www.lille.fr" (a
 * scheme, "mailto:" or "javascript:", is kept, and refused by the field's check); "//lille.fr" too.
 */
export function completeWebsite(value: string): string {
  if (/^https?:\/\//i.test(value) || /^[a-z][a-z0-9+.-]*:(?!\d)/i.test(value)) return value;
  return `https://${value.replace(/^\/\//, "")}`;
}

/** One of an enum's values, with a message that names the field ("choose.…"). */
export function enumField<const T extends readonly [string, ...string[]]>(missing: ValidationKey, values: T) {
  return z.enum(values, { error: validationMessage(missing) });
}

/** The hidden version field of an edit form. */
const OUT_OF_DATE = validationMessage("rule.outOfDate");
export const versionField = z.coerce.number({ error: OUT_OF_DATE }).int({ error: OUT_OF_DATE }).min(1, { error: OUT_OF_DATE });

/** Today's date at UTC midnight, for "in the future" rules. */
export function todayUtc(now = new Date()): Date {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
}

/**
 * An optional address of a partner's twinning-link feed (docs/decisions/025-partner-feeds.md): an
 * absolute http(s) address without a user name or password, as typed (not completed: a feed is
 * copied, not remembered). Which addresses are reached is the fetcher's check, after DNS.
 */
export function optionalFeedAddress(label: FieldLabel) {
  return optionalText(label, 2000).refine((value) => {
    if (value === undefined) return true;
    try {
      const url = new URL(value);
      return (url.protocol === "https:" || url.protocol === "http:") && !url.username && !url.password && url.hostname !== "" && !/\s/.test(value);
    } catch {
      return false;
    }
  }, validationMessage("check.feedUrl", { label }));
}

/** An optional Wikidata item ID (lib/domain/wikidata.ts): "q365" is read as Q365; empty is none. */
export function optionalWikidataId(label: FieldLabel) {
  return optionalText(label, 20)
    .transform((value) => value?.toUpperCase())
    .refine((value) => value === undefined || WIKIDATA_ID_PATTERN.test(value), validationMessage("check.wikidataId", { label }));
}
