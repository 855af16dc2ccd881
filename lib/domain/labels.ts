// Human labels for the enums, one place for every page, export and message.
import labelsCy from "@/messages/labels/cy.json" with { type: "json" };
import labelsDe from "@/messages/labels/de.json" with { type: "json" };
import labelsEn from "@/messages/labels/en.json" with { type: "json" };
import labelsFr from "@/messages/labels/fr.json" with { type: "json" };
import type { Locale } from "@/lib/i18n/locales";
import type {
  AgreementStatus,
  Direction,
  EventKind,
  ExchangeKind,
  FundingSource,
  LocalityKind,
  ProposalKind,
  RelationshipType,
  Theme,
  Visibility,
} from "@/generated/prisma/enums";

// The English text lives in messages/labels/en.json with its translations beside it: this is
// its typed view for code that is not a page (exports, emails, audit), and labelsIn(locale) for
// pages in other languages. The types make a missing enum value a type error.
const english = labelsEn satisfies EnumLabels;

type EnumLabels = {
  relationshipType: Record<RelationshipType, string>;
  localityKind: Record<LocalityKind, string>;
  theme: Record<Theme, string>;
  proposalKind: Record<ProposalKind, string>;
  exchangeKind: Record<ExchangeKind, string>;
  direction: Record<Direction, string>;
  fundingSource: Record<FundingSource, string>;
  visibility: Record<Visibility, string>;
  eventKind: Record<EventKind, string>;
  status: Record<AgreementStatus, string>;
};

export const RELATIONSHIP_TYPE_LABELS: Record<RelationshipType, string> = english.relationshipType;
export const LOCALITY_KIND_LABELS: Record<LocalityKind, string> = english.localityKind;
export const THEME_LABELS: Record<Theme, string> = english.theme;
export const PROPOSAL_KIND_LABELS: Record<ProposalKind, string> = english.proposalKind;
export const EXCHANGE_KIND_LABELS: Record<ExchangeKind, string> = english.exchangeKind;
export const DIRECTION_LABELS: Record<Direction, string> = english.direction;
export const FUNDING_SOURCE_LABELS: Record<FundingSource, string> = english.fundingSource;
export const VISIBILITY_LABELS: Record<Visibility, string> = english.visibility;
export const EVENT_KIND_LABELS: Record<EventKind, string> = english.eventKind;
export const STATUS_LABELS: Record<AgreementStatus, string> = english.status;

const TRANSLATED: Record<Locale, EnumLabels> = { en: english, cy: labelsCy, de: labelsDe, fr: labelsFr };

/** The enums' labels in a page's language. */
export function labelsIn(locale: Locale): EnumLabels {
  return TRANSLATED[locale];
}

/** Options for a select, in the order of the label table. */
export function optionsOf<K extends string>(labels: Record<K, string>): { value: K; label: string }[] {
  return (Object.entries(labels) as [K, string][]).map(([value, label]) => ({ value, label }));
}
