// What the public may see: plain, JSON-safe shapes (dates as ISO 8601 strings) so they survive
// the data cache. Nothing here carries internal notes, internal reasons or internal activity.
import type { Direction, EventKind, ExchangeKind, LocalityKind, RelationshipType, Theme } from "@/generated/prisma/enums";
import type { PublicStatus } from "@/lib/domain/lifecycle";
import type { ContentLocale } from "@/lib/domain/validation/agreement";

export type { PublicStatus };

export type PublicPartner = {
  id: string;
  slug: string;
  name: string;
  /** ISO 3166-1 alpha-2, or null for a fictional or other place. */
  country: string | null;
  region: string | null;
  kind: LocalityKind;
  latitude: number | null;
  longitude: number | null;
  population: number | null;
  website: string | null;
  /** The partner's name in its own language and script (Köln, Београд, إربد), or null. */
  localName: string | null;
  /** The BCP 47 tag of localName (de, sr-Cyrl, ar); set exactly when localName is. */
  localNameLanguage: string | null;
  /** The place's Wikidata item ID (Q365), or null: the twinning-link standard's identifier. */
  wikidataId: string | null;
};

/**
 * A link's public text in the languages staff translated it into (English is the link's own): a
 * language appears when at least one of its fields is translated; a null field is not yet.
 */
export type PublicTranslations = Partial<Record<ContentLocale, { publicSummary: string | null; publicReason: string | null }>>;

/** One public link (agreement) with its partner. */
export type PublicLink = {
  agreementId: string;
  status: PublicStatus;
  relationshipType: RelationshipType;
  /** The agreement's title (a term: it changes only by an approved amendment). */
  title: string;
  themes: Theme[];
  /** YYYY-MM-DD */
  linkBegan: string | null;
  /** YYYY-MM-DD */
  formalisedOn: string | null;
  publicSummary: string;
  /** When the decision that set the current status was taken (ISO 8601 date-time). */
  statusChangedAt: string | null;
  /** The public reason of that decision (paused and ended links). */
  publicReason: string | null;
  /** publicSummary and publicReason in other languages. */
  translations: PublicTranslations;
  /** Whether the partner's own decision on the link is recorded ("Confirmed by both councils"). */
  partnerConfirmed: boolean;
  /** The date of the partner's decision, when known (YYYY-MM-DD). */
  partnerDecisionDate: string | null;
  /** When the latest amendment of its terms took effect (ISO 8601 date-time), or null. */
  amendedAt: string | null;
  partner: PublicPartner;
};

export type PublicExchange = {
  id: string;
  kind: ExchangeKind;
  direction: Direction;
  startDate: string;
  endDate: string | null;
  participantCount: number | null;
  participantsDescription: string;
  outcomes: string;
};

export type PublicEvent = {
  id: string;
  title: string;
  kind: EventKind;
  startsAt: string;
  endsAt: string | null;
  timeZone: string;
  place: string;
  description: string;
  /** Set when the event was cancelled: its public reason ("" when none was given). */
  cancelled: { publicReason: string } | null;
};

/** A public decision: a link approved, paused, reinstated or ended. */
export type PublicDecision = {
  id: string;
  createdAt: string;
  fromStatus: string | null;
  toStatus: PublicStatus;
  publicReason: string | null;
  relationshipType: RelationshipType;
  partner: Pick<PublicPartner, "id" | "slug" | "name" | "country">;
};
