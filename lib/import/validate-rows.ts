// Checks every row of an import before anything is written, and says what is wrong as messages
// worded where they are shown ("row 14: country 'Germny' is not a known country",
// lib/import/import-messages.ts). Pure: no database.
// The agreement's own rules come from its schema (lib/domain/validation/agreement.ts); this module only
// turns spreadsheet cells (labels, names, UK dates) into the values that schema expects.
import { LocalityKind, RelationshipType, type Theme } from "@/generated/prisma/enums";
import { partnerIdentityKey } from "@/lib/domain/partner-identity";
import { COUNTRIES, isCountryCode, NO_COUNTRY } from "@/lib/domain/countries";
import { LOCALITY_KIND_LABELS, RELATIONSHIP_TYPE_LABELS, THEME_LABELS } from "@/lib/domain/labels";
import { IMPORT_RULE } from "@/lib/domain/lifecycle";
import { agreementFields, createAgreementSchema, type CreateAgreementInput } from "@/lib/domain/validation/agreement";
import { parseIsoDate } from "@/lib/domain/validation/fields";
import { IMPORT_COLUMNS, mapHeader, normaliseKey, type ImportField } from "./columns";
import type { ImportMessage, ImportMessageKey, RowProblem } from "./import-state";
import type { Sheet, SheetCell } from "@/lib/import/read-spreadsheet";

/** A checked row: the agreement form's input, with the partner always named and placed. */
export type ImportInput = CreateAgreementInput & { partnerName: string; country: string | null };

export type ValidRow = {
  rowNumber: number;
  input: ImportInput;
  /** The partner's identity (name and country), as findOrCreatePartner matches it. */
  partnerKey: string;
  /** One link per partner and relationship type: a re-import of the same row is "already present". */
  linkKey: string;
};

export type { RowProblem } from "./import-state";

export type ValidatedSheet = {
  rows: ValidRow[];
  /** Every problem of every row, in row order. */
  problems: RowProblem[];
  /** Problems with the file as a whole (a missing column): nothing can be checked further. */
  fileProblems: ImportMessage[];
  /** Things worth knowing that do not stop the import (columns that are not used). */
  notes: ImportMessage[];
  rowCount: number;
};

export function linkKeyOf(partnerKey: string, relationshipType: RelationshipType): string {
  return `${partnerKey}#${relationshipType}`;
}

// ---------------------------------------------------------------------------------------------
// Cells to values

/** Long values are cut in messages, so one bad cell cannot flood the page. */
export function quote(text: string): string {
  const clean = text.replace(/\s+/g, " ").trim();
  return `'${clean.length > 40 ? `${clean.slice(0, 39)}…` : clean}'`;
}

function lookup<T extends string>(entries: Record<T, string>, aliases: Record<string, T> = {}): Map<string, T> {
  const map = new Map<string, T>();
  for (const [value, label] of Object.entries(entries) as [T, string][]) {
    map.set(normaliseKey(value), value);
    map.set(normaliseKey(label), value);
  }
  for (const [alias, value] of Object.entries(aliases)) map.set(normaliseKey(alias), value);
  return map;
}

const RELATIONSHIP_TYPES = lookup<RelationshipType>(RELATIONSHIP_TYPE_LABELS, {
  "Twinning": RelationshipType.TWIN_TOWN,
  "Twinned town": RelationshipType.TWIN_TOWN,
  "Twin city": RelationshipType.TWIN_TOWN,
  "Friendship": RelationshipType.FRIENDSHIP_CITY,
  "MoU": RelationshipType.MEMORANDUM_OF_UNDERSTANDING,
  "Memorandum": RelationshipType.MEMORANDUM_OF_UNDERSTANDING,
});
const LOCALITY_KINDS = lookup<LocalityKind>(LOCALITY_KIND_LABELS);
const THEMES = lookup<Theme>(THEME_LABELS);

const COUNTRY_ALIASES: Record<string, string> = {
  UK: "GB",
  "Great Britain": "GB",
  Britain: "GB",
  England: "GB",
  Scotland: "GB",
  Wales: "GB",
  "Northern Ireland": "GB",
  USA: "US",
  "United States of America": "US",
  America: "US",
  "Czech Republic": "CZ",
  Holland: "NL",
  "The Netherlands": "NL",
  Turkey: "TR",
  "Russian Federation": "RU",
  Korea: "KR",
  "Republic of Korea": "KR",
  "Ivory Coast": "CI",
  "Cabo Verde": "CV",
  Swaziland: "SZ",
  Macedonia: "MK",
  Burma: "MM",
  Palestine: "PS",
  "Holy See": "VA",
};
const COUNTRY_BY_NAME: ReadonlyMap<string, string> = new Map([
  ...COUNTRIES.map((country) => [normaliseKey(country.name), country.code] as const),
  ...Object.entries(COUNTRY_ALIASES).map(([alias, code]) => [normaliseKey(alias), code] as const),
]);
const NO_COUNTRY_WORDS = new Set(["none", "nocountry", "nocountryfictionalorother", "fictional", "fictionalplace"].map(normaliseKey));

/** A country code, NO_COUNTRY, or null when the text is not a country. */
export function resolveCountry(text: string): string | null {
  const trimmed = text.trim();
  if (/^[A-Za-z]{2}$/.test(trimmed) && isCountryCode(trimmed.toUpperCase())) return trimmed.toUpperCase();
  const key = normaliseKey(trimmed);
  if (NO_COUNTRY_WORDS.has(key)) return NO_COUNTRY;
  return COUNTRY_BY_NAME.get(key) ?? null;
}

export type DateReading = { iso: string } | { error: "format" | "invalid" };

/** YYYY-MM-DD, DD/MM/YYYY (also with . or -), YYYY/MM/DD, or a year alone (1 January). */
export function readDate(text: string): DateReading {
  const value = text.trim();
  const pad = (part: string) => part.padStart(2, "0");
  let iso: string | null = null;
  let match: RegExpExecArray | null;
  if ((match = /^(\d{4})$/.exec(value))) iso = `${match[1]}-01-01`;
  else if ((match = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?Z?)?$/.exec(value))) iso = `${match[1]}-${pad(match[2]!)}-${pad(match[3]!)}`;
  else if ((match = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/.exec(value))) iso = `${match[3]}-${pad(match[2]!)}-${pad(match[1]!)}`;
  if (!iso) return { error: "format" };
  return parseIsoDate(iso) ? { iso } : { error: "invalid" };
}

const DATE_FIELDS = ["linkBegan", "formalisedOn", "reviewDate", "partnerDecisionDate"] as const satisfies readonly ImportField[];

// ---------------------------------------------------------------------------------------------

/** Reads the header, then checks every row; stops early only when the header itself is unusable. */
export function validateSheet(sheet: Sheet): ValidatedSheet {
  const steps = validation(sheet);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/**
 * validateSheet for the server: it runs on the thread that answers requests, so every
 * `rowsPerTurn` rows it lets other requests have a turn (decision 015).
 */
export async function validateSheetInTurns(sheet: Sheet, rowsPerTurn = 250): Promise<ValidatedSheet> {
  const steps = validation(sheet);
  for (let row = 1; ; row += 1) {
    const step = steps.next();
    if (step.done) return step.value;
    if (row % rowsPerTurn === 0) await new Promise((resolve) => setImmediate(resolve));
  }
}

/** The check, one row per step. */
function* validation(sheet: Sheet): Generator<void, ValidatedSheet, void> {
  const header = mapHeader(sheet.header);
  const notes: ImportMessage[] = header.ignored.length
    ? [{ key: "importPage.importer.ignoredColumns", values: { count: header.ignored.length, columns: header.ignored.map((name) => `“${name}”`).join(", "), status: IMPORT_RULE.status } }]
    : [];
  if (header.problems.length) return { rows: [], problems: [], fileProblems: header.problems, notes, rowCount: sheet.rows.length };
  if (sheet.rows.length === 0) {
    return { rows: [], problems: [], fileProblems: [{ key: "importPage.importer.noRows" }], notes, rowCount: 0 };
  }

  const rows: ValidRow[] = [];
  const problems: RowProblem[] = [];
  const firstRowOfLink = new Map<string, number>();
  const headerWidth = sheet.header.length;

  for (const row of sheet.rows) {
    yield;
    const rowProblems: ImportMessage[] = [];
    const reported = new Set<string>();
    const fail = (field: ImportField | null, key: ImportMessageKey, values?: ImportMessage["values"]) => {
      if (field) reported.add(field);
      rowProblems.push(values ? { key, values } : { key });
    };
    const cell = (field: ImportField): SheetCell => {
      const index = header.fields[field];
      return index === undefined ? { text: "" } : (row.cells[index] ?? { text: "" });
    };

    if (sheet.kind === "csv" && row.cells.slice(headerWidth).some((extra) => extra.text.trim() !== "")) {
      fail(null, "importPage.importer.extraCells");
    }

    const raw: Partial<Record<ImportField, string>> = {};
    for (const column of IMPORT_COLUMNS) {
      const value = cell(column.field);
      if (value.problem) {
        if (value.problem.code === "spreadsheet-error") fail(column.field, "importPage.importer.spreadsheetError", { column: column.field, value: value.problem.value });
        else fail(column.field, "importPage.importer.noSavedValue", { column: column.field });
        continue;
      }
      const text = value.text.trim();
      if (text.startsWith("=")) {
        fail(column.field, "importPage.importer.formula", { column: column.field, value: quote(text) });
        continue;
      }
      raw[column.field] = text;
    }

    const partnerName = raw.partnerName ?? "";
    if (!reported.has("partnerName") && !partnerName) fail("partnerName", "importPage.importer.partnerNameMissing");

    let country: string | undefined;
    if (!reported.has("country")) {
      const text = raw.country ?? "";
      if (!text) fail("country", "importPage.importer.countryMissing");
      else {
        const resolved = resolveCountry(text);
        if (resolved) country = resolved;
        else fail("country", "importPage.importer.countryUnknown", { value: quote(text) });
      }
    }

    let relationshipType: RelationshipType | undefined;
    if (!reported.has("relationshipType")) {
      const text = raw.relationshipType ?? "";
      if (!text) fail("relationshipType", "importPage.importer.relationshipTypeMissing");
      else {
        relationshipType = RELATIONSHIP_TYPES.get(normaliseKey(text));
        if (!relationshipType) fail("relationshipType", "importPage.importer.relationshipTypeUnknown", { value: quote(text) });
      }
    }

    let localityKind: LocalityKind | undefined = LocalityKind.TOWN;
    if (!reported.has("localityKind") && raw.localityKind) {
      localityKind = LOCALITY_KINDS.get(normaliseKey(raw.localityKind));
      if (!localityKind) fail("localityKind", "importPage.importer.localityKindUnknown", { value: quote(raw.localityKind) });
    }

    const themes: Theme[] = [];
    if (!reported.has("themes") && raw.themes) {
      for (const part of raw.themes.split(/[;,|\n]/).map((item) => item.trim()).filter(Boolean)) {
        const theme = THEMES.get(normaliseKey(part));
        if (theme) themes.push(theme);
        else fail("themes", "importPage.importer.themeUnknown", { value: quote(part) });
      }
    }

    const dates: Partial<Record<(typeof DATE_FIELDS)[number], string>> = {};
    for (const field of DATE_FIELDS) {
      const text = raw[field];
      if (reported.has(field) || !text) continue;
      const reading = readDate(text);
      if ("iso" in reading) dates[field] = reading.iso;
      else fail(field, reading.error === "invalid" ? "importPage.importer.dateNotReal" : "importPage.importer.dateFormat", { column: field, value: quote(text) });
    }

    const candidate = {
      partnerName,
      country,
      region: raw.region,
      localityKind,
      relationshipType,
      title: raw.title,
      purpose: raw.purpose ?? "",
      themes,
      linkBegan: dates.linkBegan,
      formalisedOn: dates.formalisedOn,
      publicSummary: raw.publicSummary ?? "",
      internalNotes: raw.internalNotes ?? "",
      latitude: decimal(raw.latitude),
      longitude: decimal(raw.longitude),
      population: wholeNumber(raw.population),
      website: raw.website,
      partnerDecisionDate: dates.partnerDecisionDate,
      partnerDecisionReference: raw.partnerDecisionReference,
    };
    // The agreement form's own schema, less one rule: an imported review date may be past (an
    // overdue review shows on the dashboard), so it is checked as a plain date on its own.
    const parsed = createAgreementSchema.safeParse(candidate);
    const review = agreementFields.shape.reviewDate.safeParse(dates.reviewDate);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const field = String(issue.path[0] ?? "");
        if (reported.has(field)) continue;
        reported.add(field);
        fail(null, "validation", { message: issue.message });
      }
    }

    if (rowProblems.length) {
      for (const problem of rowProblems) problems.push({ ...problem, rowNumber: row.rowNumber });
      continue;
    }
    if (!parsed.success || !review.success) continue;
    const input: ImportInput = { ...parsed.data, country: parsed.data.country ?? null, reviewDate: review.data };
    const partnerKey = partnerIdentityKey(input.partnerName, input.country);
    const linkKey = linkKeyOf(partnerKey, input.relationshipType);
    const earlier = firstRowOfLink.get(linkKey);
    if (earlier !== undefined) {
      problems.push({
        rowNumber: row.rowNumber,
        key: "importPage.importer.duplicate",
        values: { partner: input.partnerName, country: input.country ?? "", relationshipType: input.relationshipType, earlier },
      });
      continue;
    }
    firstRowOfLink.set(linkKey, row.rowNumber);
    rows.push({ rowNumber: row.rowNumber, input, partnerKey, linkKey });
  }
  return { rows, problems, fileProblems: [], notes, rowCount: sheet.rows.length };
}

/** Accepts a decimal comma ("54,32") as well as a point. */
function decimal(text: string | undefined): string | undefined {
  return text && /^[-+]?\d+,\d+$/.test(text) ? text.replace(",", ".") : text;
}

/** Accepts thousands separators ("246,601" or "246 601"). */
function wholeNumber(text: string | undefined): string | undefined {
  return text && /^\d{1,3}([, ]\d{3})+$/.test(text) ? text.replace(/[, ]/g, "") : text;
}
