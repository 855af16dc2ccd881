import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ChangePasswordForm } from "@/components/change-password-form";
import { LanguageForm } from "@/components/language-form";
import { NotificationPreferencesForm } from "@/components/notification-preferences-form";
import { ConfirmationBanner } from "@/components/success-banner";
import { requirePageUser } from "@/lib/auth/session";
import { getPreferences } from "@/lib/data/notifications";
import { getUser } from "@/lib/data/users";
import { changePasswordAction, updateLanguageAction, updatePreferencesAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("account"))("title") };
}

export default async function AccountPage({ searchParams }: { searchParams: Promise<{ done?: string | string[] }> }) {
  const { done } = await searchParams;
  const user = await requirePageUser("/account", "account:manage");
  const [preferences, own, t] = await Promise.all([getPreferences(user), getUser(user.id), getTranslations("account")]);
  return (
    <>
      <ConfirmationBanner scope="account" done={done} />
      <h1>{t("title")}</h1>
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
    </>
  );
}
