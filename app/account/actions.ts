"use server";

import { setOwnLanguage } from "@/lib/account/set-language";
import { changeOwnPassword } from "@/lib/auth/session";
import { cancelTwoStepSetup, confirmTwoStepSetup, renewRecoveryCodes, startTwoStepSetup, turnOffTwoStep } from "@/lib/auth/two-step";
import { cancelTwoStepSchema, confirmTwoStepSchema, startTwoStepSchema, twoStepProofSchema } from "@/lib/domain/validation/two-step";
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

// Two-step verification (lib/auth/two-step.ts). Confirming and new recovery codes stay on the page:
// their result carries the recovery codes, shown this once.
export const startTwoStepAction = createAction({
  permission: "account:manage",
  schema: startTwoStepSchema,
  invalidates: ["account"],
  run: (_input, actor, { ip }) => startTwoStepSetup(actor, { ip }),
  redirectTo: () => "/account",
});

export const cancelTwoStepSetupAction = createAction({
  permission: "account:manage",
  schema: cancelTwoStepSchema,
  invalidates: ["account"],
  run: (_input, actor, { ip }) => cancelTwoStepSetup(actor, { ip }),
  redirectTo: () => "/account",
});

export const confirmTwoStepAction = createAction({
  permission: "account:manage",
  schema: confirmTwoStepSchema,
  invalidates: ["account"],
  run: (input, actor, { ip }) => confirmTwoStepSetup(input, actor, { ip }),
});

export const renewRecoveryCodesAction = createAction({
  permission: "account:manage",
  schema: twoStepProofSchema,
  invalidates: ["account"],
  run: (input, actor, { ip }) => renewRecoveryCodes(actor, input, { ip }),
});

export const turnOffTwoStepAction = createAction({
  permission: "account:manage",
  schema: twoStepProofSchema,
  invalidates: ["account"],
  run: (input, actor, { ip }) => turnOffTwoStep(actor, input, { ip }),
  redirectTo: () => "/account",
});
