import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ChangePasswordForm } from "@/components/change-password-form";
import { LanguageForm } from "@/components/language-form";
import { NotificationPreferencesForm } from "@/components/notification-preferences-form";
import { ConfirmationBanner } from "@/components/success-banner";
import { TwoStepPanel, type TwoStepView } from "@/components/two-step-panel";
import { qrCodeSvg } from "@/lib/auth/qr-code";
import { requirePageUser } from "@/lib/auth/session";
import { totpUri } from "@/lib/auth/totp";
import { readTwoStepStatus, type TwoStepStatus } from "@/lib/auth/two-step";
import { getSettings } from "@/lib/data/settings";
import { formatDate } from "@/lib/domain/format";
import type { Actor } from "@/lib/domain/permissions";
import { twoStepRequired } from "@/lib/domain/two-step";
import type { Locale } from "@/lib/i18n/locales";
import { getPageLocale } from "@/lib/i18n/server";
import { getPreferences } from "@/lib/data/notifications";
import { getUser } from "@/lib/data/users";
import {
  cancelTwoStepSetupAction,
  changePasswordAction,
  confirmTwoStepAction,
  renewRecoveryCodesAction,
  startTwoStepAction,
  turnOffTwoStepAction,
  updateLanguageAction,
  updatePreferencesAction,
} from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("account"))("title") };
}

/** What the two-step section shows: the QR code (an otpauth:// address naming the council and the user) while it is being set up. */
async function twoStepView(status: TwoStepStatus, user: Actor, councilName: string, locale: Locale): Promise<TwoStepView> {
  switch (status.state) {
    case "off":
      return { state: "off" };
    case "setting-up":
      return { state: "setting-up", secret: status.secret, qrSvg: await qrCodeSvg(totpUri(status.secret, user.email, councilName)) };
    case "on":
      return { state: "on", since: formatDate(status.since, locale), recoveryCodesLeft: status.recoveryCodesLeft };
  }
}

export default async function AccountPage({ searchParams }: { searchParams: Promise<{ done?: string | string[] }> }) {
  const { done } = await searchParams;
  const user = await requirePageUser("/account", "account:manage");
  const [preferences, own, t, twoStep, settings, locale] = await Promise.all([getPreferences(user), getUser(user.id), getTranslations("account"), readTwoStepStatus(user.id), getSettings(), getPageLocale()]);
  return (
    <>
      <ConfirmationBanner scope="account" done={done} />
      <h1>{t("title")}</h1>
      {user.twoStepSetupDue ? (
        <p className="mb-6 max-w-2xl border-l-8 border-brand p-4 font-semibold" data-testid="two-step-required">
          {t("twoStep.required")} <a href="#two-step">{t("twoStep.heading")}</a>
        </p>
      ) : null}
      <dl className="mb-8 grid max-w-2xl grid-cols-[max-content_1fr] gap-x-6 gap-y-2">
        <dt className="font-semibold">{t("name")}</dt>
        <dd>{user.name}</dd>
        <dt className="font-semibold">{t("email")}</dt>
        <dd>{user.email}</dd>
        <dt className="font-semibold">{t("role")}</dt>
        <dd>{t(`roles.${user.role}`)}</dd>
      </dl>
      <h2>{t("language.heading")}</h2>
      <LanguageForm action={updateLanguageAction} language={own?.language ?? "en"} />
      <h2>{t("notifications.heading")}</h2>
      {preferences.length === 0 ? (
        <p>{t("notifications.none")}</p>
      ) : (
        <NotificationPreferencesForm
          action={updatePreferencesAction}
          kinds={preferences.map((preference) => preference.kind)}
          enabled={preferences.filter((preference) => preference.enabled).map((preference) => preference.kind)}
        />
      )}
      <p className="mt-6 max-w-2xl">{t("notifications.note")}</p>
      <h2>{t("password.heading")}</h2>
      <ChangePasswordForm action={changePasswordAction} />
      <h2 id="two-step">{t("twoStep.heading")}</h2>
      <TwoStepPanel
        key={twoStep.state === "off" ? "off" : twoStep.generation}
        view={await twoStepView(twoStep, user, settings.councilName, locale)}
        required={twoStepRequired(settings.twoStepRequiredFor, user.role)}
        actions={{ start: startTwoStepAction, cancel: cancelTwoStepSetupAction, confirm: confirmTwoStepAction, renew: renewRecoveryCodesAction, turnOff: turnOffTwoStepAction }}
      />
    </>
  );
}
