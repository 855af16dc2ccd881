"use server";

import { updateSettings } from "@/lib/admin/update-settings";
import { readServerEnv } from "@/lib/config/env";
import { createAction } from "@/lib/web/safe-action";
import { settingsSchema } from "@/lib/domain/validation/admin";

export const updateSettingsAction = createAction({
  permission: "settings:manage",
  schema: settingsSchema,
  invalidates: ["settings", "public"],
  run: (input, actor) => updateSettings(input, actor, { ssoConfigured: readServerEnv().oidc !== null }),
});
