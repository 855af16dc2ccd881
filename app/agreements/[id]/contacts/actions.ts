"use server";

import { acceptPartnerAnswer } from "@/lib/contacts/accept-answer";
import { requestPartnerConfirmation } from "@/lib/contacts/request-confirmation";
import { removeContact, saveContact } from "@/lib/contacts/save-contact";
import { withdrawPartnerConfirmation } from "@/lib/contacts/withdraw-confirmation";
import { acceptAnswerSchema, contactSchema, removeContactSchema, requestConfirmationSchema, withdrawConfirmationSchema } from "@/lib/domain/validation/contacts";
import { createAction } from "@/lib/web/safe-action";

// The agreement page, whose Contacts section shows the confirmation (no fragment: the ?done= code follows the path).
const contactsOf = (agreementId: string) => `/agreements/${agreementId}`;

/** "Add a contact" and editing one. Contacts are never on a public page: nothing public to refresh. */
export const saveContactAction = createAction({
  permission: "contact:manage",
  schema: contactSchema,
  invalidates: ["office"],
  run: (input, actor) => saveContact(input, actor),
  redirectTo: (_result, input) => contactsOf(input.agreementId),
});

export const removeContactAction = createAction({
  permission: "contact:manage",
  schema: removeContactSchema,
  invalidates: ["office"],
  run: (input, actor) => removeContact(input, actor),
  redirectTo: (_result, input) => contactsOf(input.agreementId),
});

/** "Request confirmation from partner": the email with its single-use link goes to the outbox. */
export const requestPartnerConfirmationAction = createAction({
  permission: "agreement:edit",
  schema: requestConfirmationSchema,
  invalidates: ["office", "account"],
  run: (input, actor) => requestPartnerConfirmation(input, actor),
  redirectTo: (_result, input) => contactsOf(input.agreementId),
});

/** "Accept confirmation": the partner's answer becomes public ("Confirmed by both councils"). */
export const acceptPartnerAnswerAction = createAction({
  permission: "agreement:edit",
  schema: acceptAnswerSchema,
  invalidates: ["office", "public"],
  run: (input, actor) => acceptPartnerAnswer(input, actor),
  redirectTo: (_result, input) => contactsOf(input.agreementId),
});

export const withdrawPartnerConfirmationAction = createAction({
  permission: "agreement:edit",
  schema: withdrawConfirmationSchema,
  invalidates: ["office", "public"],
  run: (input, actor) => withdrawPartnerConfirmation(input, actor),
  redirectTo: (_result, input) => contactsOf(input.agreementId),
});
