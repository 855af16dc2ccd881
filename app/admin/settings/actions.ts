"use server";

import { updateSettings } from "@/lib/admin/update-settings";
import { updateStatements } from "@/lib/admin/update-statements";
import { readServerEnv } from "@/lib/config/env";
import { createAction } from "@/lib/web/safe-action";
import { settingsSchema } from "@/lib/domain/validation/admin";
import { statementsSchema } from "@/lib/domain/validation/statements";

export const updateSettingsAction = createAction({
  permission: "settings:manage",
  schema: settingsSchema,
  // Call-in's routes are checkboxes: none ticked is an empty list.
  arrayFields: ["callInRoutes"],
  invalidates: ["settings", "public"],
  run: (input, actor) => updateSettings(input, actor, { ssoConfigured: readServerEnv().oidc !== null }),
});

export const updateStatementsAction = createAction({
  permission: "settings:manage",
  schema: statementsSchema,
  invalidates: ["settings", "public"],
  run: (input, actor) => updateStatements(input, actor),
});
