import type { Metadata } from "next";
import { SettingsForm } from "@/components/admin-forms";
import { requirePageUser } from "@/lib/auth/session";
import { getSettings } from "@/lib/data/settings";
import { updateSettingsAction } from "./actions";

export const metadata: Metadata = { title: "Council settings" };

export default async function SettingsPage() {
  await requirePageUser("/admin/settings", "settings:manage");
  const settings = await getSettings();
  return (
    <>
      <h1>Council settings</h1>
      <SettingsForm action={updateSettingsAction} values={{ ...settings }} />
    </>
  );
}
