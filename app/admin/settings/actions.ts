"use server";

import { updateSettings } from "@/lib/admin/update-settings";
import { createAction } from "@/lib/safe-action";
import { settingsSchema } from "@/lib/validation/admin";

export const updateSettingsAction = createAction({
  permission: "settings:manage",
  schema: settingsSchema,
  invalidates: ["settings", "public"],
  run: (input, actor) => updateSettings(input, actor),
});
