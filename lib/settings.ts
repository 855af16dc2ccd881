import type { Tx } from "./db";
import type { DecisionRoute, TwoStepRequirement } from "@/generated/prisma/enums";

export type CouncilSettingsValues = {
  councilName: string;
  approvalsNeeded: number;
  dormancyMonths: number;
  openDataLicence: string;
  /** Days a proposal may stay open before councillors who have not voted get a daily reminder. */
  reminderDays: number;
  /** Who must use two-step verification (lib/domain/two-step.ts twoStepRequired). */
  twoStepRequiredFor: TwoStepRequirement;
  /** Officers and councillors sign in only with the council account (single sign-on); admins keep their password. */
  ssoOnlyForStaff: boolean;
  /** The retention schedule (lib/jobs/retention.ts): audit-log IP addresses are cleared after this many months, */
  auditAddressMonths: number;
  /** sent emails' bodies emptied after this many days, */
  sentEmailDays: number;
  /** exchange participant descriptions emptied this many months after the exchange ended, */
  participantsMonths: number;
  /** failed sign-ins' email and address cleared from the audit log after this many days, */
  failedSignInDays: number;
  /** a link's contacts deleted this many months after the link ended. */
  contactsMonths: number;
  /** Photos of a link are deleted this many months after it ended (a decided proposal's paper is kept). */
  photosMonths: number;
  /** Where to report a vulnerability (/.well-known/security.txt), or null: none published. */
  securityContact: string | null;
  /** The council's own Wikidata item ID (/.well-known/twinning.json), or null. */
  wikidataId: string | null;
  /** The council's own country (ISO 3166-1 alpha-2), or null. */
  councilCountry: string | null;
  /** The decision route a new proposal starts with (lib/domain/decision-routes.ts). */
  defaultDecisionRoute: DecisionRoute;
  /** Call-in (docs/decisions/023-call-in.md): the period in working days (0: none, decisions take effect at once), */
  callInDays: number;
  /** the decision routes it applies to, */
  callInRoutes: DecisionRoute[];
  /** and how many scrutiny members must call a decision in. */
  callInsNeeded: number;
};

export const DEFAULT_SETTINGS: CouncilSettingsValues = {
  councilName: "Twinning Office",
  approvalsNeeded: 1,
  dormancyMonths: 24,
  openDataLicence: "Open Government Licence v3.0",
  reminderDays: 7,
  twoStepRequiredFor: "NOBODY",
  ssoOnlyForStaff: false,
  auditAddressMonths: 13,
  sentEmailDays: 90,
  participantsMonths: 12,
  failedSignInDays: 30,
  contactsMonths: 12,
  photosMonths: 12,
  securityContact: null,
  wikidataId: null,
  councilCountry: null,
  defaultDecisionRoute: "COUNCILLOR_VOTES",
  callInDays: 0,
  callInRoutes: ["EXECUTIVE_MEMBER", "OFFICER_DELEGATION"],
  callInsNeeded: 1,
};

/**
 * The settings, their row locked until the transaction ends (made, with the defaults, if missing:
 * there must be a row to lock). Taken by every write whose rule spans the settings and other rows
 * — "Approvals needed" against the active councillors: lib/admin/update-settings.ts and
 * lib/admin/users.ts — so one waits for the other and then counts what it wrote. Under READ
 * COMMITTED, two such writes checking at once would each see the other's rows as they were, pass,
 * and together break the rule.
 */
export async function lockSettings(tx: Tx): Promise<CouncilSettingsValues> {
  await tx.$executeRaw`INSERT INTO "CouncilSettings" ("id", "updatedAt") VALUES (1, CURRENT_TIMESTAMP) ON CONFLICT ("id") DO NOTHING`;
  await tx.$queryRaw`SELECT "id" FROM "CouncilSettings" WHERE "id" = 1 FOR UPDATE`;
  return readSettings(tx);
}

/** The council's settings (one row); the defaults until an admin saves them. */
export async function readSettings(client: Pick<Tx, "councilSettings">): Promise<CouncilSettingsValues> {
  const row = await client.councilSettings.findUnique({
    where: { id: 1 },
    select: {
      councilName: true,
      approvalsNeeded: true,
      dormancyMonths: true,
      openDataLicence: true,
      reminderDays: true,
      twoStepRequiredFor: true,
      ssoOnlyForStaff: true,
      auditAddressMonths: true,
      sentEmailDays: true,
      participantsMonths: true,
      failedSignInDays: true,
      contactsMonths: true,
      photosMonths: true,
      securityContact: true,
      wikidataId: true,
      councilCountry: true,
      defaultDecisionRoute: true,
      callInDays: true,
      callInRoutes: true,
      callInsNeeded: true,
    },
  });
  return row ?? DEFAULT_SETTINGS;
}
