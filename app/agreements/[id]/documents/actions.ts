"use server";

import { removeDocument } from "@/lib/documents/upload-document";
import { removeDocumentSchema } from "@/lib/domain/validation/document";
import { createAction } from "@/lib/web/safe-action";

/** "Remove" beside a document: not a background paper of a decided proposal. Uploading is a route handler (app/documents/upload). */
export const removeDocumentAction = createAction({
  permission: "agreement:edit",
  schema: removeDocumentSchema,
  invalidates: ["office", "public"],
  run: (input, actor, context) => removeDocument(input, actor, context),
  redirectTo: (_result, input) => `/agreements/${input.agreementId}`,
});
