import { z } from "zod";
import { longText } from "./fields";

/** Empty text is stored as null: the generated statement (lib/domain/statements.ts) is shown, or no contact. */
const orNull = (value: string) => (value === "" ? null : value);

/** /admin/settings, "Public statements and contact": the council's contact address and its own statements (empty: generated). */
export const statementsSchema = z.object({
  contactAddress: longText("contactAddress", 300).transform(orNull),
  accessibilityStatement: longText("accessibilityStatement", 30_000).transform(orNull),
  privacyNotice: longText("privacyNotice", 30_000).transform(orNull),
});

export type StatementsInput = z.output<typeof statementsSchema>;

export const STATEMENTS_FIELD_ORDER = ["contactAddress", "accessibilityStatement", "privacyNotice"] as const;
