"use client";

import { ActionForm } from "@/components/form/action-form";
import { TextField } from "@/components/form/fields";
import { MIN_PASSWORD_LENGTH } from "@/lib/auth/password-policy";
import { changePasswordSchema } from "@/lib/domain/validation/account";
import type { FormAction } from "@/lib/web/action-result";

/** The passwords are never filled in again: the server does not echo them (lib/web/safe-action.ts). */
export function ChangePasswordForm({ action }: { action: FormAction }) {
  return (
    <ActionForm action={action} schema={changePasswordSchema} idPrefix="change-password-" fieldOrder={["currentPassword", "newPassword", "confirmNewPassword"]} submitLabel="Change password" aria-label="Change password">
      <TextField name="currentPassword" label="Current password" type="password" autoComplete="current-password" />
      <TextField name="newPassword" label="New password" type="password" autoComplete="new-password" hint={`At least ${MIN_PASSWORD_LENGTH} characters. Your other sessions will be signed out.`} />
      <TextField name="confirmNewPassword" label="Confirm new password" type="password" autoComplete="new-password" />
    </ActionForm>
  );
}
