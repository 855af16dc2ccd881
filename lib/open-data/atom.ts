// decisions.atom: an RFC 4287 feed of the council's public decisions on its links — approved,
// paused, reinstated or ended — each with its public reason.
import type { PublicDecision } from "@/lib/domain/public-types";
import { countryName } from "@/lib/domain/countries";
import { RELATIONSHIP_TYPE_LABELS } from "@/lib/domain/labels";
import type { Licence } from "./licence";
import { escapeXml } from "./xml";

export type DecisionOutcome = "approved" | "reinstated" | "paused" | "ended";

export function decisionOutcome(decision: Pick<PublicDecision, "fromStatus" | "toStatus">): DecisionOutcome {
  switch (decision.toStatus) {
    case "ACTIVE":
      return decision.fromStatus === "SUSPENDED" ? "reinstated" : "approved";
    case "SUSPENDED":
      return "paused";
    case "TERMINATED":
      return "ended";
  }
}

const TITLES: Record<DecisionOutcome, string> = {
  approved: "link approved",
  reinstated: "link reinstated",
  paused: "link paused",
  ended: "link ended",
};

export function decisionTitle(decision: PublicDecision): string {
  return `${decision.partner.name}: ${TITLES[decisionOutcome(decision)]}`;
}

/** The public reason, or a plain sentence saying what was decided when none was given. */
export function decisionSummary(decision: PublicDecision, councilName: string): string {
  if (decision.publicReason?.trim()) return decision.publicReason.trim();
  const where = decision.partner.country ? `${decision.partner.name}, ${countryName(decision.partner.country)}` : decision.partner.name;
  const type = RELATIONSHIP_TYPE_LABELS[decision.relationshipType].toLowerCase();
  switch (decisionOutcome(decision)) {
    case "approved":
      return `${councilName} approved a ${type} link with ${where}.`;
    case "reinstated":
      return `${councilName} reinstated its ${type} link with ${where}.`;
    case "paused":
      return `${councilName} paused its ${type} link with ${where}.`;
    case "ended":
      return `${councilName} ended its ${type} link with ${where}.`;
  }
}

export type AtomFeedOptions = { councilName: string; licence: Licence; origin: string; now: Date };

export const DECISIONS_FEED_PATH = "/open-data/decisions.atom";

/** A decision's public notice (app/decisions/[id]): the feed's entries link there. */
export function decisionNoticePath(id: string): string {
  return `/decisions/${encodeURIComponent(id)}`;
}

/** The feed, newest decision first. */
export function decisionsAtom(decisions: readonly PublicDecision[], options: AtomFeedOptions): string {
  const { councilName, origin } = options;
  const sorted = [...decisions].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  const updated = sorted[0]?.createdAt ?? options.now.toISOString();
  const selfUrl = `${origin}${DECISIONS_FEED_PATH}`;
  const rights = options.licence.url ? `${options.licence.name} (${options.licence.url})` : options.licence.name;
  const entries = sorted.map((decision) => {
    const link = `${origin}${decisionNoticePath(decision.id)}`;
    const outcome = decisionOutcome(decision);
    return [
      "  <entry>",
      `    <id>urn:uuid:${escapeXml(decision.id)}</id>`,
      `    <title type="text">${escapeXml(decisionTitle(decision))}</title>`,
      `    <updated>${escapeXml(decision.createdAt)}</updated>`,
      `    <published>${escapeXml(decision.createdAt)}</published>`,
      `    <link rel="alternate" type="text/html" href="${escapeXml(link)}"/>`,
      `    <category term="${outcome}" label="${escapeXml(TITLES[outcome])}"/>`,
      `    <summary type="text">${escapeXml(decisionSummary(decision, councilName))}</summary>`,
      "  </entry>",
    ].join("\n");
  });
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en-GB">',
    `  <id>${escapeXml(selfUrl)}</id>`,
    `  <title type="text">${escapeXml(`Partnership decisions of ${councilName}`)}</title>`,
    `  <subtitle type="text">${escapeXml("Links with partner towns and cities approved, paused, reinstated or ended, with the public reason.")}</subtitle>`,
    `  <updated>${escapeXml(updated)}</updated>`,
    `  <link rel="self" type="application/atom+xml" href="${escapeXml(selfUrl)}"/>`,
    `  <link rel="alternate" type="text/html" href="${escapeXml(`${origin}/decisions`)}"/>`,
    `  <author><name>${escapeXml(councilName)}</name></author>`,
    `  <rights type="text">${escapeXml(rights)}</rights>`,
    ...entries,
    "</feed>",
    "",
  ].join("\n");
}
