// What /import shows for an upload: stored with the upload (lib/import/uploads.ts) and rendered on
// the server, so every step works without JavaScript. Plain data (no Dates): it is kept as JSON.
import type { AgreementStatus, RelationshipType } from "@/generated/prisma/enums";
import type importFlowEn from "@/messages/importFlow/en.json";
import type importPageEn from "@/messages/importPage/en.json";

/**
 * What the importer tells the user: a key of its messages and the values it is worded with (what
 * the user typed among them), never a sentence, so that it is worded in the page's language where
 * it is shown (lib/import/import-messages.ts). The words of each are in messages/importPage
 * "importer" (or, for a refusal the browser also makes, messages/importFlow). "validation": a
 * message of the agreement's own schema, in `values.message`, worded again by its registry.
 */
export type ImportMessageKey =
  | `importPage.importer.${keyof (typeof importPageEn)["importer"]}`
  | `importFlow.${keyof typeof importFlowEn & ("chooseFile" | "wrongType" | "tooLarge")}`
  | "importPage.busy"
  | "importPage.gone"
  | "validation";

export type ImportMessage = { key: ImportMessageKey; values?: Record<string, string | number> };

/** A problem of one row ("row 3: …"). */
export type RowProblem = ImportMessage & { rowNumber: number };

export type PreviewRow = {
  rowNumber: number;
  partnerName: string;
  country: string | null;
  relationshipType: RelationshipType;
  linkBegan: string | null;
  formalisedOn: string | null;
  /** No partner with this name and country yet: the import adds one. */
  newPartner: boolean;
  /** For a row already in the register: the status of the agreement that is there. */
  existingStatus?: AgreementStatus;
};

/** The most rows and problems listed on the page; the counts are always complete. */
export const PREVIEW_ROW_LIMIT = 200;
export const PROBLEM_LIMIT = 1000;

export type ImportCheck = {
  fileName: string;
  fileSize: number;
  rowCount: number;
  readyCount: number;
  ready: PreviewRow[];
  presentCount: number;
  present: PreviewRow[];
  /** Every problem (a row may have several), and how many rows have one. */
  problemCount: number;
  problemRowCount: number;
  problems: RowProblem[];
  notes: ImportMessage[];
};

export type ImportState =
  | { status: "idle" }
  /** The file itself was refused (size, type, unreadable, missing columns). */
  | { status: "refused"; messages: ImportMessage[]; fileName?: string }
  /**
   * Every row checked; nothing written. `importable`: the file waits on the server for the
   * confirmation. `message` says why a confirmation was refused (the file changed, or the register did).
   */
  | { status: "checked"; check: ImportCheck; importable: boolean; message?: ImportMessage }
  | { status: "imported"; fileName: string; created: number; present: number; newPartners: number };

export const IMPORT_IDLE: ImportState = { status: "idle" };
