// What a completed action tells its user. An operation returns its confirmation (a key of
// messages/confirmations, e.g. "event.created") with its result; createAction (lib/web/safe-action.ts)
// either returns the words to the form, in the language of the page it was posted from, or
// redirects with `?done=<code>` to the page that shows what was done, whose <ConfirmationBanner>
// turns the code back into the key (confirmationFor) and shows its words in the page's language.
// The code in the address is the key without its scope: the page says which scope it shows (the
// events list shows "event").

import type { Locale } from "@/lib/i18n/locales";
import { NAMESPACES } from "@/lib/i18n/messages";
import { ownValue } from "@/lib/domain/validation/fields";

/** Every confirmation by scope and code, in English (messages/confirmations/en.json): the keys are the contract. */
export const CONFIRMATIONS = NAMESPACES.confirmations.en satisfies Record<string, Record<string, string>>;

export type ConfirmationScope = keyof typeof CONFIRMATIONS;

/** A confirmation: its scope and its code, e.g. "event.created". */
export type Confirmation = { [S in ConfirmationScope]: `${S}.${keyof (typeof CONFIRMATIONS)[S] & string}` }[ConfirmationScope];

/** The query parameter that carries a confirmation's code across a redirect. */
export const CONFIRMATION_PARAM = "done";

function split(confirmation: Confirmation): [ConfirmationScope, string] {
  const dot = confirmation.indexOf(".");
  return [confirmation.slice(0, dot) as ConfirmationScope, confirmation.slice(dot + 1)];
}

/** A confirmation's words in `locale` (English unless given): what a form that stays shows. */
export function confirmationText(confirmation: Confirmation, locale: Locale = "en"): string {
  const [scope, code] = split(confirmation);
  const translated = (NAMESPACES.confirmations as Partial<Record<Locale, typeof CONFIRMATIONS>>)[locale] ?? CONFIRMATIONS;
  return (translated[scope] as Record<string, string>)[code]!;
}

/** `path` with the confirmation's code as the first query parameter: /exchanges?done=logged&agreement=… */
export function pathWithConfirmation(path: string, confirmation: Confirmation): string {
  const [pathname, query] = path.split("?", 2);
  const code = encodeURIComponent(split(confirmation)[1]);
  return `${pathname}?${CONFIRMATION_PARAM}=${code}${query ? `&${query}` : ""}`;
}

/**
 * The confirmation a `?done=` value names on a page that shows `scope`'s confirmations ("vote" and
 * "open" → "vote.open", a key of the "confirmations" messages); undefined for a missing, repeated
 * or unknown value.
 */
export function confirmationFor(scope: ConfirmationScope, done: string | string[] | undefined): Confirmation | undefined {
  return ownValue<string>(CONFIRMATIONS[scope], done) === undefined ? undefined : (`${scope}.${done as string}` as Confirmation);
}
