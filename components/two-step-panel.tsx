"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { ActionForm } from "@/components/form/action-form";
import { HiddenField, TextField } from "@/components/form/fields";
import { SuccessBanner } from "@/components/success-banner";
import { cancelTwoStepSchema, confirmTwoStepSchema, startTwoStepSchema, twoStepProofSchema } from "@/lib/domain/validation/two-step";
import { IDLE, type FormAction } from "@/lib/web/action-result";

export type TwoStepView =
  | { state: "off" }
  /** `qrSvg`: the otpauth:// address as an SVG QR code, rendered on the server. */
  | { state: "setting-up"; qrSvg: string; secret: string }
  | { state: "on"; since: string; recoveryCodesLeft: number };

type Props = {
  view: TwoStepView;
  /** The council requires it for the user's role: it cannot be turned off. */
  required: boolean;
  actions: { start: FormAction; cancel: FormAction; confirm: FormAction; renew: FormAction; turnOff: FormAction };
};

/**
 * "Two-step verification" on /account: off → set up (QR code, the key as text, the first code) →
 * on (new recovery codes, turn off). The new recovery codes come back with the action's result and
 * are shown this once; the confirming form is gone by then (the page shows the "on" state), so its
 * state is held here. The page keys this panel by the setup it shows: a new setup starts afresh.
 */
export function TwoStepPanel({ view, required, actions }: Props) {
  const t = useTranslations("account.twoStep");
  const confirm = useActionState(actions.confirm, IDLE);
  const renew = useActionState(actions.renew, IDLE);
  const [confirmed] = confirm;
  const [renewed] = renew;
  const revealedBy = renewed.status === "success" && renewed.revealed ? renewed : view.state === "on" && confirmed.status === "success" && confirmed.revealed ? confirmed : null;

  if (view.state === "off") {
    return (
      <>
        <p className="max-w-2xl">{t("offStatus")}</p>
        <p className="max-w-2xl">{t("intro")}</p>
        <ActionForm action={actions.start} schema={startTwoStepSchema} idPrefix="two-step-start-" defaultValues={{ step: "start" }} submitLabel={t("start")} aria-label={t("start")}>
          <HiddenField name="step" value="start" />
        </ActionForm>
      </>
    );
  }

  if (view.state === "setting-up") {
    return (
      <>
        <p className="max-w-2xl">{t("scan")}</p>
        <div role="img" aria-label={t("qrLabel")} className="my-4 h-56 w-56 bg-white p-2" dangerouslySetInnerHTML={{ __html: view.qrSvg }} />
        <p className="max-w-2xl">{t("manual")}</p>
        <p className="mb-6">
          <span className="font-semibold">{t("keyLabel")}: </span>
          <code data-testid="two-step-secret" className="break-all text-lg tracking-wider">
            {view.secret.match(/.{1,4}/g)!.join(" ")}
          </code>
        </p>
        <p className="max-w-2xl">{t("enterCode")}</p>
        <ActionForm action={actions.confirm} actionState={confirm} schema={confirmTwoStepSchema} idPrefix="two-step-" fieldOrder={["code"]} submitLabel={t("confirm")} aria-label={t("setupFormLabel")}>
          <TextField name="code" label={t("code")} hint={t("codeHint")} autoComplete="one-time-code" inputMode="numeric" />
        </ActionForm>
        <div className="mt-4">
          <ActionForm action={actions.cancel} schema={cancelTwoStepSchema} idPrefix="two-step-cancel-" defaultValues={{ step: "cancel" }} submitLabel={t("cancel")} submitClassName="button-secondary" aria-label={t("cancel")}>
            <HiddenField name="step" value="cancel" />
          </ActionForm>
        </div>
      </>
    );
  }

  return (
    <>
      {revealedBy === confirmed && confirmed.status === "success" ? <SuccessBanner>{confirmed.message}</SuccessBanner> : null}
      {revealedBy?.status === "success" && revealedBy.revealed ? <RecoveryCodes codes={revealedBy.revealed} /> : null}
      <p className="max-w-2xl">{t("onStatus", { date: view.since })}</p>
      <p className="max-w-2xl">{t("codesLeft", { count: view.recoveryCodesLeft })}</p>
      <h3>{t("renewHeading")}</h3>
      <p className="max-w-2xl">{t("renewIntro")}</p>
      <ActionForm action={actions.renew} actionState={renew} schema={twoStepProofSchema} idPrefix="two-step-renew-" fieldOrder={["passwordOrCode"]} submitLabel={t("renew")} aria-label={t("renewHeading")}>
        <TextField name="passwordOrCode" label={t("proof")} hint={t("proofHint")} type="password" autoComplete="current-password" />
      </ActionForm>
      <h3>{t("offHeading")}</h3>
      {required ? (
        <p className="max-w-2xl">{t("requiredOn")}</p>
      ) : (
        <ActionForm action={actions.turnOff} schema={twoStepProofSchema} idPrefix="two-step-off-" fieldOrder={["passwordOrCode"]} submitLabel={t("off")} submitClassName="button-danger" aria-label={t("offHeading")}>
          <TextField name="passwordOrCode" label={t("proof")} hint={t("proofHint")} type="password" autoComplete="current-password" />
        </ActionForm>
      )}
    </>
  );
}

function RecoveryCodes({ codes }: { codes: readonly string[] }) {
  const t = useTranslations("account.twoStep");
  return (
    <section aria-labelledby="recovery-codes-heading" className="mb-6 max-w-2xl border-l-8 border-success p-4">
      <h3 id="recovery-codes-heading">{t("codesHeading")}</h3>
      <p>{t("codesIntro")}</p>
      <ul aria-label={t("codesLabel")} data-testid="recovery-codes" className="mt-3 grid grid-cols-2 gap-2 font-mono text-lg">
        {codes.map((code) => (
          <li key={code}>{code}</li>
        ))}
      </ul>
    </section>
  );
}
