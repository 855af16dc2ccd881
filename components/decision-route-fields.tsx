"use client";

import { useTranslations } from "next-intl";
import { ActionForm } from "@/components/form/action-form";
import { HiddenField, RadioGroup, SelectField, TextArea, TextField } from "@/components/form/fields";
import { Link } from "@/components/link";
import { UrgentFields } from "@/components/call-in-forms";
import { DECISION_ROUTES } from "@/lib/domain/decision-routes";
import type { DecisionRoute } from "@/lib/domain/enums";
import { recordDecisionSchema } from "@/lib/domain/validation/agreement";
import type { FormAction } from "@/lib/web/action-result";

/** A councillor who may be named as the executive member. */
export type CouncillorOption = { id: string; name: string };

/** What a proposal form needs to ask how it will be decided. */
export type RouteChoices = { defaultRoute: DecisionRoute; councillors: readonly CouncillorOption[] };

/** The field names the route fields add to a proposal form's error summary, in order. */
export const ROUTE_FIELD_ORDER = ["decisionRoute", "executiveMemberId", "delegation"] as const;

/** The radio buttons of the decision routes (the proposal form, the default in the settings). */
export function DecisionRouteChoice({ name, label, hint }: { name: string; label?: string; hint?: string }) {
  const t = useTranslations("decisions");
  return (
    <RadioGroup
      name={name}
      label={label ?? t("form.defaultDecisionRoute")}
      hint={hint ?? t("form.defaultDecisionRouteHint")}
      options={DECISION_ROUTES.map((route) => ({ value: route, label: t(`route.${route}`) }))}
    />
  );
}

/**
 * "How will this be decided?" on a proposal: the route (the council's default chosen), the executive
 * member and the delegation. All shown at once, so the form works without JavaScript; each hint
 * says which route it belongs to, and the server asks for the one the chosen route needs.
 */
export function DecisionRouteFields({ councillors }: { councillors: readonly CouncillorOption[] }) {
  const t = useTranslations("decisions.form");
  return (
    <>
      <DecisionRouteChoice name="decisionRoute" label={t("decisionRoute")} hint={t("decisionRouteHint")} />
      <SelectField name="executiveMemberId" label={t("executiveMember")} hint={t("executiveMemberHint")} placeholder={t("chooseMember")} options={councillors.map((councillor) => ({ value: councillor.id, label: councillor.name }))} />
      <TextField name="delegation" label={t("delegation")} hint={t("delegationHint")} />
    </>
  );
}

/**
 * "Record the decision" on a proposal decided outside the app's vote: approved or rejected, the
 * reasons, a reference, and on the meeting-resolution route the meeting, its date, the minute and a link.
 */
export function RecordDecisionForm({ action, proposalId, route, cancelHref }: { action: FormAction; proposalId: string; route: DecisionRoute; cancelHref: string }) {
  const t = useTranslations("decisions.record");
  const meeting = route === "MEETING_RESOLUTION";
  return (
    <ActionForm
      action={action}
      schema={recordDecisionSchema}
      defaultValues={{ proposalId }}
      fieldOrder={["decision", ...(meeting ? ["meetingName", "meetingDate", "minuteReference", "meetingUrl"] : ["reference"]), "reason", "urgent", "urgencyReason"]}
      submitLabel={t("button")}
      secondary={
        <Link href={cancelHref} className="button-secondary">
          {t("cancel")}
        </Link>
      }
      aria-label={t("button")}
    >
      <p className="hint">{t("intro")}</p>
      <HiddenField name="proposalId" value={proposalId} />
      <RadioGroup
        name="decision"
        label={t("decision")}
        options={[
          { value: "approve", label: t("approve") },
          { value: "reject", label: t("reject") },
        ]}
      />
      {meeting ? (
        <>
          <TextField name="meetingName" label={t("meetingName")} hint={t("meetingNameHint")} />
          <TextField name="meetingDate" label={t("meetingDate")} type="date" />
          <TextField name="minuteReference" label={t("minuteReference")} />
          <TextField name="meetingUrl" label={t("meetingUrl")} hint={t("meetingUrlHint")} type="url" />
        </>
      ) : (
        <TextField name="reference" label={t("reference")} />
      )}
      <TextArea name="reason" label={t("reason")} hint={t("reasonHint")} rows={3} />
      <UrgentFields />
    </ActionForm>
  );
}
