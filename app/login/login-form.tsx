"use client";

import { ActionForm } from "@/components/form/action-form";
import { HiddenField, TextField } from "@/components/form/fields";
import { signInSchema } from "@/lib/domain/validation/auth";
import { signInAction } from "./actions";

export function LoginForm({ callbackUrl }: { callbackUrl: string }) {
  return (
    <ActionForm action={signInAction} schema={signInSchema} fieldOrder={["email", "password"]} submitLabel="Sign in" defaultValues={{ callbackUrl }}>
      <TextField name="email" label="Email" type="email" autoComplete="username" />
      <TextField name="password" label="Password" type="password" autoComplete="current-password" />
      <HiddenField name="callbackUrl" value={callbackUrl} />
    </ActionForm>
  );
}
