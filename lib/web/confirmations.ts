// What a completed action tells its user: every confirmation's words, in one table. An operation
// returns its confirmation (a key of this table) with its result; createAction (lib/web/safe-action.ts)
// either returns the words to the form, or redirects with `?done=<code>` to the page that shows
// what was done, whose <ConfirmationBanner> looks the code up here again. The code in the address
// is the key without its scope: the page says which scope it shows (the events list shows "event").

import { ownValue } from "@/lib/domain/validation/fields";

export const CONFIRMATIONS = {
  user: {
    created: "The user has been created. They can sign in now.",
    role: "The role has been changed. It takes effect on their next request.",
    "role-unchanged": "The user already had that role: nothing was changed.",
    deactivated: "The user has been deactivated and signed out.",
    reactivated: "The user has been reactivated.",
    password: "The password has been reset. Their other sessions have ended.",
    unlocked: "Sign-in has been unlocked. They can sign in again now.",
  },
  account: { "password-changed": "Your password has been changed. Your other sessions have been signed out." },
  agreement: {
    saved: "The draft has been saved.",
    submit: "Submitted for approval. Councillors have been asked to decide.",
    withdraw: "The draft has been withdrawn.",
    proposeSuspension: "Suspension proposed. Councillors have been asked to decide.",
    proposeReinstatement: "Reinstatement proposed. Councillors have been asked to decide.",
    proposeTermination: "Termination proposed. Councillors have been asked to decide.",
  },
  vote: {
    open: "Your approval is recorded. More approvals are needed before the change takes effect.",
    approved: "Approved. The change has taken effect.",
    rejected: "Rejected. The proposal has ended and the agreement is unchanged.",
  },
  event: {
    created: "The event has been saved.",
    saved: "The event has been saved.",
  },
  exchange: {
    logged: "The exchange has been logged. The list shows the exchanges under its agreement; clear the filters to see them all.",
    saved: "The exchange has been saved.",
  },
  settings: { saved: "Settings saved." },
  preferences: { saved: "Your email preferences are saved." },
  session: { "signed-out": "You have signed out." },
} as const satisfies Record<string, Record<string, string>>;

export type ConfirmationScope = keyof typeof CONFIRMATIONS;

/** A confirmation: its scope and its code, e.g. "event.created". */
export type Confirmation = { [S in ConfirmationScope]: `${S}.${keyof (typeof CONFIRMATIONS)[S] & string}` }[ConfirmationScope];

/** The query parameter that carries a confirmation's code across a redirect. */
export const CONFIRMATION_PARAM = "done";

function split(confirmation: Confirmation): [ConfirmationScope, string] {
  const dot = confirmation.indexOf(".");
  return [confirmation.slice(0, dot) as ConfirmationScope, confirmation.slice(dot + 1)];
}

export function confirmationText(confirmation: Confirmation): string {
  const [scope, code] = split(confirmation);
  return (CONFIRMATIONS[scope] as Record<string, string>)[code]!;
}

/** `path` with the confirmation's code as the first query parameter: /exchanges?done=logged&agreement=… */
export function pathWithConfirmation(path: string, confirmation: Confirmation): string {
  const [pathname, query] = path.split("?", 2);
  const code = encodeURIComponent(split(confirmation)[1]);
  return `${pathname}?${CONFIRMATION_PARAM}=${code}${query ? `&${query}` : ""}`;
}

/** The words for a `?done=` value on a page that shows `scope`'s confirmations; undefined for a missing, repeated or unknown value. */
export function confirmationFor(scope: ConfirmationScope, done: string | string[] | undefined): string | undefined {
  return ownValue<string>(CONFIRMATIONS[scope], done);
}
