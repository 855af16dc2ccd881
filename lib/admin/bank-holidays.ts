import { db } from "@/lib/db";
import { writeAudit } from "@/lib/audit";
import { CALL_IN_REFUSED } from "@/lib/domain/call-in";
import { AppError } from "@/lib/domain/errors";
import { requirePermission, type Actor } from "@/lib/domain/permissions";
import type { BankHolidayInput, RemoveBankHolidayInput } from "@/lib/domain/validation/call-in";
import type { Confirmation } from "@/lib/web/confirmations";

// The bank holidays working days leave out (docs/decisions/023-call-in.md), kept by admins on
// /admin/settings. A change applies to periods computed from then on: a decision already waiting
// keeps the day it was published with.

export async function addBankHoliday(input: BankHolidayInput, actor: Actor): Promise<{ confirmation: Confirmation }> {
  requirePermission(actor, "settings:manage");
  await db.$transaction(async (tx) => {
    const inserted = await tx.bankHoliday.createMany({ data: [{ date: input.date, name: input.name }], skipDuplicates: true });
    if (inserted.count === 0) throw new AppError("VALIDATION", CALL_IN_REFUSED.bankHolidayTaken, { date: [CALL_IN_REFUSED.bankHolidayTaken] });
    await writeAudit(tx, { actor, action: "settings.bank-holiday-add", entityType: "BankHoliday", entityId: input.date.toISOString().slice(0, 10), details: { name: input.name } });
  });
  return { confirmation: "settings.bankHolidayAdded" };
}

export async function removeBankHoliday(input: RemoveBankHolidayInput, actor: Actor): Promise<{ confirmation: Confirmation }> {
  requirePermission(actor, "settings:manage");
  await db.$transaction(async (tx) => {
    const removed = await tx.bankHoliday.deleteMany({ where: { date: input.date } });
    if (removed.count > 0) await writeAudit(tx, { actor, action: "settings.bank-holiday-remove", entityType: "BankHoliday", entityId: input.date.toISOString().slice(0, 10) });
  });
  return { confirmation: "settings.bankHolidayRemoved" };
}
