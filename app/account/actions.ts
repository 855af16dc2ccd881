"use server";

import { revalidatePath } from "next/cache";
import { preferencesSchema } from "@/lib/notifications/preferences-schema";
import { updatePreferences } from "@/lib/notifications/update-preferences";
import { createAction } from "@/lib/safe-action";

export const updatePreferencesAction = createAction({
  permission: "account:manage",
  schema: preferencesSchema,
  arrayFields: ["enabled"],
  async run(input, actor) {
    const result = await updatePreferences(input, actor);
    revalidatePath("/account");
    revalidatePath("/admin/outbox");
    return result;
  },
});
