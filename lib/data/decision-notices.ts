import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import { cacheUntilChanged } from "@/lib/cache";
import { db } from "@/lib/db";
import type { DecisionRoute } from "@/generated/prisma/enums";
import { DECISION_ROUTES, decisionMaker, routeRecord, type RouteRecord } from "@/lib/domain/decision-routes";
import { noticeEffect, noticeOutcome, type BackgroundPaper, type DecisionNotice, type DecisionNoticeSummary } from "@/lib/domain/decision-notices";
import { PUBLIC_STATUSES } from "@/lib/domain/lifecycle";
import { PAGE_SIZE, pageOf, type Page } from "@/lib/domain/pagination";
import { isUuid } from "@/lib/domain/validation/fields";
import { CONTENT_LOCALES, type ContentLocale } from "@/lib/domain/validation/agreement";

// The public decision notices (/decisions, /decisions/<id>): read here, kept in memory until a
// decision or a link changes (lib/cache), and rendered pages are cached again by the public page
// cache. Only what lib/domain/decision-notices.ts calls public is selected: never a reason other
// than the public one, never a vote's reason.

/**
 * The decisions a notice is published for: a status change that moved a link into a public status
 * (approved, paused, reinstated, ended) — a rejection writes a STATUS_CHANGED that keeps the status,
 * or returns a draft, and is left out — and an approved amendment (AMENDED). Checked again by
 * noticeOutcome on every row read.
 */
export const NOTICE_WHERE = {
  OR: [
    { kind: "AMENDED" },
    {
      kind: "STATUS_CHANGED",
      OR: PUBLIC_STATUSES.map((status) => ({ toStatus: status, OR: [{ fromStatus: null }, { fromStatus: { not: status } }] })),
    },
  ],
} satisfies Prisma.DecisionWhereInput;

const TOPICS = ["links", "decisions"] as const;

const summarySelect = {
  id: true,
  kind: true,
  fromStatus: true,
  toStatus: true,
  createdAt: true,
  agreement: { select: { partner: { select: { name: true, slug: true } } } },
  // How it was decided, as committed to the chain with the decision (lib/domain/decision-routes.ts RouteRecord).
  route: true,
  proposal: { select: { decisionRoute: true, meetingDate: true } },
} satisfies Prisma.DecisionSelect;

type SummaryRow = Prisma.DecisionGetPayload<{ select: typeof summarySelect }>;

/**
 * The decision's route record: the one committed with it (Decision.route), else — a decision recorded
 * before routes were committed — the proposal's, else (the seeds, an import) the councillors' votes.
 */
function routeOf(row: { route: Prisma.JsonValue; proposal: { decisionRoute: DecisionRoute; meetingDate: Date | null } | null }): RouteRecord {
  const committed = row.route;
  if (committed && typeof committed === "object" && !Array.isArray(committed) && (DECISION_ROUTES as readonly unknown[]).includes(committed.route)) return committed as RouteRecord;
  return routeRecord({ decisionRoute: row.proposal?.decisionRoute ?? "COUNCILLOR_VOTES", meetingDate: row.proposal?.meetingDate });
}

function decidedOn(row: { createdAt: Date }, route: RouteRecord): string {
  return route.route === "MEETING_RESOLUTION" && route.meetingDate ? route.meetingDate : row.createdAt.toISOString().slice(0, 10);
}

function summaryOf(row: SummaryRow): DecisionNoticeSummary | null {
  const outcome = noticeOutcome(row);
  if (!outcome) return null;
  const route = routeOf(row);
  return { id: row.id, outcome, recordedAt: row.createdAt.toISOString(), decidedOn: decidedOn(row, route), partner: row.agreement.partner, route: route.route };
}

const noticePages = cacheUntilChanged<Page<DecisionNoticeSummary>>({ topics: [...TOPICS], maxEntries: 50 });

/** One page of notices, newest first. */
export function listDecisionNotices(page: number): Promise<Page<DecisionNoticeSummary>> {
  return noticePages(String(page), async () => {
    const [total, rows] = await Promise.all([
      db.decision.count({ where: NOTICE_WHERE }),
      db.decision.findMany({ where: NOTICE_WHERE, orderBy: [{ createdAt: "desc" }, { id: "asc" }], skip: (page - 1) * PAGE_SIZE, take: PAGE_SIZE, select: summarySelect }),
    ]);
    return pageOf(rows.map(summaryOf).filter((summary) => summary !== null), total, page);
  });
}

const notices = cacheUntilChanged<DecisionNotice | null>({ topics: [...TOPICS], maxEntries: 500 });

/** One notice, or null when `id` is no published decision (a draft's, a rejection's, a vote, or none at all). */
export function getDecisionNotice(id: string): Promise<DecisionNotice | null> {
  if (!isUuid(id)) return Promise.resolve(null);
  return notices(id, () => readNotice(id.toLowerCase()));
}

async function readNotice(id: string): Promise<DecisionNotice | null> {
  const row = await db.decision.findFirst({
    where: { id, ...NOTICE_WHERE },
    select: {
      ...summarySelect,
      actor: { select: { name: true } },
      publicReason: true,
      reference: true,
      translations: { select: { locale: true, publicReason: true } },
      agreement: { select: { relationshipType: true, partner: { select: { name: true, slug: true } } } },
      proposal: {
        select: {
          id: true,
          decisionRoute: true,
          meetingDate: true,
          meetingName: true,
          meetingUrl: true,
          delegation: true,
          executiveMember: { select: { name: true } },
          alternativesConsidered: true,
          conflictsOfInterest: true,
          // Call-in (docs/decisions/023-call-in.md): whether and when it takes effect.
          callIn: true,
          takesEffectOn: true,
          urgencyReason: true,
          decisions: { where: { kind: "APPROVED" }, orderBy: [{ createdAt: "asc" }, { id: "asc" }], select: { actor: { select: { name: true } } } },
        },
      },
    },
  });
  if (!row) return null;
  const summary = summaryOf(row);
  if (!summary) return null;
  const proposal = row.proposal;
  const route = routeOf(row);
  const translations: Partial<Record<ContentLocale, string>> = {};
  for (const translation of row.translations) {
    if (translation.publicReason && (CONTENT_LOCALES as readonly string[]).includes(translation.locale)) translations[translation.locale as ContentLocale] = translation.publicReason;
  }
  return {
    ...summary,
    relationshipType: row.agreement.relationshipType,
    publicReason: row.publicReason,
    publicReasonTranslations: translations,
    reference: row.reference,
    maker: decisionMaker({
      decisionRoute: summary.route,
      meetingName: route.meetingName ?? proposal?.meetingName ?? null,
      delegation: route.delegation ?? proposal?.delegation ?? null,
      executiveMember: proposal?.executiveMember ?? null,
      recordedBy: row.actor,
      approvers: proposal?.decisions.flatMap((vote) => (vote.actor ? [vote.actor] : [])) ?? [],
    }),
    meetingUrl: route.meetingUrl ?? proposal?.meetingUrl ?? null,
    alternativesConsidered: proposal?.alternativesConsidered || null,
    conflictsOfInterest: proposal?.conflictsOfInterest || null,
    backgroundPapers: proposal ? await backgroundPapersOf(proposal.id) : [],
    effect: noticeEffect(proposal),
  };
}

/**
 * The public documents attached to a proposal as its background papers, for its notice, each
 * linked where the public partner page links it (/documents/<id>, which serves a public document of
 * a public link to anyone). A document not marked "Show to the public" is never listed.
 */
async function backgroundPapersOf(proposalId: string): Promise<BackgroundPaper[]> {
  const papers = await db.document.findMany({ where: { proposalId, isPublic: true }, orderBy: [{ createdAt: "asc" }, { id: "asc" }], select: { id: true, title: true } });
  return papers.map((paper) => ({ title: paper.title, href: `/documents/${paper.id}` }));
}
