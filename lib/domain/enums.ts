// The schema's enums for the UI: app/ and components/ import them from here, never from the
// generated Prisma client, which only lib/ touches.
export type { AgreementStatus, DecisionKind, DecisionRoute, NotificationKind, OutboxStatus, ProposalKind, RelationshipType, Role, Theme } from "@/generated/prisma/enums";
// A value too: the upload form lists every document type.
export { DocumentType } from "@/generated/prisma/enums";
