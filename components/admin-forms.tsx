"use client";

import { ActionForm } from "@/components/form/action-form";
import { HiddenField, SelectField, TextField } from "@/components/form/fields";
import type { FormAction } from "@/lib/web/action-result";
import { changeRoleSchema, createUserSchema, resetPasswordSchema, setActiveSchema, settingsSchema, unlockSignInSchema } from "@/lib/domain/validation/admin";

export const ROLE_OPTIONS = [
  { value: "STAFF", label: "Staff (twinning officer)" },
  { value: "COUNCILLOR", label: "Councillor" },
  { value: "ADMIN", label: "Admin" },
];

export function CreateUserForm({ action }: { action: FormAction }) {
  return (
    <ActionForm action={action} schema={createUserSchema} defaultValues={{ role: "STAFF" }} fieldOrder={["name", "email", "role", "password"]} submitLabel="Create user" aria-label="Create a user">
      <TextField name="name" label="Name" autoComplete="off" />
      <TextField name="email" label="Email" type="email" autoComplete="off" />
      <SelectField name="role" label="Role" options={ROLE_OPTIONS} />
      <TextField name="password" label="Password" type="password" autoComplete="new-password" hint="At least 12 characters. Give it to the person securely; they can use it to sign in at once." />
    </ActionForm>
  );
}

export function ChangeRoleForm({ action, userId, role }: { action: FormAction; userId: string; role: string }) {
  return (
    <ActionForm action={action} schema={changeRoleSchema} defaultValues={{ userId, role }} fieldOrder={["role"]} submitLabel="Change role" aria-label="Change role">
      <HiddenField name="userId" value={userId} />
      <SelectField name="role" label="Role" options={ROLE_OPTIONS} />
    </ActionForm>
  );
}

export function SetActiveForm({ action, userId, active }: { action: FormAction; userId: string; active: boolean }) {
  return (
    <ActionForm
      action={action}
      schema={setActiveSchema}
      defaultValues={{ userId, active: String(!active) }}
      submitLabel={active ? "Deactivate user" : "Reactivate user"}
      submitClassName={active ? "button-danger" : "button"}
      aria-label={active ? "Deactivate user" : "Reactivate user"}
    >
      <HiddenField name="userId" value={userId} />
      <HiddenField name="active" value={String(!active)} />
    </ActionForm>
  );
}

export function UnlockSignInForm({ action, userId }: { action: FormAction; userId: string }) {
  return (
    <ActionForm action={action} schema={unlockSignInSchema} defaultValues={{ userId }} submitLabel="Unlock sign-in" aria-label="Unlock sign-in">
      <HiddenField name="userId" value={userId} />
    </ActionForm>
  );
}

export function ResetPasswordForm({ action, userId }: { action: FormAction; userId: string }) {
  return (
    <ActionForm action={action} schema={resetPasswordSchema} defaultValues={{ userId }} fieldOrder={["newPassword"]} submitLabel="Reset password" aria-label="Reset password">
      <HiddenField name="userId" value={userId} />
      <TextField name="newPassword" label="New password" type="password" autoComplete="new-password" hint="At least 12 characters. Their other sessions end." />
    </ActionForm>
  );
}

export function SettingsForm({ action, values }: { action: FormAction; values: Record<string, unknown> }) {
  return (
    <ActionForm action={action} schema={settingsSchema} defaultValues={values} fieldOrder={["councilName", "approvalsNeeded", "dormancyMonths", "reminderDays", "openDataLicence"]} submitLabel="Save settings" aria-label="Council settings">
      <TextField name="councilName" label="Council name" />
      <TextField name="approvalsNeeded" label="Approvals needed" type="number" inputMode="numeric" hint="How many councillors must approve a proposal (1 to 9). One rejection always ends it." />
      <TextField name="dormancyMonths" label="Dormancy months" type="number" inputMode="numeric" hint="An active link with no exchange or event for this long is flagged as dormant." />
      <TextField name="reminderDays" label="Reminder after days" type="number" inputMode="numeric" hint="Councillors who have not voted are reminded when a proposal has been open this many days." />
      <TextField name="openDataLicence" label="Open data licence" />
    </ActionForm>
  );
}
