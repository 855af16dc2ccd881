"use server";

import { revalidatePath } from "next/cache";
import { changeRole, createUser, resetPassword, setUserActive } from "@/lib/admin/users";
import { createAction } from "@/lib/safe-action";
import { changeRoleSchema, createUserSchema, resetPasswordSchema, setActiveSchema } from "@/lib/validation/admin";

export const createUserAction = createAction({
  permission: "user:manage",
  schema: createUserSchema,
  async run(input, actor, { ip }) {
    const user = await createUser(input, actor, { ip });
    revalidatePath("/admin/users");
    return user;
  },
  redirectTo: (user) => `/admin/users/${user.id}`,
});

export const changeRoleAction = createAction({
  permission: "user:manage",
  schema: changeRoleSchema,
  async run(input, actor) {
    const result = await changeRole(input.userId, input.role, actor);
    revalidatePath("/admin/users");
    return result;
  },
  redirectTo: (_result, input) => `/admin/users/${input.userId}`,
});

export const setActiveAction = createAction({
  permission: "user:manage",
  schema: setActiveSchema,
  async run(input, actor) {
    const result = await setUserActive(input.userId, input.active, actor);
    revalidatePath("/admin/users");
    return result;
  },
  redirectTo: (_result, input) => `/admin/users/${input.userId}`,
});

export const resetPasswordAction = createAction({
  permission: "user:manage",
  schema: resetPasswordSchema,
  run: (input, actor) => resetPassword(input.userId, input.newPassword, actor),
  redirectTo: (_result, input) => `/admin/users/${input.userId}`,
});
