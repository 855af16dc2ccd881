"use server";

import { setOwnLanguage } from "@/lib/account/set-language";
import { changeOwnPassword } from "@/lib/auth/session";
import { changePasswordSchema, languageSchema } from "@/lib/domain/validation/account";
import { preferencesSchema } from "@/lib/notifications/preferences-schema";
import { updatePreferences } from "@/lib/notifications/update-preferences";
import { createAction } from "@/lib/web/safe-action";

export const updatePreferencesAction = createAction({
  permission: "account:manage",
  schema: preferencesSchema,
  arrayFields: ["enabled"],
  invalidates: ["account"],
  run: (input, actor) => updatePreferences(input, actor),
});

export const changePasswordAction = createAction({
  permission: "account:manage",
  schema: changePasswordSchema,
  invalidates: ["account"],
  run: (input, actor, { ip }) => changeOwnPassword(input, actor, ip),
  // A redirect empties the form: the passwords typed are not kept in the page.
  redirectTo: () => "/account",
});

export const updateLanguageAction = createAction({
  permission: "account:manage",
  schema: languageSchema,
  invalidates: ["account"],
  run: (input, actor) => setOwnLanguage(input, actor),
  // The account page in the language just chosen, whichever language the form was posted from.
  redirectTo: (result) => ({ path: "/account", locale: result.language }),
});
