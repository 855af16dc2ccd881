"use server";

import { addBankHoliday, removeBankHoliday } from "@/lib/admin/bank-holidays";
import { bankHolidaySchema, removeBankHolidaySchema } from "@/lib/domain/validation/call-in";
import { createAction } from "@/lib/web/safe-action";

/** "Add a bank holiday" on /admin/settings (the list working days leave out for call-in). */
export const addBankHolidayAction = createAction({
  permission: "settings:manage",
  schema: bankHolidaySchema,
  invalidates: ["settings"],
  run: (input, actor) => addBankHoliday(input, actor),
  redirectTo: () => "/admin/settings#bank-holidays",
});

/** "Remove" beside a bank holiday in the list. */
export const removeBankHolidayAction = createAction({
  permission: "settings:manage",
  schema: removeBankHolidaySchema,
  invalidates: ["settings"],
  run: (input, actor) => removeBankHoliday(input, actor),
  redirectTo: () => "/admin/settings#bank-holidays",
});
