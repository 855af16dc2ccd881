// The demo story: a Coventry-like city and its links, from the first twinning of all
// (Volgograd, 1944) to a draft with Mariupol awaiting approval. Idempotent: running it again
// changes nothing. History keeps its dates; what must be upcoming or recent (events, reviews, the
// last regatta, the open proposal) is counted from the day it is seeded, so it tells the same
// story on any date.
import type { Prisma } from "@/generated/prisma/client";
import type { AgreementStatus, LocalityKind, RelationshipType, Role, Theme } from "@/generated/prisma/enums";
import { db, type Tx } from "@/lib/db";
import { hashPassword } from "@/lib/auth/password";
import { partnerIdentityKey, slugify } from "@/lib/agreements/partners";
import { appendDecision, appendDecisions } from "@/lib/decisions/chain";
import type { ContentLocale } from "@/lib/domain/validation/agreement";

export const DEMO_PASSWORD = "twinning-demo-2026";

export const DEMO_USERS: { email: string; name: string; role: Role }[] = [
  { email: "admin@example.org", name: "Alex Morgan", role: "ADMIN" },
  { email: "officer@example.org", name: "Olivia Okafor", role: "STAFF" },
  { email: "councillor@example.org", name: "Cllr Chris Patel", role: "COUNCILLOR" },
  { email: "councillor2@example.org", name: "Cllr Dana Hughes", role: "COUNCILLOR" },
];

type StoryDecision = { on: string; proposal: "ACTIVATION" | "SUSPENSION"; reason: string; publicReason?: string; reference?: string };

type StoryLink = {
  partner: { name: string; country: string | null; region?: string; kind: LocalityKind; latitude?: number; longitude?: number; population?: number; website?: string; localName?: string; localNameLanguage?: string };
  relationshipType: RelationshipType;
  purpose: string;
  themes: Theme[];
  linkBegan?: string;
  formalisedOn?: string;
  reviewDate?: string;
  publicSummary: string;
  partnerDecision?: { date: string; reference: string };
  /** Proposals in order; an open one is left awaiting a decision. */
  history: StoryDecision[];
  openProposal?: StoryDecision;
  exchanges?: ExchangeSeed[];
  events?: EventSeed[];
  /** The public summary, and the public reason of the last decision, in other languages. */
  translations?: { publicSummary?: Partial<Record<ContentLocale, string>>; publicReason?: Partial<Record<ContentLocale, string>> };
};

type ExchangeSeed = Omit<Prisma.ExchangeUncheckedCreateInput, "agreementId" | "createdById" | "startDate" | "endDate"> & { startDate: string; endDate?: string };
type EventSeed = Omit<Prisma.EventUncheckedCreateInput, "agreementId" | "createdById" | "startsAt" | "endsAt"> & { startsAt: string; endsAt?: string };

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * A date of the story counted from `today` (UTC): `days` later (earlier when negative), or the
 * next `next` ("MM-DD") strictly after today; at `time` UTC when given. In the story's format:
 * "YYYY-MM-DD" or "YYYY-MM-DDTHH:MM:00Z".
 */
export function storyDate(today: Date, when: { days: number } | { next: string }, time?: string): string {
  const midnight = Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate());
  let at: Date;
  if ("days" in when) at = new Date(midnight + when.days * DAY_MS);
  else {
    const [month = 1, dayOfMonth = 1] = when.next.split("-").map(Number);
    at = new Date(Date.UTC(today.getUTCFullYear(), month - 1, dayOfMonth));
    if (at.getTime() <= midnight) at = new Date(Date.UTC(today.getUTCFullYear() + 1, month - 1, dayOfMonth));
  }
  const date = at.toISOString().slice(0, 10);
  return time ? `${date}T${time}:00Z` : date;
}

/** The links of the story, what must stay current dated from `today`. */
function story(today: Date): StoryLink[] {
  const on = (when: Parameters<typeof storyDate>[1], time?: string) => storyDate(today, when, time);
  const kielReception = on({ next: "05-08" }, "18:00");
  const kielYears = Number(kielReception.slice(0, 4)) - 1947;
  return [
    {
      partner: { name: "Volgograd", country: "RU", region: "Volgograd Oblast", kind: "CITY", latitude: 48.708, longitude: 44.5133, population: 1_004_000, localName: "Волгоград", localNameLanguage: "ru" },
      relationshipType: "TWIN_TOWN",
      purpose: "Solidarity between two cities destroyed in the Second World War; the first town twinning of all.",
      themes: ["RECONCILIATION", "CULTURE"],
      linkBegan: "1944-01-01",
      formalisedOn: "1944-01-01",
      publicSummary: "The world's first twin-town link, born of wartime solidarity between Coventry and Stalingrad.",
      partnerDecision: { date: "1944-01-01", reference: "Stalingrad City Soviet, 1944" },
      history: [
        { on: "1944-01-01", proposal: "ACTIVATION", reason: "Solidarity with the people of Stalingrad.", reference: "Council minute 1944/12" },
        {
          on: "2022-03-15",
          proposal: "SUSPENSION",
          reason: "Cabinet agreed to pause all civic contact with the Russian state following the invasion of Ukraine; links between people remain.",
          publicReason: "Paused in March 2022 following Russia's full-scale invasion of Ukraine. Our friendship with the people of Volgograd endures.",
          reference: "Cabinet 2022/45",
        },
      ],
      // The paused link's reason in Welsh; its summary is left untranslated (shown in English, marked).
      translations: {
        publicReason: {
          cy: "Wedi'i oedi ym mis Mawrth 2022 yn dilyn ymosodiad llawn Rwsia ar Wcráin. Mae ein cyfeillgarwch â phobl Volgograd yn parhau.",
        },
      },
    },
    {
      partner: { name: "Kiel", country: "DE", region: "Schleswig-Holstein", kind: "CITY", latitude: 54.3233, longitude: 10.1228, population: 247_000, website: "https://www.kiel.de", localName: "Kiel", localNameLanguage: "de" },
      relationshipType: "TWIN_TOWN",
      purpose: "Reconciliation after the war and exchange between two maritime and industrial cities.",
      themes: ["RECONCILIATION", "EDUCATION", "SPORT"],
      linkBegan: "1947-01-01",
      formalisedOn: "1967-01-01",
      // Later than the dashboard looks ahead (REVIEW_WINDOW_DAYS).
      reviewDate: on({ days: 210 }),
      publicSummary: "Coventry's link with Kiel began in 1947 as one of the first Anglo-German reconciliations.",
      partnerDecision: { date: "1967-01-01", reference: "Ratsversammlung Kiel 1967" },
      history: [{ on: "1967-01-01", proposal: "ACTIVATION", reason: "Reconciliation and youth exchange.", reference: "Council minute 1967/33" }],
      exchanges: [
        { kind: "SCHOOL_OR_YOUTH_EXCHANGE", direction: "OUTBOUND", startDate: "2023-07-03", endDate: "2023-07-10", participantCount: 24, participantsDescription: "24 pupils from Bishop Ullathorne School", cost: "6400.00", currency: "GBP", fundingSource: "COUNCIL_BUDGET", purpose: "Sailing week and climate project with a Kiel school", outcomes: "Joint sailing week and a shared climate project.", visibility: "PUBLIC" },
        // Recent: it keeps the link from going dormant.
        { kind: "SPORT", direction: "INBOUND", startDate: on({ days: -200 }), endDate: on({ days: -199 }), participantCount: 40, participantsDescription: "Kiel rowing club", cost: "1200.00", currency: "GBP", fundingSource: "SPONSOR", purpose: "Rowing regatta on the canal basin", outcomes: "Friendly regatta on the canal basin.", visibility: "PUBLIC" },
      ],
      events: [
        { title: `${kielYears} years of Coventry and Kiel`, kind: "ANNIVERSARY", startsAt: kielReception, endsAt: kielReception.replace("T18:", "T21:"), timeZone: "Europe/London", place: "Council House, Coventry", description: `Civic reception marking ${kielYears} years of friendship.`, visibility: "PUBLIC" },
      ],
    },
    {
      partner: { name: "Dresden", country: "DE", region: "Saxony", kind: "CITY", latitude: 51.0504, longitude: 13.7373, population: 563_000, website: "https://www.dresden.de", localName: "Dresden", localNameLanguage: "de" },
      relationshipType: "TWIN_TOWN",
      purpose: "Two cities rebuilt from the bombing: remembrance, reconciliation and culture.",
      themes: ["RECONCILIATION", "CULTURE", "TOURISM"],
      linkBegan: "1956-01-01",
      formalisedOn: "1959-01-01",
      // Due soon: on the dashboard, within REVIEW_WINDOW_DAYS.
      reviewDate: on({ days: 56 }),
      publicSummary: "Linked since 1956 in a shared commitment to peace and reconciliation; the Cross of Nails stands in both cities.",
      translations: {
        publicSummary: {
          cy: "Wedi'u cysylltu ers 1956 mewn ymrwymiad ar y cyd i heddwch a chymod; mae Croes yr Hoelion yn sefyll yn y ddwy ddinas.",
          de: "Seit 1956 verbunden im gemeinsamen Einsatz für Frieden und Versöhnung; das Nagelkreuz steht in beiden Städten.",
        },
      },
      history: [{ on: "1959-01-01", proposal: "ACTIVATION", reason: "Reconciliation between two bombed cities.", reference: "Council minute 1959/8" }],
      exchanges: [
        { kind: "DELEGATION_VISIT", direction: "OUTBOUND", startDate: "2024-02-12", endDate: "2024-02-14", participantCount: 6, participantsDescription: "Lord Mayor and cathedral delegation", cost: "3100.00", currency: "GBP", fundingSource: "COUNCIL_BUDGET", purpose: "Civic delegation to the 13 February commemoration", outcomes: "Commemoration of 13 February; a joint choir concert agreed.", visibility: "PUBLIC" },
      ],
      events: [
        { title: "Dresden remembrance service", kind: "CIVIC_VISIT", startsAt: on({ next: "02-13" }, "10:00"), timeZone: "Europe/Berlin", place: "Frauenkirche, Dresden", description: "Civic delegation at the annual remembrance.", visibility: "PUBLIC" },
      ],
    },
    {
      partner: { name: "Belgrade", country: "RS", kind: "CITY", latitude: 44.8125, longitude: 20.4612, population: 1_198_000, localName: "Београд", localNameLanguage: "sr-Cyrl" },
      relationshipType: "TWIN_TOWN",
      purpose: "Friendship and cultural exchange.",
      themes: ["CULTURE", "EDUCATION"],
      linkBegan: "1953-01-01",
      formalisedOn: "1957-01-01",
      publicSummary: "Friends since 1953; the link was formalised in 1957.",
      history: [{ on: "1957-01-01", proposal: "ACTIVATION", reason: "Cultural exchange begun in 1953.", reference: "Council minute 1957/21" }],
      exchanges: [
        { kind: "CULTURAL", direction: "INBOUND", startDate: "2019-09-20", endDate: "2019-09-22", participantCount: 12, participantsDescription: "Belgrade folk ensemble", cost: "2500.00", currency: "GBP", fundingSource: "PARTNER", purpose: "Folk ensemble concerts in Coventry", outcomes: "Two concerts at the Belgrade Theatre.", visibility: "INTERNAL" },
      ],
    },
    {
      partner: { name: "Mariupol", country: "UA", region: "Donetsk Oblast", kind: "CITY", latitude: 47.0971, longitude: 37.5434, localName: "Маріуполь", localNameLanguage: "uk" },
      relationshipType: "FRIENDSHIP_CITY",
      purpose: "Humanitarian support and a future reconstruction partnership.",
      themes: ["HUMANITARIAN", "RECONCILIATION"],
      publicSummary: "A proposed friendship link offering humanitarian support.",
      history: [],
      // Open long enough for the daily reminder (reminderDays, 7 by default).
      openProposal: { on: on({ days: -31 }), proposal: "ACTIVATION", reason: "Solidarity with a city destroyed in war, as Coventry once was." },
      events: [
        { title: "Concert for Mariupol", kind: "FESTIVAL", startsAt: on({ days: 9 }, "19:30"), timeZone: "Europe/London", place: "Coventry Cathedral", description: "Fundraising concert.", visibility: "INTERNAL" },
      ],
    },
    {
      // Invented for the demo (no such link exists): a partner whose own name is written right to left.
      partner: { name: "Irbid", country: "JO", region: "Irbid Governorate", kind: "CITY", latitude: 32.5556, longitude: 35.85, population: 502_700, localName: "إربد", localNameLanguage: "ar" },
      relationshipType: "PARTNERSHIP",
      purpose: "University and school partnerships, and shared work on water and climate.",
      themes: ["EDUCATION", "TECHNICAL_COOPERATION", "CLIMATE"],
      linkBegan: "2019-05-01",
      formalisedOn: "2019-05-01",
      publicSummary: "A partnership between two university cities, begun in 2019: student exchanges and shared work on water.",
      history: [{ on: "2019-05-01", proposal: "ACTIVATION", reason: "Links between our universities and a shared interest in water management.", reference: "Council minute 2019/41" }],
    },
    {
      partner: { name: "Ankh-Morpork", country: null, region: "Sto Plains", kind: "CITY" },
      relationshipType: "FRIENDSHIP_CITY",
      purpose: "A light-hearted link that brings visitors and raises money for charity (after Wincanton).",
      themes: ["TOURISM", "CULTURE"],
      linkBegan: "2002-01-01",
      formalisedOn: "2002-01-01",
      publicSummary: "A friendship link with the fictional city of the Discworld novels.",
      history: [{ on: "2002-01-01", proposal: "ACTIVATION", reason: "Tourism and charity.", reference: "Council minute 2002/77" }],
    },
  ];
}

const TARGET: Record<StoryDecision["proposal"], AgreementStatus> = { ACTIVATION: "ACTIVE", SUSPENSION: "SUSPENDED" };

function day(value: string): Date {
  return new Date(`${value.length === 10 ? `${value}T00:00:00Z` : value}`);
}

/** Seeds the story once; `today` (by default the day it runs) dates what must stay current. */
export async function seedDemo({ today = new Date() }: { today?: Date } = {}): Promise<{ created: boolean }> {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  return db.$transaction(
    async (tx) => {
      // The demo's history goes back to 2019: its participant descriptions are kept for the longest
      // period a council may set (the default, 12 months, would anonymise them at the first jobs run).
      await tx.councilSettings.upsert({ where: { id: 1 }, update: {}, create: { id: 1, councilName: "Coventry City Council", participantsMonths: 120 } });
      const users: Record<string, string> = {};
      for (const user of DEMO_USERS) {
        const row = await tx.user.upsert({ where: { email: user.email }, update: {}, create: { ...user, passwordHash }, select: { id: true } });
        users[user.role === "COUNCILLOR" && user.email.startsWith("councillor2") ? "councillor2" : user.role] = row.id;
      }
      let created = false;
      for (const link of story(today)) created = (await seedLink(tx, link, users, today)) || created;
      return { created };
    },
    { timeout: 60_000 },
  );
}

async function seedLink(tx: Tx, link: StoryLink, users: Record<string, string>, today: Date): Promise<boolean> {
  const identityKey = partnerIdentityKey(link.partner.name, link.partner.country);
  const existing = await tx.partner.findUnique({ where: { identityKey }, select: { id: true } });
  if (existing) return false;
  const officer = users.STAFF!;
  const first = link.history[0] ?? link.openProposal;
  const partner = await tx.partner.create({
    data: { ...link.partner, slug: slugify(link.partner.name), identityKey },
    select: { id: true },
  });
  const agreement = await tx.agreement.create({
    data: {
      partnerId: partner.id,
      relationshipType: link.relationshipType,
      title: `${link.partner.name} link`,
      purpose: link.purpose,
      themes: link.themes,
      linkBegan: link.linkBegan ? day(link.linkBegan) : null,
      formalisedOn: link.formalisedOn ? day(link.formalisedOn) : null,
      reviewDate: link.reviewDate ? day(link.reviewDate) : null,
      publicSummary: link.publicSummary,
      partnerDecisionDate: link.partnerDecision ? day(link.partnerDecision.date) : null,
      partnerDecisionReference: link.partnerDecision?.reference ?? null,
      leadOfficerId: officer,
      createdById: officer,
      createdAt: first ? day(first.on) : today,
    },
    select: { id: true },
  });
  let status: AgreementStatus = "DRAFT";
  let statusDecisionId: string | null = null;
  for (const step of link.history) {
    const at = day(step.on);
    const from: AgreementStatus = status;
    const proposal = await tx.proposal.create({
      data: { agreementId: agreement.id, kind: step.proposal, state: "APPROVED", proposerId: officer, reason: step.reason, publicReason: step.publicReason ?? null, reference: step.reference ?? null, createdAt: at, closedAt: at },
      select: { id: true },
    });
    const to = TARGET[step.proposal];
    const common = { agreementId: agreement.id, proposalId: proposal.id, createdAt: at };
    const [, , decision] = await appendDecisions(tx, [
      { ...common, kind: step.proposal === "ACTIVATION" ? "SUBMITTED" : "PROPOSED", actorId: officer, fromStatus: from, toStatus: to, reason: step.reason, publicReason: step.publicReason ?? null, reference: step.reference ?? null },
      { ...common, kind: "APPROVED", actorId: users.COUNCILLOR!, reference: step.reference ?? null, voteKey: `${proposal.id}:${users.COUNCILLOR}` },
      { ...common, kind: "STATUS_CHANGED", actorId: users.COUNCILLOR!, fromStatus: from === "DRAFT" ? "PENDING_APPROVAL" : from, toStatus: to, reason: step.reason, publicReason: step.publicReason ?? null, reference: step.reference ?? null },
    ]);
    status = to;
    statusDecisionId = decision!.id;
  }
  if (link.openProposal) {
    const step = link.openProposal;
    const proposal = await tx.proposal.create({
      data: { agreementId: agreement.id, kind: step.proposal, proposerId: officer, reason: step.reason, createdAt: day(step.on) },
      select: { id: true },
    });
    await appendDecision(tx, { agreementId: agreement.id, proposalId: proposal.id, kind: "SUBMITTED", actorId: officer, fromStatus: "DRAFT", toStatus: TARGET[step.proposal], reason: step.reason, createdAt: day(step.on) });
    status = "PENDING_APPROVAL";
  }
  await tx.agreement.update({ where: { id: agreement.id }, data: { status, statusDecisionId } });
  for (const [locale, publicSummary] of Object.entries(link.translations?.publicSummary ?? {})) {
    await tx.agreementTranslation.create({ data: { agreementId: agreement.id, locale, publicSummary } });
  }
  for (const [locale, publicReason] of Object.entries(link.translations?.publicReason ?? {})) {
    if (statusDecisionId) await tx.decisionTranslation.create({ data: { decisionId: statusDecisionId, locale, publicReason } });
  }
  for (const exchange of link.exchanges ?? []) {
    await tx.exchange.create({
      data: { ...exchange, agreementId: agreement.id, createdById: officer, startDate: day(exchange.startDate), endDate: exchange.endDate ? day(exchange.endDate) : null },
    });
  }
  for (const event of link.events ?? []) {
    await tx.event.create({
      data: { ...event, agreementId: agreement.id, createdById: officer, startsAt: day(event.startsAt), endsAt: event.endsAt ? day(event.endsAt) : null },
    });
  }
  return true;
}
