import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { SettingsForm } from "@/components/admin-forms";
import { requirePageUser } from "@/lib/auth/session";
import { getSettings } from "@/lib/data/settings";
import { updateSettingsAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("admin.settings"))("title") };
}

export default async function SettingsPage() {
  await requirePageUser("/admin/settings", "settings:manage");
  const [settings, t] = await Promise.all([getSettings(), getTranslations("admin.settings")]);
  return (
    <>
      <h1>{t("title")}</h1>
      <SettingsForm action={updateSettingsAction} values={{ ...settings }} />
    </>
  );
}
