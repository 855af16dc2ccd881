// Test data for the open-data serialisers.
import type { PublicDecision, PublicLink } from "@/lib/domain/public-types";

let counter = 0;

function uuid(n: number): string {
  return `00000000-0000-4000-8000-${String(n).padStart(12, "0")}`;
}

export function aLink(overrides: Partial<Omit<PublicLink, "partner">> & { partner?: Partial<PublicLink["partner"]> } = {}): PublicLink {
  counter += 1;
  const { partner, ...link } = overrides;
  return {
    agreementId: uuid(1000 + counter),
    status: "ACTIVE",
    relationshipType: "TWIN_TOWN",
    title: "Twin town: Kiel",
    themes: ["RECONCILIATION", "EDUCATION"],
    linkBegan: "1947-01-01",
    formalisedOn: "1967-01-01",
    publicSummary: "One of the first Anglo-German reconciliations.",
    statusChangedAt: "1967-01-01T00:00:00.000Z",
    publicReason: null,
    translations: {},
    partnerConfirmed: true,
    partnerDecisionDate: "1967-01-01",
    amendedAt: null,
    ...link,
    partner: {
      id: uuid(counter),
      slug: `kiel-${counter}`,
      name: "Kiel",
      country: "DE",
      region: "Schleswig-Holstein",
      kind: "CITY",
      latitude: 54.3233,
      longitude: 10.1228,
      population: 247000,
      website: "https://www.kiel.de",
      localName: null,
      localNameLanguage: null,
      wikidataId: "Q1707",
      ...partner,
    },
  };
}

export function aDecision(overrides: Partial<PublicDecision> = {}): PublicDecision {
  counter += 1;
  return {
    id: uuid(2000 + counter),
    createdAt: "2022-03-15T00:00:00.000Z",
    fromStatus: "ACTIVE",
    toStatus: "SUSPENDED",
    publicReason: "Paused following the invasion of Ukraine.",
    relationshipType: "TWIN_TOWN",
    partner: { id: uuid(counter), slug: "volgograd", name: "Volgograd", country: "RU" },
    ...overrides,
  };
}

export const ORIGIN = "https://twinning.example.org";
