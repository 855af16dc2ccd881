// The one policy module: what each role may do. Pages, actions and the UI all read this table.
import type { DecisionRoute, Role } from "@/generated/prisma/enums";
import { AppError, REFUSED } from "./errors";

export const PERMISSIONS = [
  "dashboard:view",
  "agreement:read",
  "agreement:draft",
  "agreement:edit",
  "agreement:submit",
  "agreement:withdraw",
  "agreement:propose",
  "agreement:export",
  /** One link's whole public and internal record as one file, for a freedom-of-information answer. */
  "agreement:history",
  "proposal:decide",
  "decision:record",
  /** Call-in (docs/decisions/023-call-in.md): a scrutiny member calls in a decision they took no part in (mayCallIn). */
  "decision:call-in",
  /** Scrutiny's outcome on a called-in decision (mayRecordScrutinyOutcome). */
  "scrutiny:outcome",
  "exchange:read",
  "exchange:write",
  "event:read",
  "event:write",
  "import:run",
  "user:manage",
  "settings:manage",
  "audit:read",
  "account:manage",
  "outbox:read",
  "contact:manage",
  /** Publishing (and withdrawing) the year's annual report at /annual-report/<year>. */
  "report:publish",
] as const;

export type Permission = (typeof PERMISSIONS)[number];

const READ: Permission[] = ["dashboard:view", "agreement:read", "agreement:export", "exchange:read", "event:read", "account:manage"];
const OFFICER_WORK: Permission[] = [
  "agreement:draft",
  "agreement:edit",
  "agreement:submit",
  "agreement:withdraw",
  "agreement:propose",
  "decision:record",
  "exchange:write",
  "event:write",
  "import:run",
  // The people of a link are personal data: those who run the links, not the councillors who decide.
  "contact:manage",
  // Its internal record too (internal notes and reasons, the audit rows): the officers who answer the requests.
  "agreement:history",
];

export const ROLE_PERMISSIONS: Record<Role, ReadonlySet<Permission>> = {
  STAFF: new Set([...READ, ...OFFICER_WORK]),
  COUNCILLOR: new Set([...READ, "proposal:decide", "decision:call-in", "scrutiny:outcome"]),
  ADMIN: new Set([...READ, ...OFFICER_WORK, "user:manage", "settings:manage", "scrutiny:outcome", "audit:read", "outbox:read", "report:publish"]),
};

/**
 * The signed-in person, as every policy check sees them. `twoStepSetupDue`: the council requires
 * two-step verification for their role and they have not set it up (lib/auth/sessions.ts).
 */
export type Actor = { id: string; email: string; name: string; role: Role; twoStepSetupDue?: boolean };

/** What a user whose two-step verification is due may do until they set it up: their own account. */
const BEFORE_TWO_STEP_SETUP: ReadonlySet<Permission> = new Set(["account:manage"]);

export function can(actor: Pick<Actor, "role" | "twoStepSetupDue"> | null | undefined, permission: Permission): boolean {
  if (!actor) return false;
  if (actor.twoStepSetupDue && !BEFORE_TWO_STEP_SETUP.has(permission)) return false;
  return ROLE_PERMISSIONS[actor.role].has(permission);
}

/**
 * The dashboard's panels and the permission that shows each: a panel is the work of whoever may act
 * on what it lists (an admin who may do staff work sees the staff panels too). The page shows, and
 * lib/data/dashboard.ts reads, only the panels the viewer may see.
 */
export const DASHBOARD_PANELS = {
  drafts: "agreement:edit",
  returned: "agreement:propose",
  ownProposals: "agreement:propose",
  reviewsDue: "agreement:propose",
  partnerAnswers: "agreement:edit",
  partnerFeeds: "agreement:edit",
  upcomingEvents: "event:write",
  dormant: "exchange:write",
  awaitingVote: "proposal:decide",
  lockedAccounts: "user:manage",
  failedEmails: "outbox:read",
  decisionRecord: "audit:read",
  jobsHeartbeat: "outbox:read",
} as const satisfies Record<string, Permission>;

export type DashboardPanel = keyof typeof DASHBOARD_PANELS;

export function seesPanel(actor: Pick<Actor, "role" | "twoStepSetupDue"> | null | undefined, panel: DashboardPanel): boolean {
  return can(actor, DASHBOARD_PANELS[panel]);
}

/** Roles holding a permission, from the one policy table. */
export function rolesWith(permission: Permission): Role[] {
  return (Object.keys(ROLE_PERMISSIONS) as Role[]).filter((role) => ROLE_PERMISSIONS[role].has(permission));
}

/**
 * Who records a decision taken outside the app's vote (issue 24), per decision route: an officer
 * who may record decisions, never the proposer (four eyes) — after a meeting, or as the officer
 * acting under the named delegation — and on the executive-member route also the named member
 * themself. The councillors' votes route has no recorder: councillors vote on /approvals.
 */
export const DECISION_RECORDERS = {
  MEETING_RESOLUTION: { permission: "decision:record", namedMember: false },
  EXECUTIVE_MEMBER: { permission: "decision:record", namedMember: true },
  OFFICER_DELEGATION: { permission: "decision:record", namedMember: false },
} as const satisfies Record<Exclude<DecisionRoute, "COUNCILLOR_VOTES">, { permission: Permission; namedMember: boolean }>;

/** The permission a named executive member holds (they take the decision as a councillor). */
export const EXECUTIVE_MEMBER_PERMISSION: Permission = "proposal:decide";

/** Whether `actor` may record the decision on an open proposal decided on a route other than votes. */
export function mayRecordDecision(
  actor: Pick<Actor, "id" | "role" | "twoStepSetupDue"> | null | undefined,
  proposal: { decisionRoute: DecisionRoute; proposerId: string; executiveMemberId: string | null },
): boolean {
  if (!actor || proposal.decisionRoute === "COUNCILLOR_VOTES" || actor.id === proposal.proposerId) return false;
  const rule = DECISION_RECORDERS[proposal.decisionRoute];
  if (rule.namedMember && actor.id === proposal.executiveMemberId && can(actor, EXECUTIVE_MEMBER_PERMISSION)) return true;
  return can(actor, rule.permission);
}

/**
 * Call-in (docs/decisions/023-call-in.md): who may "Call in" a decision in its call-in period — a
 * councillor an admin marked as a scrutiny member, who took no part in the decision (not its
 * proposer, its executive member, a councillor who voted on it, nor whoever recorded it).
 */
export function mayCallIn(actor: Pick<Actor, "role" | "twoStepSetupDue"> | null | undefined, facts: { scrutinyMember: boolean; tookPart: boolean }): boolean {
  return can(actor, "decision:call-in") && facts.scrutinyMember && !facts.tookPart;
}

/**
 * Who records scrutiny's outcome on a called-in decision, per role: an admin (the committee's
 * clerk), or a councillor on the scrutiny committee; never someone who took part in the decision.
 */
export const SCRUTINY_OUTCOME_RECORDERS = { ADMIN: "any", COUNCILLOR: "scrutinyMember" } as const satisfies Partial<Record<Role, "any" | "scrutinyMember">>;

export function mayRecordScrutinyOutcome(actor: Pick<Actor, "role" | "twoStepSetupDue"> | null | undefined, facts: { scrutinyMember: boolean; tookPart: boolean }): boolean {
  if (!actor || !can(actor, "scrutiny:outcome") || facts.tookPart) return false;
  const rule = (SCRUTINY_OUTCOME_RECORDERS as Partial<Record<Role, "any" | "scrutinyMember">>)[actor.role];
  return rule === "any" || (rule === "scrutinyMember" && facts.scrutinyMember);
}

/**
 * Who answers a referred decision: referred back, the decision-maker — whoever may record a decision
 * on its route (mayRecordDecision: the named executive member, or an officer other than the
 * proposer); referred to full council, whoever records a meeting's resolution.
 */
export function mayAnswerReferral(
  actor: Pick<Actor, "id" | "role" | "twoStepSetupDue"> | null | undefined,
  proposal: { decisionRoute: DecisionRoute; proposerId: string; executiveMemberId: string | null },
  referredTo: "decisionMaker" | "fullCouncil",
): boolean {
  return mayRecordDecision(actor, referredTo === "fullCouncil" ? { ...proposal, decisionRoute: "MEETING_RESOLUTION" } : proposal);
}

/** Server-side guard for domain operations and actions. */
export function requirePermission(actor: Actor | null | undefined, permission: Permission): asserts actor is Actor {
  if (!actor) throw new AppError("UNAUTHENTICATED", REFUSED.signIn);
  if (!can(actor, permission)) throw new AppError("FORBIDDEN", REFUSED.forbidden);
}

/** Who may open each page: "public", any signed-in user, or a permission. The authorization suite checks every route against it. */
export const ROUTE_ACCESS = {
  "/": "public",
  "/login": "public",
  "/password-reset": "public",
  "/password-reset/[token]": "public",
  // The partner council's officer, with the emailed single-use link and no account.
  "/confirm/[token]": "public",
  "/partners": "public",
  "/partners/[slug]": "public",
  "/open-data": "public",
  "/whats-on": "public",
  "/whats-on/past": "public",
  "/accessibility": "public",
  "/privacy": "public",
  "/decisions": "public",
  "/decisions/[id]": "public",
  "/annual-report": "public",
  "/annual-report/[year]": "public",
  "/dashboard": "dashboard:view",
  "/agreements": "agreement:read",
  "/agreements/new": "agreement:draft",
  "/agreements/[id]": "agreement:read",
  "/agreements/[id]/edit": "agreement:edit",
  "/agreements/[id]/correct": "agreement:edit",
  "/approvals": "proposal:decide",
  "/exchanges": "exchange:read",
  "/exchanges/new": "exchange:write",
  "/exchanges/[id]/edit": "exchange:write",
  "/events": "event:read",
  "/events/new": "event:write",
  "/events/[id]/edit": "event:write",
  "/reports/[year]": "agreement:read",
  "/import": "import:run",
  "/admin/users": "user:manage",
  "/admin/users/[id]": "user:manage",
  "/admin/users/[id]/erase": "user:manage",
  // A person without an account (a contact of a link), by email: their export and erasure.
  "/admin/people": "user:manage",
  "/admin/audit": "audit:read",
  "/admin/settings": "settings:manage",
  "/admin/outbox": "outbox:read",
  "/account": "account:manage",
} as const satisfies Record<string, Permission | "public">;

/**
 * Who may call each server action ("file#export"). The authorization suite finds every action in
 * the build and fails when one is missing here; each action checks the same permission itself.
 */
export const ACTION_ACCESS: Record<string, Permission | "public"> = {
  "app/actions.ts#signOut": "public",
  "app/login/actions.ts#signInAction": "public",
  "app/login/actions.ts#twoStepSignInAction": "public",
  "app/login/actions.ts#cancelTwoStepSignInAction": "public",
  "app/login/actions.ts#ssoSignInAction": "public",
  "app/password-reset/actions.ts#requestPasswordResetAction": "public",
  "app/password-reset/actions.ts#resetPasswordAction": "public",
  "app/agreements/new/actions.ts#createAgreementAction": "agreement:draft",
  "app/agreements/[id]/edit/actions.ts#updateAgreementAction": "agreement:edit",
  "app/agreements/[id]/actions.ts#agreementCommandAction": "agreement:propose",
  "app/agreements/[id]/actions.ts#saveTranslationAction": "agreement:edit",
  "app/agreements/[id]/actions.ts#recordReviewAction": "agreement:propose",
  "app/agreements/[id]/actions.ts#recordConfirmationAction": "agreement:edit",
  "app/agreements/[id]/actions.ts#proposeAmendmentAction": "agreement:propose",
  "app/agreements/[id]/correct/actions.ts#correctDetailsAction": "agreement:edit",
  "app/agreements/[id]/contacts/actions.ts#saveContactAction": "contact:manage",
  "app/agreements/[id]/contacts/actions.ts#removeContactAction": "contact:manage",
  "app/agreements/[id]/documents/actions.ts#removeDocumentAction": "agreement:edit",
  "app/agreements/[id]/contacts/actions.ts#requestPartnerConfirmationAction": "agreement:edit",
  "app/agreements/[id]/contacts/actions.ts#acceptPartnerAnswerAction": "agreement:edit",
  "app/agreements/[id]/contacts/actions.ts#withdrawPartnerConfirmationAction": "agreement:edit",
  "app/agreements/[id]/partner-feed/actions.ts#confirmFeedMatchAction": "agreement:edit",
  "app/agreements/[id]/partner-feed/actions.ts#checkFeedNowAction": "agreement:edit",
  "app/confirm/[token]/actions.ts#answerConfirmationAction": "public",
  "app/admin/people/actions.ts#erasePersonAction": "user:manage",
  "app/approvals/actions.ts#voteAction": "proposal:decide",
  // The named executive member (a councillor) or an officer: mayRecordDecision decides per proposal.
  "app/agreements/[id]/actions.ts#recordDecisionAction": "agreement:read",
  // Call-in: each operation asks the policy functions above about the decision at hand.
  "app/agreements/[id]/call-in/actions.ts#callInAction": "decision:call-in",
  "app/agreements/[id]/call-in/actions.ts#scrutinyOutcomeAction": "scrutiny:outcome",
  "app/agreements/[id]/call-in/actions.ts#answerReferralAction": "agreement:read",
  "app/exchanges/new/actions.ts#createExchangeAction": "exchange:write",
  "app/exchanges/[id]/edit/actions.ts#updateExchangeAction": "exchange:write",
  "app/exchanges/[id]/edit/actions.ts#deleteExchangeAction": "exchange:write",
  "app/events/new/actions.ts#createEventAction": "event:write",
  "app/events/[id]/edit/actions.ts#updateEventAction": "event:write",
  "app/events/[id]/edit/actions.ts#cancelEventAction": "event:write",
  "app/events/[id]/edit/actions.ts#deleteEventAction": "event:write",
  "app/admin/users/actions.ts#createUserAction": "user:manage",
  "app/admin/users/actions.ts#changeRoleAction": "user:manage",
  "app/admin/users/actions.ts#setActiveAction": "user:manage",
  "app/admin/users/actions.ts#resetPasswordAction": "user:manage",
  "app/admin/users/actions.ts#unlockSignInAction": "user:manage",
  "app/admin/users/actions.ts#setUserLanguageAction": "user:manage",
  "app/admin/users/actions.ts#resetTwoStepAction": "user:manage",
  "app/admin/users/actions.ts#removeSsoLinkAction": "user:manage",
  "app/admin/users/actions.ts#eraseUserAction": "user:manage",
  "app/admin/users/scrutiny/actions.ts#setScrutinyMemberAction": "user:manage",
  "app/admin/settings/actions.ts#updateSettingsAction": "settings:manage",
  "app/admin/settings/actions.ts#updateStatementsAction": "settings:manage",
  "app/admin/settings/bank-holidays/actions.ts#addBankHolidayAction": "settings:manage",
  "app/admin/settings/bank-holidays/actions.ts#removeBankHolidayAction": "settings:manage",
  "app/account/actions.ts#updatePreferencesAction": "account:manage",
  "app/account/actions.ts#changePasswordAction": "account:manage",
  "app/account/actions.ts#updateLanguageAction": "account:manage",
  "app/account/actions.ts#startTwoStepAction": "account:manage",
  "app/account/actions.ts#cancelTwoStepSetupAction": "account:manage",
  "app/account/actions.ts#confirmTwoStepAction": "account:manage",
  "app/account/actions.ts#renewRecoveryCodesAction": "account:manage",
  "app/account/actions.ts#turnOffTwoStepAction": "account:manage",
  "app/reports/[year]/actions.ts#publishReportAction": "report:publish",
  "app/reports/[year]/actions.ts#withdrawReportAction": "report:publish",
};
