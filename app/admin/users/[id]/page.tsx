import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { BackLink } from "@/components/back-link";
import { ChangeRoleForm, ResetPasswordForm, SetActiveForm, UnlockSignInForm } from "@/components/admin-forms";
import { ConfirmationBanner } from "@/components/success-banner";
import { SummaryList } from "@/components/summary-list";
import { requirePageUser } from "@/lib/auth/session";
import { getSignInLockedUntil, getUser } from "@/lib/data/users";
import { formatDate, formatTimeWithZone } from "@/lib/domain/format";
import { changeRoleAction, resetPasswordAction, setActiveAction, unlockSignInAction } from "../actions";

export const metadata: Metadata = { title: "User" };

export default async function UserPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ done?: string | string[] }> }) {
  const { id } = await params;
  const { done } = await searchParams;
  await requirePageUser(`/admin/users/${id}`, "user:manage");
  const user = await getUser(id);
  if (!user) notFound();
  const lockedUntil = await getSignInLockedUntil(user.email);
  const lock = lockedUntil ? `Sign-in locked until ${formatTimeWithZone(lockedUntil)}` : null;
  return (
    <>
      <BackLink href="/admin/users">Back to users</BackLink>
      <ConfirmationBanner scope="user" done={done} />
      <h1>{user.name}</h1>
      <SummaryList
        rows={[
          { label: "Email", value: user.email },
          { label: "Status", value: [user.active ? "Active" : "Deactivated", lock].filter(Boolean).join(". ") },
          { label: "Added", value: formatDate(user.createdAt) },
        ]}
      />
      {lock ? (
        <>
          <h2>Sign-in locked</h2>
          <p className="max-w-2xl">{lock}, after too many failed attempts to sign in with this email. Unlocking lets them sign in again at once.</p>
          <UnlockSignInForm action={unlockSignInAction} userId={user.id} />
        </>
      ) : null}
      <h2>Role</h2>
      <ChangeRoleForm action={changeRoleAction} userId={user.id} role={user.role} />
      <h2>{user.active ? "Deactivate" : "Reactivate"}</h2>
      <SetActiveForm action={setActiveAction} userId={user.id} active={user.active} />
      <h2>Reset password</h2>
      <ResetPasswordForm action={resetPasswordAction} userId={user.id} />
    </>
  );
}
