// Human labels for the enums, one place for every page, export and message.
import type {
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

export const RELATIONSHIP_TYPE_LABELS: Record<RelationshipType, string> = {
  TWIN_TOWN: "Twin town",
  SISTER_CITY: "Sister city",
  FRIENDSHIP_CITY: "Friendship city",
  PARTNERSHIP: "Partnership",
  MEMORANDUM_OF_UNDERSTANDING: "Memorandum of understanding",
};

export const LOCALITY_KIND_LABELS: Record<LocalityKind, string> = {
  VILLAGE: "Village",
  TOWN: "Town",
  CITY: "City",
  COUNTY: "County",
  PROVINCE: "Province",
  REGION: "Region",
  OTHER: "Other",
};

export const THEME_LABELS: Record<Theme, string> = {
  CULTURE: "Culture",
  EDUCATION: "Education",
  TRADE: "Trade",
  TOURISM: "Tourism",
  RECONCILIATION: "Reconciliation",
  CLIMATE: "Climate",
  SPORT: "Sport",
  SHARED_NAME: "Shared name",
  DIASPORA: "Diaspora",
  TECHNICAL_COOPERATION: "Technical cooperation",
  HUMANITARIAN: "Humanitarian",
};

export const PROPOSAL_KIND_LABELS: Record<ProposalKind, string> = {
  ACTIVATION: "Approval of the agreement",
  SUSPENSION: "Suspension",
  REINSTATEMENT: "Reinstatement",
  TERMINATION: "Termination",
};

export const EXCHANGE_KIND_LABELS: Record<ExchangeKind, string> = {
  DELEGATION_VISIT: "Delegation visit",
  SCHOOL_OR_YOUTH_EXCHANGE: "School or youth exchange",
  CULTURAL: "Cultural",
  SPORT: "Sport",
  TRADE_MISSION: "Trade or business mission",
  TECHNICAL_COOPERATION: "Technical cooperation",
  HUMANITARIAN_AID: "Humanitarian aid",
  VIRTUAL_MEETING: "Virtual meeting",
  OTHER: "Other",
};

export const DIRECTION_LABELS: Record<Direction, string> = { INBOUND: "Inbound", OUTBOUND: "Outbound", JOINT: "Joint" };

export const FUNDING_SOURCE_LABELS: Record<FundingSource, string> = {
  COUNCIL_BUDGET: "Council budget",
  EU_PROGRAMME: "EU programme",
  PARTNER: "Partner",
  SPONSOR: "Sponsor",
  OTHER: "Other",
};

export const VISIBILITY_LABELS: Record<Visibility, string> = { PUBLIC: "Public", INTERNAL: "Internal" };

export const EVENT_KIND_LABELS: Record<EventKind, string> = {
  CHARTER_SIGNING: "Charter signing",
  ANNIVERSARY: "Anniversary",
  FESTIVAL: "Festival",
  CIVIC_VISIT: "Civic visit",
  EXHIBITION: "Exhibition",
  OTHER: "Other",
};

/** Options for a select, in the order of the label table. */
export function optionsOf<K extends string>(labels: Record<K, string>): { value: K; label: string }[] {
  return (Object.entries(labels) as [K, string][]).map(([value, label]) => ({ value, label }));
}
