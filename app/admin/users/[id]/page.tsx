import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { BackLink } from "@/components/back-link";
import { Link } from "@/components/link";
import { ChangeRoleForm, RemoveSsoLinkForm, ResetPasswordForm, ResetTwoStepForm, SetActiveForm, UnlockSignInForm, UserLanguageForm } from "@/components/admin-forms";
import { ConfirmationBanner } from "@/components/success-banner";
import { SummaryList } from "@/components/summary-list";
import { requirePageUser } from "@/lib/auth/session";
import { countActiveCouncillors, getSignInLockedUntil, getUser } from "@/lib/data/users";
import { getSettings } from "@/lib/data/settings";
import { quorumRefusalMessage } from "@/lib/domain/validation/admin";
import { translateFieldMessage } from "@/lib/domain/validation/messages";
import { formatDate, formatTimeWithZone } from "@/lib/domain/format";
import { LANGUAGE_NAMES, LANGUAGE_TAGS, type Locale } from "@/lib/i18n/locales";
import { getPageLocale } from "@/lib/i18n/server";
import { changeRoleAction, removeSsoLinkAction, resetPasswordAction, resetTwoStepAction, setActiveAction, setUserLanguageAction, unlockSignInAction } from "../actions";
import { setScrutinyMemberAction } from "../scrutiny/actions";
import { ScrutinyMemberForm } from "@/components/call-in-forms";
import { isMarkedScrutinyMember } from "@/lib/data/call-in";

const SSO_LINK_CONFIRM = "sso-link";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("admin.user"))("title") };
}

/** Whether taking this active councillor out of the councillors would leave too few for "Approvals needed": what the refusal will say. */
async function deactivationQuorumWarning(locale: Locale): Promise<string | null> {
  const [{ approvalsNeeded }, councillors] = await Promise.all([getSettings(), countActiveCouncillors()]);
  const remaining = councillors - 1;
  return remaining < approvalsNeeded ? translateFieldMessage(quorumRefusalMessage(remaining, approvalsNeeded), locale) : null;
}

export default async function UserPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ done?: string | string[]; confirm?: string | string[] }> }) {
  const { id } = await params;
  const { done, confirm } = await searchParams;
  await requirePageUser(`/admin/users/${id}`, "user:manage");
  const user = await getUser(id);
  if (!user) notFound();
  const [lockedUntil, t, tUsers, locale] = await Promise.all([getSignInLockedUntil(user.email), getTranslations("admin.user"), getTranslations("admin.users"), getPageLocale()]);
  const lock = lockedUntil ? t("lockedUntil", { time: formatTimeWithZone(lockedUntil, locale) }) : null;
  const quorumWarning = user.role === "COUNCILLOR" && user.active ? await deactivationQuorumWarning(locale) : null;
  const tCallIn = await getTranslations("callIn.scrutiny");
  return (
    <>
      <BackLink href="/admin/users">{t("back")}</BackLink>
      <ConfirmationBanner scope="user" done={done} />
      <h1>{user.name}</h1>
      <SummaryList
        rows={[
          { label: t("email"), value: user.email },
          { label: t("status"), value: [user.active ? tUsers("active") : tUsers("deactivated"), lock].filter(Boolean).join(". ") },
          { label: t("added"), value: formatDate(user.createdAt, locale) },
          { label: t("language"), value: <span lang={LANGUAGE_TAGS[user.language]}>{LANGUAGE_NAMES[user.language]}</span> },
          { label: t("twoStep"), value: user.twoStepEnabledAt ? t("twoStepOn", { date: formatDate(user.twoStepEnabledAt, locale) }) : t("twoStepOff") },
          { label: t("ssoLink"), value: user.ssoIssuer && user.ssoBoundAt ? t("ssoLinked", { issuer: user.ssoIssuer, date: formatDate(user.ssoBoundAt, locale) }) : t("ssoNotLinked") },
        ]}
      />
      {lock ? (
        <>
          <h2>{t("lockedHeading")}</h2>
          <p className="max-w-2xl">{t("lockedBody", { lock })}</p>
          <UnlockSignInForm action={unlockSignInAction} userId={user.id} />
        </>
      ) : null}
      <h2>{t("role")}</h2>
      <ChangeRoleForm action={changeRoleAction} userId={user.id} role={user.role} />
      <h2>{user.active ? t("deactivate") : t("reactivate")}</h2>
      {/* Said before the admin tries: deactivating (or another role) is refused while it would leave too few councillors (lib/admin/users.ts). */}
      {quorumWarning ? (
        <p className="max-w-2xl border-l-8 border-amber-500 bg-amber-50 p-3" data-testid="quorum-warning">
          {quorumWarning}
        </p>
      ) : null}
      <SetActiveForm action={setActiveAction} userId={user.id} active={user.active} />
      {user.role === "COUNCILLOR" ? (
        <>
          <h2>{tCallIn("label")}</h2>
          <ScrutinyMemberForm action={setScrutinyMemberAction} userId={user.id} member={await isMarkedScrutinyMember(user.id)} />
        </>
      ) : null}
      <h2>{t("language")}</h2>
      <UserLanguageForm action={setUserLanguageAction} userId={user.id} language={user.language} />
      <h2>{t("resetPassword")}</h2>
      <ResetPasswordForm action={resetPasswordAction} userId={user.id} />
      {user.twoStepEnabledAt ? (
        <>
          <h2>{t("twoStepResetHeading")}</h2>
          <p className="max-w-2xl">{t("twoStepResetBody")}</p>
          <ResetTwoStepForm action={resetTwoStepAction} userId={user.id} />
        </>
      ) : null}
      <h2>{t("personalDataHeading")}</h2>
      <p className="max-w-2xl">{t("personalDataBody")}</p>
      <p className="flex flex-wrap gap-4">
        {/* A download, not a page: a plain link, never prefetched. */}
        <a href={`/admin/users/${user.id}/export`} download className="button-secondary">
          {t("exportData")}
        </a>
        <Link href={`/admin/users/${user.id}/erase`} className="button-danger">
          {t("eraseData")}
        </Link>
      </p>
      {user.ssoIssuer ? (
        <section aria-labelledby="sso-link">
          <h2 id="sso-link">{t("ssoHeading")}</h2>
          <p className="max-w-2xl">{t("ssoBody")}</p>
          {/* Two steps, also without JavaScript: a plain GET opens the confirmation (?confirm=sso-link). */}
          {confirm === SSO_LINK_CONFIRM ? (
            <>
              <p className="max-w-2xl font-semibold">{t("ssoConfirm", { name: user.name })}</p>
              <RemoveSsoLinkForm action={removeSsoLinkAction} userId={user.id} cancelHref={`/admin/users/${user.id}`} />
            </>
          ) : (
            <form method="get" action="#sso-link">
              <input type="hidden" name="confirm" value={SSO_LINK_CONFIRM} />
              <button type="submit" className="button-danger">
                {t("ssoRemove")}
              </button>
            </form>
          )}
        </section>
      ) : null}
    </>
  );
}
