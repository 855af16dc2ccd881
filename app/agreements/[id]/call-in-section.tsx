import { getTranslations } from "next-intl/server";
import { CallInForm, ReferralAnswerForm, ScrutinyOutcomeForm } from "@/components/call-in-forms";
import { getCallInPanel } from "@/lib/data/call-in";
import { dateAtUtcMidnight } from "@/lib/domain/working-days";
import { formatDate } from "@/lib/domain/format";
import type { Actor } from "@/lib/domain/permissions";
import { getPageLocale } from "@/lib/i18n/server";
import { answerReferralAction, callInAction, scrutinyOutcomeAction } from "./call-in/actions";

/**
 * Call-in on the agreement page (docs/decisions/023-call-in.md): a decision published but not yet
 * in effect — "Takes effect on …" while its period runs, or called in, or referred — with the call-ins
 * so far and the form this viewer may use: "Call in", scrutiny's outcome, or the answer to a referral.
 */
export async function CallInSection({ agreementId, user }: { agreementId: string; user: Actor }) {
  const panel = await getCallInPanel(agreementId, user);
  if (!panel) return null;
  const [t, locale] = await Promise.all([getTranslations("callIn.panel"), getPageLocale()]);
  const date = (value: string) => formatDate(dateAtUtcMidnight(value), locale);
  return (
    <section aria-labelledby="call-in-heading" className="mb-8 rounded border border-amber-400 bg-amber-50 p-4" data-testid="call-in">
      <h2 id="call-in-heading" className="mt-0">
        {t("heading")}
      </h2>
      {panel.state === "AWAITING" && panel.takesEffectOn ? (
        <>
          <p className="text-lg font-bold">{t("takesEffectOn", { date: date(panel.takesEffectOn) })}</p>
          {panel.periodEnds ? <p>{t("period", { date: date(panel.periodEnds) })}</p> : null}
        </>
      ) : (
        <p className="text-lg font-bold">{t(panel.state === "CALLED_IN" ? "calledIn" : panel.state === "REFERRED_BACK" ? "referredBack" : "referredToCouncil")}</p>
      )}
      {panel.callIns.length > 0 ? (
        <>
          <p>{t("callIns", { count: panel.callIns.length, needed: panel.needed })}</p>
          <h3>{t("callInReasons")}</h3>
          <ul>
            {panel.callIns.map((call, index) => (
              <li key={index}>{t("callInBy", { name: call.name, reason: call.reason ?? "" })}</li>
            ))}
          </ul>
        </>
      ) : null}
      {panel.mayCallIn ? <CallInForm action={callInAction} proposalId={panel.proposalId} /> : null}
      {panel.mayRecordOutcome ? <ScrutinyOutcomeForm action={scrutinyOutcomeAction} proposalId={panel.proposalId} /> : null}
      {panel.mayAnswer ? <ReferralAnswerForm action={answerReferralAction} proposalId={panel.proposalId} fullCouncil={panel.state === "REFERRED_TO_COUNCIL"} /> : null}
    </section>
  );
}
