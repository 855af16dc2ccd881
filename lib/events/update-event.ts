import { db } from "@/lib/db";
import { writeAudit } from "@/lib/audit";
import { AppError, REFUSED } from "@/lib/domain/errors";
import { requireEventAgreement } from "@/lib/exchanges/guards";
import { requirePermission, type Actor } from "@/lib/domain/permissions";
import { EVENT_CANCELLED_MESSAGE, type UpdateEventInput } from "@/lib/domain/validation/event";
import type { Confirmation } from "@/lib/web/confirmations";
import { eventData } from "./event-fields";

export const STALE_EVENT_MESSAGE = "This event was changed by someone else — reload to see their changes";

export type UpdatedEvent = { agreementIds: (string | null)[]; public: boolean; confirmation: Confirmation };

/**
 * Saves an edited event; refused when someone else saved it since the form was loaded
 * (compare-and-swap on updatedAt), and once it is cancelled. Each save raises its iCalendar
 * SEQUENCE, so a moved date (a postponement) reaches subscribed calendars.
 */
export async function updateEvent(input: UpdateEventInput, actor: Actor): Promise<UpdatedEvent> {
  requirePermission(actor, "event:write");
  return db.$transaction(async (tx) => {
    const current = await tx.event.findUnique({ where: { id: input.id }, select: { agreementId: true, visibility: true, updatedAt: true, cancelledAt: true } });
    if (!current) throw new AppError("NOT_FOUND", REFUSED.eventMissing);
    if (current.cancelledAt) throw new AppError("CONFLICT", EVENT_CANCELLED_MESSAGE);
    if (current.updatedAt.getTime() !== input.updatedAt.getTime()) throw new AppError("CONFLICT", STALE_EVENT_MESSAGE);
    if (input.agreementId && input.agreementId !== current.agreementId) await requireEventAgreement(tx, input.agreementId);
    const { count } = await tx.event.updateMany({ where: { id: input.id, updatedAt: current.updatedAt, cancelledAt: null }, data: { ...eventData(input), sequence: { increment: 1 } } });
    if (count === 0) throw new AppError("CONFLICT", STALE_EVENT_MESSAGE);
    await writeAudit(tx, {
      actor,
      action: "event.edit",
      entityType: "Event",
      entityId: input.id,
      details: { agreementId: input.agreementId ?? null, visibility: input.visibility },
    });
    return {
      agreementIds: [current.agreementId, input.agreementId ?? null],
      public: current.visibility === "PUBLIC" || input.visibility === "PUBLIC",
      confirmation: "event.saved",
    };
  });
}
