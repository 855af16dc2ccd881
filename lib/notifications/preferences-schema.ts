// The /account form's schema, shared by the form (client) and its action (server).
import { z } from "zod";
import { validationMessage } from "@/lib/domain/validation/messages";
import { NOTIFICATION_KINDS } from "./kinds";

/** The kinds left ticked; any kind the user may receive that is not listed is turned off. */
export const preferencesSchema = z.object({
  enabled: z.preprocess(
    // A form without JavaScript sends nothing for an empty group; react-hook-form sends false.
    (value) => (Array.isArray(value) ? value : typeof value === "string" ? [value] : []),
    z.array(z.enum(NOTIFICATION_KINDS, { error: validationMessage("choose.emails") })).transform((kinds) => [...new Set(kinds)]),
  ),
});

export type PreferencesInput = z.output<typeof preferencesSchema>;
