import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ChangeRoleForm, ResetPasswordForm, SetActiveForm } from "@/components/admin-forms";
import { SummaryList } from "@/components/summary-list";
import { requirePageUser } from "@/lib/auth/session";
import { getUser } from "@/lib/data/users";
import { formatDate } from "@/lib/format";
import { ownValue } from "@/lib/validation/fields";
import { changeRoleAction, resetPasswordAction, setActiveAction } from "../actions";

export const metadata: Metadata = { title: "User" };

const DONE: Record<string, string> = {
  created: "The user has been created. They can sign in now.",
  role: "The role has been changed. It takes effect on their next request.",
  "role-unchanged": "The user already had that role: nothing was changed.",
  deactivated: "The user has been deactivated and signed out.",
  reactivated: "The user has been reactivated.",
  password: "The password has been reset. Their other sessions have ended.",
};

export default async function UserPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ done?: string | string[] }> }) {
  const { id } = await params;
  const done = ownValue(DONE, (await searchParams).done);
  await requirePageUser(`/admin/users/${id}`, "user:manage");
  const user = await getUser(id);
  if (!user) notFound();
  return (
    <>
      <p>
        <Link href="/admin/users">Back to users</Link>
      </p>
      {done ? (
        <div role="status" className="mb-6 max-w-2xl border-l-8 border-success bg-green-50 p-4 font-semibold">
          {done}
        </div>
      ) : null}
      <h1>{user.name}</h1>
      <SummaryList
        rows={[
          { label: "Email", value: user.email },
          { label: "Status", value: user.active ? "Active" : "Deactivated" },
          { label: "Added", value: formatDate(user.createdAt) },
        ]}
      />
      <h2>Role</h2>
      <ChangeRoleForm action={changeRoleAction} userId={user.id} role={user.role} />
      <h2>{user.active ? "Deactivate" : "Reactivate"}</h2>
      <SetActiveForm action={setActiveAction} userId={user.id} active={user.active} />
      <h2>Reset password</h2>
      <ResetPasswordForm action={resetPasswordAction} userId={user.id} />
    </>
  );
}
