import type { Confirmation } from "@/lib/web/confirmations";

/** What every server action returns, and what every form shows. */
export type FieldErrors = Record<string, string[] | undefined>;

export type ActionResult =
  | { status: "idle" }
  /**
   * `message`: the confirmation's words in the page's language (lib/web/confirmations.ts).
   * `revealed`: secrets made for the user that the form shows this once and nothing keeps in the
   * clear (new recovery codes); never in an address.
   */
  | { status: "success"; confirmation: Confirmation; message: string; revealed?: readonly string[] }
  | { status: "error"; formError?: string; fieldErrors: FieldErrors; values?: Record<string, unknown> };

export const IDLE: ActionResult = { status: "idle" };

/** A server action as a form calls it (createAction in lib/web/safe-action.ts makes them). */
export type FormAction = (previous: ActionResult, formData: FormData) => Promise<ActionResult>;
