// The words of the validation messages (messages/validation), and the way back from an English
// message to the page's language. The schemas are shared by the server action and the form in
// the browser, and zod reports one string per problem: each schema builds that string in English
// here (messages/validation/en.json is the one home of the English wording) and records what it
// was built from, so translateFieldMessage can word it again in Welsh. Every message is built when
// its schema module loads (the set is finite), never from what a user typed. Decision 020.
// The JSON is imported with its type named: Playwright loads this module (e2e/fixtures.ts imports
// ./auth) through Node.js, which reads JSON only so.
import { createTranslator } from "use-intl/core";
import validationCy from "@/messages/validation/cy.json" with { type: "json" };
import validationDe from "@/messages/validation/de.json" with { type: "json" };
import validationEn from "@/messages/validation/en.json" with { type: "json" };
import validationFr from "@/messages/validation/fr.json" with { type: "json" };
import { formatTimeWithZone } from "@/lib/domain/format";
import { LANGUAGE_TAGS, type Locale } from "@/lib/i18n/locales";

type Words = typeof validationEn;

/** "a.b" for every leaf of a message tree. */
type Leaves<T, Prefix extends string = ""> = { [K in keyof T & string]: T[K] extends string ? `${Prefix}${K}` : Leaves<T[K], `${Prefix}${K}.`> }[keyof T & string];

/** A field's name as the messages give it ("Partner name"): messages/validation label.*. */
export type FieldLabel = keyof Words["label"];
/** A message of messages/validation, but the field names. */
export type ValidationKey = Exclude<Leaves<Words>, `label.${string}`>;
/**
 * What a message says beside its words: the field's name (a key, worded in each language), a time
 * of day (an ISO instant, written as the language writes times, with its zone), numbers as text,
 * and the keys an ICU select words in each language (a status, a command).
 */
export type MessageValues = { label?: FieldLabel; time?: string; [name: string]: string | undefined };

/** A partial translation over the English: each message it does not word stays English. */
type PartialWords<T> = { [K in keyof T]?: T[K] extends string ? string : PartialWords<T[K]> };

function over<T extends Record<string, unknown>>(english: T, partial: PartialWords<T>): T {
  const merged: Record<string, unknown> = { ...english };
  for (const [key, value] of Object.entries(partial)) {
    merged[key] = typeof value === "string" ? value : over(english[key] as Record<string, unknown>, value as PartialWords<Record<string, unknown>>);
  }
  return merged as T;
}

/**
 * The languages the validation messages are written in; any other page shows the English. German
 * and French word only what the pages in those languages can show: the partner's answer on
 * /confirm/<token> (messages/validation/de.json, fr.json); the rest stays English.
 */
const TRANSLATIONS: { [locale in Locale]?: Words } = {
  en: validationEn,
  cy: validationCy,
  de: over<Words>(validationEn, validationDe satisfies PartialWords<Words>),
  fr: over<Words>(validationEn, validationFr satisfies PartialWords<Words>),
};

const translators = new Map<Locale, ReturnType<typeof translatorFor>>();

function translatorFor(locale: Locale, words: Words) {
  return createTranslator({ locale: LANGUAGE_TAGS[locale], messages: { validation: words }, namespace: "validation" });
}

function translator(locale: Locale) {
  const words = TRANSLATIONS[locale];
  if (!words) return null;
  let t = translators.get(locale);
  if (!t) translators.set(locale, (t = translatorFor(locale, words)));
  return t;
}

function word(locale: Locale, key: ValidationKey, values: MessageValues): string {
  const t = translator(locale)!;
  const { label, time, ...rest } = values;
  // Numbers are passed as text ("10000", "-90"), as the English always showed them: ICU would group them.
  const args: Record<string, string> = { ...(rest as Record<string, string>) };
  if (label !== undefined) args.label = t(`label.${label}` as never);
  // "14:05 GMT" in English, "15:05 GMT+1" in Welsh in summer: lib/domain/format.ts, as every page writes a time.
  if (time !== undefined) args.time = formatTimeWithZone(new Date(time), locale);
  return t(key as never, args as never);
}

/** English message → what it was built from. */
const REGISTRY = new Map<string, { key: ValidationKey; values: MessageValues }>();

/**
 * Messages that carry a time (when a sign-in lock ends) are built when they are needed, one per
 * minute at most, and shown at once: only the latest are kept, so the registry stays finite.
 */
const TIMED = new Map<string, { key: ValidationKey; values: MessageValues }>();
const TIMED_LIMIT = 1000;

/** The English message `key` with `values`, recorded so that it can be shown in another language. */
export function validationMessage(key: ValidationKey, values: MessageValues = {}): string {
  const english = word("en", key, values);
  if (values.time === undefined) {
    if (!REGISTRY.has(english)) REGISTRY.set(english, { key, values });
  } else if (!TIMED.has(english)) {
    if (TIMED.size >= TIMED_LIMIT) TIMED.delete(TIMED.keys().next().value!);
    TIMED.set(english, { key, values });
  }
  return english;
}

/** A field's name in English ("Partner name"), for a message worded outside messages/validation. */
export function fieldLabel(label: FieldLabel): string {
  return validationEn.label[label];
}

/**
 * A message a schema (or an operation) gave, in `locale`: the English message worded again from
 * its key, field name included. A message not built by validationMessage (or already translated)
 * is returned as it is.
 */
export function translateFieldMessage(message: string, locale: Locale): string {
  if (locale === "en") return message;
  const entry = REGISTRY.get(message) ?? TIMED.get(message);
  if (!entry || !TRANSLATIONS[locale]) return message;
  return word(locale, entry.key, entry.values);
}

/** Every message of a form's field errors in `locale`. */
export function translateFieldErrors<T extends Record<string, string[] | undefined>>(fieldErrors: T, locale: Locale): T {
  if (locale === "en") return fieldErrors;
  return Object.fromEntries(Object.entries(fieldErrors).map(([field, messages]) => [field, messages?.map((message) => translateFieldMessage(message, locale))])) as T;
}

/** Every English message built so far, with what it was built from (for the tests). */
export function registeredMessages(): ReadonlyMap<string, { key: ValidationKey; values: MessageValues }> {
  return new Map([...REGISTRY, ...TIMED]);
}
