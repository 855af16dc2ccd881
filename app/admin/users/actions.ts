"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { changeRole, createUser, resetPassword, setUserActive } from "@/lib/admin/users";
import { createAction } from "@/lib/safe-action";
import { changeRoleSchema, createUserSchema, resetPasswordSchema, setActiveSchema } from "@/lib/validation/admin";

export const createUserAction = createAction({
  permission: "user:manage",
  schema: createUserSchema,
  async run(input, actor, { ip }) {
    const user = await createUser(input, actor, { ip });
    revalidatePath("/admin/users");
    redirect(`/admin/users/${user.id}?done=created`);
  },
});

export const changeRoleAction = createAction({
  permission: "user:manage",
  schema: changeRoleSchema,
  async run(input, actor) {
    const changed = await changeRole(input.userId, input.role, actor);
    revalidatePath("/admin/users");
    redirect(`/admin/users/${input.userId}?done=${changed ? "role" : "role-unchanged"}`);
  },
});

export const setActiveAction = createAction({
  permission: "user:manage",
  schema: setActiveSchema,
  async run(input, actor) {
    await setUserActive(input.userId, input.active, actor);
    revalidatePath("/admin/users");
    redirect(`/admin/users/${input.userId}?done=${input.active ? "reactivated" : "deactivated"}`);
  },
});

export const resetPasswordAction = createAction({
  permission: "user:manage",
  schema: resetPasswordSchema,
  async run(input, actor) {
    await resetPassword(input.userId, input.newPassword, actor);
    redirect(`/admin/users/${input.userId}?done=password`);
  },
});
