"use server";

import { revalidatePath } from "next/cache";
import { updateSettings } from "@/lib/admin/update-settings";
import { revalidatePublic } from "@/lib/cache";
import { createAction } from "@/lib/safe-action";
import { settingsSchema } from "@/lib/validation/admin";

export const updateSettingsAction = createAction({
  permission: "settings:manage",
  schema: settingsSchema,
  async run(input, actor) {
    const result = await updateSettings(input, actor);
    // The council's name is in every page's header; the licence is on the open data.
    revalidatePath("/", "layout");
    revalidatePublic();
    return result;
  },
});
