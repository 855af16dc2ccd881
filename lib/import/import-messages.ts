// The one place the importer's messages (lib/import/import-state.ts ImportMessage) become words,
// in the page's language: the preview's row problems and notes, and the refusals of a whole file.
// Pure: the words are messages/importPage "importer" (and three of messages/importFlow), the values
// what the user typed, worded here (a column's header, the labels a cell may take, a country, a status).
import { createTranslator } from "use-intl/core";
import importFlowCy from "@/messages/importFlow/cy.json" with { type: "json" };
import importFlowEn from "@/messages/importFlow/en.json" with { type: "json" };
import importPageCy from "@/messages/importPage/cy.json" with { type: "json" };
import importPageEn from "@/messages/importPage/en.json" with { type: "json" };
import { LOCALITY_KIND_LABELS, RELATIONSHIP_TYPE_LABELS, THEME_LABELS, labelsIn } from "@/lib/domain/labels";
import { countryNameIn } from "@/lib/domain/public-format";
import { translateFieldMessage } from "@/lib/domain/validation/messages";
import { LANGUAGE_TAGS, type Locale } from "@/lib/i18n/locales";
import type { AgreementStatus, RelationshipType } from "@/generated/prisma/enums";
import { COLUMN_BY_FIELD, type ImportField } from "./columns";
import type { ImportMessage, RowProblem } from "./import-state";

/** The staff pages are in English or Welsh; any other language reads the English. */
function translator(locale: Locale) {
  const welsh = locale === "cy";
  return createTranslator({
    locale: LANGUAGE_TAGS[welsh ? "cy" : "en"],
    messages: welsh ? { importPage: importPageCy, importFlow: importFlowCy } : { importPage: importPageEn, importFlow: importFlowEn },
  });
}

const translators = new Map<Locale, ReturnType<typeof translator>>();

/** What a cell may take, as the user types it (the file's words are English, as the template's). */
const OPTIONS: Partial<Record<ImportMessage["key"], string>> = {
  "importPage.importer.relationshipTypeMissing": Object.values(RELATIONSHIP_TYPE_LABELS).join(", "),
  "importPage.importer.relationshipTypeUnknown": Object.values(RELATIONSHIP_TYPE_LABELS).join(", "),
  "importPage.importer.localityKindUnknown": Object.values(LOCALITY_KIND_LABELS).join(", "),
  "importPage.importer.themeUnknown": Object.values(THEME_LABELS).join(", "),
};

function lowerFirst(message: string): string {
  // "Latitude must be a number" reads as "row 4: latitude must be a number".
  return message.replace(/^\p{Lu}\p{Ll}/u, (start) => start.toLowerCase());
}

/** `message` in `locale`. */
export function wordImportMessage(message: ImportMessage, locale: Locale): string {
  const values = message.values ?? {};
  // A message of the agreement's schema: its own registry words it again (messages/validation).
  if (message.key === "validation") return lowerFirst(translateFieldMessage(String(values.message ?? ""), locale));
  let t = translators.get(locale);
  if (!t) translators.set(locale, (t = translator(locale)));
  const labels = labelsIn(locale);
  const args: Record<string, string | number> = { ...values };
  // The column as the file's header names it, lower case inside a sentence ("link began").
  if (typeof values.column === "string" && values.column in COLUMN_BY_FIELD) args.column = COLUMN_BY_FIELD[values.column as ImportField].header.toLowerCase();
  // …or as it is, on its own ("The file has no “Partner name” column").
  if (typeof values.header === "string" && values.header in COLUMN_BY_FIELD) args.header = COLUMN_BY_FIELD[values.header as ImportField].header;
  if (typeof values.country === "string") args.country = values.country ? countryNameIn(values.country, locale) : "none";
  if (typeof values.relationshipType === "string") args.relationshipType = labels.relationshipType[values.relationshipType as RelationshipType].toLowerCase();
  if (typeof values.status === "string") args.status = labels.status[values.status as AgreementStatus];
  const options = OPTIONS[message.key];
  if (options) args.options = options;
  return t(message.key as never, args as never);
}

/** A row's problem: "row 3: country 'Germny' is not a known country". */
export function wordRowProblem(problem: RowProblem, locale: Locale): string {
  return wordImportMessage({ key: "importPage.importer.row", values: { row: problem.rowNumber, problem: wordImportMessage(problem, locale) } }, locale);
}

/** A refusal of the whole file: its messages, one after the other. */
export function wordImportMessages(messages: readonly ImportMessage[], locale: Locale): string {
  return messages.map((message) => wordImportMessage(message, locale)).join(" ");
}
