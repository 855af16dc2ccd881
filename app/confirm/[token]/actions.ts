"use server";

import { redirect } from "next/navigation";
import { answerConfirmation } from "@/lib/contacts/answer-confirmation";
import { AppError } from "@/lib/domain/errors";
import { partnerAnswerSchema } from "@/lib/domain/validation/contacts";
import { localizedPath } from "@/lib/i18n/locales";
import { getPageLocale } from "@/lib/i18n/server";
import { createAction } from "@/lib/web/safe-action";

/**
 * The partner's answer (no account). A link that no longer works (used, expired, forged or
 * outdated) sends them back to its page, which says which, in their language; a recorded answer
 * to the same address, which thanks them.
 */
export const answerConfirmationAction = createAction({
  permission: null,
  schema: partnerAnswerSchema,
  invalidates: ["office"],
  run: async (input, _actor, { ip }) => {
    try {
      // No confirmation words: the page the answer redirects to thanks the partner in their language.
      return { ...(await answerConfirmation(input, ip)), confirmation: undefined };
    } catch (error) {
      if (error instanceof AppError && error.code === "NOT_FOUND") redirect(localizedPath(`/confirm/${encodeURIComponent(input.token)}`, await getPageLocale()));
      throw error;
    }
  },
  redirectTo: (_result, input) => `/confirm/${encodeURIComponent(input.token)}?answered=${input.answer === "CONFIRMED" ? "confirmed" : "declined"}`,
});
