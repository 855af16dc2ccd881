"use client";

import { useTranslations } from "next-intl";
import { Link } from "@/components/link";
import { ActionForm } from "@/components/form/action-form";
import { HiddenField, TextArea, TextField } from "@/components/form/fields";
import type { ActionResult } from "@/lib/web/action-result";
import { COMMAND_RULES, type Command } from "@/lib/domain/lifecycle";
import { commandSchema } from "@/lib/domain/validation/agreement";
import { DecisionRouteFields, ROUTE_FIELD_ORDER, type RouteChoices } from "@/components/decision-route-fields";

/** Which hint the reason field shows (messages agreementForms.command.reasonHint). */
const REASON_HINT: Record<Command, "submit" | "withdraw" | "proposal"> = {
  submit: "submit",
  withdraw: "withdraw",
  proposeSuspension: "proposal",
  proposeReinstatement: "proposal",
  proposeTermination: "proposal",
  proposeAmendment: "proposal",
};

/** What the last rejected proposal of the same kind said: a resubmission starts from it. */
export type PreviousProposal = { reason: string; publicReason: string | null; reference: string | null; alternativesConsidered: string | null; conflictsOfInterest: string | null; backgroundPapers: string | null };

/** Asks for the reasons and the record of decision behind a status command. */
export function CommandForm({
  action,
  command,
  agreementId,
  version,
  cancelHref,
  previous,
  routes,
}: {
  action: (previous: ActionResult, formData: FormData) => Promise<ActionResult>;
  command: Command;
  agreementId: string;
  version: number;
  cancelHref: string;
  previous?: PreviousProposal;
  /** How a proposal may be decided (a command that opens no proposal asks nothing). */
  routes: RouteChoices;
}) {
  const t = useTranslations("agreementForms");
  const rule = COMMAND_RULES[command];
  const label = t(`commands.${command}`);
  const isProposal = "proposal" in rule.effect;
  return (
    <ActionForm
      action={action}
      schema={commandSchema}
      defaultValues={{ agreementId, version, command }}
      initialText={{ ...(isProposal && { decisionRoute: routes.defaultRoute }), ...(previous && previousText(previous)) }}
      fieldOrder={["reason", "publicReason", "reference", ...ROUTE_FIELD_ORDER, "alternativesConsidered", "conflictsOfInterest", "backgroundPapers"]}
      submitLabel={label}
      submitClassName={command === "withdraw" || command === "proposeTermination" ? "button-danger" : "button"}
      secondary={
        <Link href={cancelHref} className="button-secondary">
          {t("command.cancel")}
        </Link>
      }
      aria-label={label}
    >
      {previous ? <p className="hint">{t("command.fromRejected")}</p> : null}
      <HiddenField name="agreementId" value={agreementId} />
      <HiddenField name="version" value={version} />
      <HiddenField name="command" value={command} />
      <TextArea name="reason" label={t("command.reason")} hint={t(`command.reasonHint.${REASON_HINT[command]}`)} required={rule.reason === "required"} />
      {rule.publicReason !== "none" ? <TextArea name="publicReason" label={t("command.publicReason")} hint={t("command.publicReasonHint")} rows={3} required={rule.publicReason === "required"} /> : null}
      <TextField name="reference" label={t("command.reference")} hint={t("command.referenceHint")} />
      {isProposal ? (
        <>
          <DecisionRouteFields councillors={routes.councillors} />
          <TextArea name="alternativesConsidered" label={t("command.alternativesConsidered")} hint={t("command.alternativesConsideredHint")} rows={3} />
          <TextArea name="conflictsOfInterest" label={t("command.conflictsOfInterest")} hint={t("command.conflictsOfInterestHint")} rows={2} />
          <TextArea name="backgroundPapers" label={t("command.backgroundPapers")} hint={t("command.backgroundPapersHint")} rows={2} />
        </>
      ) : null}
    </ActionForm>
  );
}

/** The returned proposal's reasons as the form's starting text (what it left empty stays empty). */
export function previousText(previous: PreviousProposal): Record<string, string> {
  return Object.fromEntries(Object.entries(previous).filter((entry): entry is [string, string] => typeof entry[1] === "string"));
}
