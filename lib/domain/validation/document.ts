// "Upload a document": the form's fields besides the file. The upload is a plain form posted to a
// route handler (app/agreements/[id]/documents/route.ts) that answers with a redirect, so a problem
// travels as a code (a key of messages/documents "problem") and the page words it in its language.
import { z } from "zod";
import { DocumentType } from "@/generated/prisma/enums";
import { FORBIDDEN_CHARACTERS } from "./fields";
import { validationMessage } from "./messages";

export const DOCUMENT_TITLE_MAX = 200;
export const ALT_TEXT_MAX = 1000;

/** What can be wrong with an upload, in the order the error summary lists them: keys of messages/documents "problem". */
export const DOCUMENT_PROBLEMS = [
  "chooseFile",
  "titleMissing",
  "titleTooLong",
  "titleForbidden",
  "typeMissing",
  "altTextMissing",
  "altTextTooLong",
  "altTextForbidden",
  "unknownType",
  "legacyOffice",
  "macros",
  "pdfJavaScript",
  "pdfUnreadable",
  "expandsTooMuch",
  "damaged",
  "virus",
  "scanFailed",
  "tooLarge",
  "empty",
  "malformed",
] as const;

export type DocumentProblem = (typeof DOCUMENT_PROBLEMS)[number];

/** Which field each problem is about (the error summary links to it). */
export function problemField(problem: DocumentProblem): "file" | "title" | "type" | "altText" {
  if (problem.startsWith("title")) return "title";
  if (problem === "typeMissing") return "type";
  if (problem.startsWith("altText")) return "altText";
  return "file";
}

const text = (max: number, missing: DocumentProblem | null, tooLong: DocumentProblem, forbidden: DocumentProblem) =>
  z
    .string()
    .transform((value) => value.normalize("NFC").replace(/\s+/g, " ").trim())
    .superRefine((value, context) => {
      if (missing && value.length === 0) context.addIssue({ code: "custom", message: missing });
      else if (value.length > max) context.addIssue({ code: "custom", message: tooLong });
      else if (FORBIDDEN_CHARACTERS.test(value)) context.addIssue({ code: "custom", message: forbidden });
    });

const checkbox = z
  .string()
  .optional()
  .transform((value) => value === "on" || value === "true");

export const documentFieldsSchema = z.object({
  title: text(DOCUMENT_TITLE_MAX, "titleMissing", "titleTooLong", "titleForbidden").default(""),
  type: z.enum(DocumentType, { message: "typeMissing" }),
  isPublic: checkbox,
  accessible: checkbox,
  altText: text(ALT_TEXT_MAX, null, "altTextTooLong", "altTextForbidden").default(""),
});

export type DocumentFields = z.output<typeof documentFieldsSchema>;

/** The fields, or every problem with them (codes). `isImage`: alt text is then required. */
export function parseDocumentFields(values: Record<string, string | undefined>, isImage: boolean): { ok: true; fields: DocumentFields } | { ok: false; problems: DocumentProblem[] } {
  const parsed = documentFieldsSchema.safeParse({ ...values, title: values.title ?? "", type: values.type || undefined, altText: values.altText ?? "" });
  const problems = parsed.success ? [] : parsed.error.issues.map((issue) => (DOCUMENT_PROBLEMS as readonly string[]).includes(issue.message) ? (issue.message as DocumentProblem) : "typeMissing");
  if (parsed.success && isImage && parsed.data.altText.length === 0) problems.push("altTextMissing");
  if (problems.length > 0) return { ok: false, problems: DOCUMENT_PROBLEMS.filter((problem) => problems.includes(problem)) };
  return { ok: true, fields: parsed.data! };
}

/** The query parameter that carries an upload's problems back to the agreement page. */
export const DOCUMENT_PROBLEM_PARAM = "documentProblem";

/** The problems a `?documentProblem=` value names (unknown codes left out). */
export function documentProblemsOf(value: string | string[] | undefined): DocumentProblem[] {
  const text = Array.isArray(value) ? value[0] : value;
  if (!text) return [];
  const named = new Set(text.split(",").slice(0, DOCUMENT_PROBLEMS.length));
  return DOCUMENT_PROBLEMS.filter((problem) => named.has(problem));
}

/** "Remove" beside a document. */
export const removeDocumentSchema = z.object({
  agreementId: z.uuid({ error: validationMessage("notFound.agreement") }),
  documentId: z.uuid({ error: validationMessage("notFound.agreement") }),
});
export type RemoveDocumentInput = z.output<typeof removeDocumentSchema>;

/**
 * The query parameter that carries back what the user typed when an upload is refused (the file
 * itself cannot come back): title, type, the checkboxes and alt text, as one form-encoded value, so
 * the form shows them again, without JavaScript too. At most DOCUMENT_DRAFT_MAX characters once
 * encoded (the address stays far below a server's header limit): a field that does not fit is left
 * out, alt text first.
 */
export const DOCUMENT_DRAFT_PARAM = "documentDraft";
export const DOCUMENT_DRAFT_MAX = 4000;

const DRAFT_FIELDS = ["type", "isPublic", "accessible", "backgroundPaper", "title", "altText"] as const;

export type DocumentDraft = { title: string; type: string; isPublic: boolean; accessible: boolean; backgroundPaper: boolean; altText: string };

/** The value of ?documentDraft= for the fields as sent ("" when there is nothing to keep). */
export function documentDraftValue(fields: Record<string, string | undefined>): string {
  const kept = new URLSearchParams();
  for (const name of DRAFT_FIELDS) {
    const value = fields[name];
    if (!value) continue;
    const tried = new URLSearchParams(kept);
    tried.set(name, value);
    if (encodeURIComponent(tried.toString()).length <= DOCUMENT_DRAFT_MAX) kept.set(name, value);
  }
  return kept.toString();
}

/** What ?documentDraft= says the form held (anything unknown or malformed is left empty). */
export function documentDraftOf(value: string | string[] | undefined): DocumentDraft {
  const text = (Array.isArray(value) ? value[0] : value) ?? "";
  const fields = new URLSearchParams(text.length <= DOCUMENT_DRAFT_MAX ? text : "");
  const field = (name: string, max: number) => {
    const given = fields.get(name) ?? "";
    return given.length <= max ? given : "";
  };
  const type = fields.get("type") ?? "";
  return {
    title: field("title", DOCUMENT_TITLE_MAX * 2),
    type: (Object.values(DocumentType) as string[]).includes(type) ? type : "",
    isPublic: fields.get("isPublic") === "on",
    accessible: fields.get("accessible") === "on",
    backgroundPaper: fields.get("backgroundPaper") === "on",
    altText: field("altText", ALT_TEXT_MAX * 2),
  };
}
