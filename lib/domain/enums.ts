// The schema's enums for the UI: app/ and components/ import them from here, never from the
// generated Prisma client, which only lib/ touches.
export type { AgreementStatus, DecisionKind, NotificationKind, OutboxStatus, ProposalKind, RelationshipType, Role, Theme } from "@/generated/prisma/enums";
