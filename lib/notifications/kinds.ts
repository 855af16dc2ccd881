// The kinds of email the office sends, and who may receive each. Pure: safe in client components.
import type { NotificationKind, Role } from "@/generated/prisma/enums";
import { REVIEW_WINDOW_DAYS } from "@/lib/domain/lifecycle";

/** The kinds a user may turn off at /account. Security notices (PASSWORD_CHANGED) are not among them: they are always sent. */
export const NOTIFICATION_KINDS = ["PROPOSAL_NEW", "DECISION_REACHED", "PROPOSAL_REMINDER", "WEEKLY_DIGEST"] as const satisfies readonly NotificationKind[];

type KindInfo = { label: string; description: string; roles: readonly Role[] };

export const NOTIFICATION_KIND_INFO: Record<NotificationKind, KindInfo> = {
  PROPOSAL_NEW: {
    label: "New proposals to decide",
    description: "When an agreement is submitted, or a suspension, reinstatement or termination is proposed.",
    roles: ["COUNCILLOR"],
  },
  DECISION_REACHED: {
    label: "Decisions on my proposals and links",
    description: "When a proposal you made, or on a link you lead, is approved or rejected.",
    roles: ["STAFF", "ADMIN", "COUNCILLOR"],
  },
  PROPOSAL_REMINDER: {
    label: "Reminders about proposals still open",
    description: "A daily reminder while a proposal you have not voted on stays open past the council's reminder period.",
    roles: ["COUNCILLOR"],
  },
  WEEKLY_DIGEST: {
    label: "Weekly digest",
    description: `Review dates due within ${REVIEW_WINDOW_DAYS} days and links that have gone dormant.`,
    roles: ["STAFF", "ADMIN"],
  },
  PASSWORD_CHANGED: {
    label: "Password changed (security notice)",
    description: "When your password is changed. Always sent.",
    roles: ["STAFF", "ADMIN", "COUNCILLOR"],
  },
  PASSWORD_RESET: {
    label: "Password reset link (security message)",
    description: "When you ask for a link to reset your password. Always sent.",
    roles: ["STAFF", "ADMIN", "COUNCILLOR"],
  },
  TWO_STEP_CHANGED: {
    label: "Two-step verification changed (security notice)",
    description: "When two-step verification is turned on or off, reset by an administrator, or given new recovery codes. Always sent.",
    roles: ["STAFF", "ADMIN", "COUNCILLOR"],
  },
  PARTNER_CONFIRMATION_REQUEST: {
    label: "Confirmation request to a partner council",
    description: "Sent to a contact of a link (no account) when staff request the partner's confirmation.",
    roles: [],
  },
};

/** The kinds a user with this role can receive (and so can turn off). */
export function kindsForRole(role: Role): NotificationKind[] {
  return NOTIFICATION_KINDS.filter((kind) => NOTIFICATION_KIND_INFO[kind].roles.includes(role));
}

export function isNotificationKind(value: string): value is NotificationKind {
  return (NOTIFICATION_KINDS as readonly string[]).includes(value);
}
