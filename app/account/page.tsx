import type { Metadata } from "next";
import { ChangePasswordForm } from "@/components/change-password-form";
import { NotificationPreferencesForm } from "@/components/notification-preferences-form";
import { ConfirmationBanner } from "@/components/success-banner";
import { requirePageUser } from "@/lib/auth/session";
import { getPreferences } from "@/lib/data/notifications";
import { changePasswordAction, updatePreferencesAction } from "./actions";

export const metadata: Metadata = { title: "Your account" };

const ROLE_LABELS = { STAFF: "Staff (twinning officer)", COUNCILLOR: "Councillor", ADMIN: "Admin" } as const;

export default async function AccountPage({ searchParams }: { searchParams: Promise<{ done?: string | string[] }> }) {
  const { done } = await searchParams;
  const user = await requirePageUser("/account", "account:manage");
  const preferences = await getPreferences(user);
  return (
    <>
      <ConfirmationBanner scope="account" done={done} />
      <h1>Your account</h1>
      <dl className="mb-8 grid max-w-2xl grid-cols-[max-content_1fr] gap-x-6 gap-y-2">
        <dt className="font-semibold">Name</dt>
        <dd>{user.name}</dd>
        <dt className="font-semibold">Email</dt>
        <dd>{user.email}</dd>
        <dt className="font-semibold">Role</dt>
        <dd>{ROLE_LABELS[user.role]}</dd>
      </dl>
      <h2>Email notifications</h2>
      {preferences.length === 0 ? (
        <p>There are no emails for your role to choose from.</p>
      ) : (
        <NotificationPreferencesForm
          action={updatePreferencesAction}
          kinds={preferences.map((preference) => preference.kind)}
          enabled={preferences.filter((preference) => preference.enabled).map((preference) => preference.kind)}
        />
      )}
      <p className="mt-6 max-w-2xl">
        Emails about your own account (for example, a change to your password) cannot be turned off, for anyone, administrators included. An administrator
        can see who receives which emails, but cannot change your choices.
      </p>
      <h2>Change password</h2>
      <ChangePasswordForm action={changePasswordAction} />
    </>
  );
}
