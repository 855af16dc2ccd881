"use server";

import { changeRole, createUser, removeSsoLink, resetPassword, setUserActive, setUserLanguage, unlockSignIn } from "@/lib/admin/users";
import { eraseUser } from "@/lib/admin/erase-user";
import { resetTwoStep } from "@/lib/auth/two-step";
import { createAction } from "@/lib/web/safe-action";
import { changeRoleSchema, createUserSchema, eraseUserSchema, removeSsoLinkSchema, resetPasswordSchema, resetTwoStepSchema, setActiveSchema, unlockSignInSchema, userLanguageSchema } from "@/lib/domain/validation/admin";

export const createUserAction = createAction({
  permission: "user:manage",
  schema: createUserSchema,
  invalidates: ["users"],
  run: (input, actor, { ip }) => createUser(input, actor, { ip }),
  redirectTo: (user) => `/admin/users/${user.id}`,
});

export const changeRoleAction = createAction({
  permission: "user:manage",
  schema: changeRoleSchema,
  invalidates: ["users"],
  run: (input, actor) => changeRole(input.userId, input.role, actor),
  redirectTo: (_result, input) => `/admin/users/${input.userId}`,
});

export const setActiveAction = createAction({
  permission: "user:manage",
  schema: setActiveSchema,
  invalidates: ["users"],
  run: (input, actor) => setUserActive(input.userId, input.active, actor),
  redirectTo: (_result, input) => `/admin/users/${input.userId}`,
});

export const resetPasswordAction = createAction({
  permission: "user:manage",
  schema: resetPasswordSchema,
  invalidates: [],
  run: (input, actor) => resetPassword(input.userId, input.newPassword, actor),
  redirectTo: (_result, input) => `/admin/users/${input.userId}`,
});

export const unlockSignInAction = createAction({
  permission: "user:manage",
  schema: unlockSignInSchema,
  invalidates: ["users"],
  run: (input, actor) => unlockSignIn(input.userId, actor),
  redirectTo: (_result, input) => `/admin/users/${input.userId}`,
});

export const setUserLanguageAction = createAction({
  permission: "user:manage",
  schema: userLanguageSchema,
  invalidates: ["users"],
  run: (input, actor) => setUserLanguage(input.userId, input.language, actor),
  redirectTo: (_result, input) => `/admin/users/${input.userId}`,
});

export const removeSsoLinkAction = createAction({
  permission: "user:manage",
  schema: removeSsoLinkSchema,
  invalidates: ["users"],
  run: (input, actor) => removeSsoLink(input.userId, actor),
  redirectTo: (_result, input) => `/admin/users/${input.userId}`,
});

export const resetTwoStepAction = createAction({
  permission: "user:manage",
  schema: resetTwoStepSchema,
  invalidates: ["users"],
  run: (input, actor, { ip }) => resetTwoStep(input.userId, actor, { ip }),
  redirectTo: (_result, input) => `/admin/users/${input.userId}`,
});

export const eraseUserAction = createAction({
  permission: "user:manage",
  schema: eraseUserSchema,
  // The name is shown wherever the person is named: agreements' lead officers, activity, the dashboard;
  // a decision's public reason that named them is erased from the public pages too.
  invalidates: ["users", "office", "activity", "account", "public"],
  run: (input, actor) => eraseUser(input.userId, actor),
  redirectTo: (_result, input) => `/admin/users/${input.userId}`,
});
