// What a change to an agreement records: each changed field's value before and after. One shape
// for an amendment's terms (kept on its proposal and its decisions, hashed into the chain) and for
// a direct correction of details (kept in the audit log). Pure: no database, no framework.
import type { RelationshipType, Theme } from "@/generated/prisma/enums";

/**
 * The terms of an agreement: what changes only when councillors approve an amendment ("Propose
 * amendment"). Everything else about an Active link is a detail that staff correct directly.
 */
export const AMENDABLE_TERMS = ["relationshipType", "title", "purpose", "themes", "publicSummary", "formalisedOn"] as const;
export type Term = (typeof AMENDABLE_TERMS)[number];
export type Terms = { relationshipType: RelationshipType; title: string; purpose: string; themes: Theme[]; publicSummary: string; formalisedOn: Date | null };

/** The details of an Active or Suspended link that staff correct directly ("Correct details"). */
export const PARTNER_DETAILS = ["website", "latitude", "longitude", "population", "region", "wikidataId", "feedUrl"] as const;
export const AGREEMENT_DETAILS = ["leadOfficerId", "internalNotes"] as const;
export type PartnerDetail = (typeof PARTNER_DETAILS)[number];
export type AgreementDetail = (typeof AGREEMENT_DETAILS)[number];

/** A value as the record keeps it: text, a number, a list of codes (sorted), or null; a date as YYYY-MM-DD. */
export type RecordedValue = string | number | string[] | null;
export type FieldChange = { from: RecordedValue; to: RecordedValue };
export type FieldChanges<K extends string = string> = Partial<Record<K, FieldChange>>;

type AnyValue = string | number | Date | readonly string[] | null | undefined;

/** A field's value as recorded: a date becomes its day, a list is sorted (themes are a set), nothing is null. */
export function recordedValue(value: AnyValue): RecordedValue {
  if (value === undefined || value === null) return null;
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (Array.isArray(value)) return [...(value as readonly string[])].sort();
  return value as string | number;
}

/** Each of `fields` whose recorded value differs between `before` and `after`, with both values. */
export function fieldChanges<K extends string>(before: Record<K, AnyValue>, after: Record<K, AnyValue>, fields: readonly K[]): FieldChanges<K> {
  const changes: FieldChanges<K> = {};
  for (const field of fields) {
    const from = recordedValue(before[field]);
    const to = recordedValue(after[field]);
    if (JSON.stringify(from) !== JSON.stringify(to)) changes[field] = { from, to };
  }
  return changes;
}

export function hasChanges(changes: FieldChanges): boolean {
  return Object.keys(changes).length > 0;
}

/**
 * The changes a proposal or decision carries (a JSON column), or null when there are none or the
 * value is not that shape: only the amendable terms, each with a from and a to.
 */
export function readTermChanges(json: unknown): FieldChanges<Term> | null {
  if (json === null || typeof json !== "object" || Array.isArray(json)) return null;
  const changes: FieldChanges<Term> = {};
  for (const term of AMENDABLE_TERMS) {
    const change = (json as Record<string, unknown>)[term];
    if (change && typeof change === "object" && "from" in change && "to" in change) changes[term] = change as FieldChange;
  }
  return hasChanges(changes) ? changes : null;
}

/** The agreement's columns an approved amendment writes: each changed term's new value. */
export function amendedTerms(changes: FieldChanges<Term>): Partial<Terms> {
  const terms: Partial<Terms> = {};
  for (const term of AMENDABLE_TERMS) {
    const change = changes[term];
    if (!change) continue;
    const to = change.to;
    switch (term) {
      case "formalisedOn":
        terms.formalisedOn = typeof to === "string" ? new Date(`${to}T00:00:00.000Z`) : null;
        break;
      case "themes":
        terms.themes = (Array.isArray(to) ? to : []) as Theme[];
        break;
      case "relationshipType":
        terms.relationshipType = to as RelationshipType;
        break;
      default:
        terms[term] = typeof to === "string" ? to : "";
    }
  }
  return terms;
}

/**
 * The terms a resubmitted amendment starts from: the agreement's terms as they are, with each term
 * the rejected proposal changed as it proposed (`changes`, its JSON column), so the proposer edits
 * what councillors asked to change instead of typing the amendment again.
 */
export function resubmittedTerms<T extends Terms>(current: T, rejectedChanges: unknown): T {
  const changes = readTermChanges(rejectedChanges);
  return changes ? { ...current, ...amendedTerms(changes) } : current;
}
