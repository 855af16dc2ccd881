"use server";

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
