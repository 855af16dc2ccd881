import { db } from "@/lib/db";
import { writeAudit } from "@/lib/audit";
import { AppError } from "@/lib/domain/errors";
import { requirePermission, type Actor } from "@/lib/domain/permissions";
import { EVENT_ALREADY_CANCELLED_MESSAGE, type CancelEventInput } from "@/lib/domain/validation/event";
import { validationMessage } from "@/lib/domain/validation/messages";
import type { Confirmation } from "@/lib/web/confirmations";

const NOT_FOUND = validationMessage("notFound.event");

export type CancelledEvent = { agreementIds: (string | null)[]; public: boolean; confirmation: Confirmation };

/**
 * "Cancel event": the event is kept, marked cancelled with when, by whom and why, and its
 * iCalendar SEQUENCE raised, so the feed sends it as STATUS:CANCELLED and subscribed calendars
 * take the change (RFC 5545 §3.8.1.11). Once only: the conditional update refuses a second
 * cancellation, however close the two come.
 */
export async function cancelEvent(input: CancelEventInput, actor: Actor, now = new Date()): Promise<CancelledEvent> {
  requirePermission(actor, "event:write");
  return db.$transaction(async (tx) => {
    const current = await tx.event.findUnique({ where: { id: input.id }, select: { agreementId: true, visibility: true, title: true, cancelledAt: true } });
    if (!current) throw new AppError("NOT_FOUND", NOT_FOUND);
    if (current.cancelledAt) throw new AppError("CONFLICT", EVENT_ALREADY_CANCELLED_MESSAGE);
    const { count } = await tx.event.updateMany({
      where: { id: input.id, cancelledAt: null },
      data: {
        cancelledAt: now,
        cancelledById: actor.id,
        cancellationReason: input.reason,
        cancellationPublicReason: input.publicReason || null,
        sequence: { increment: 1 },
      },
    });
    if (count === 0) throw new AppError("CONFLICT", EVENT_ALREADY_CANCELLED_MESSAGE);
    await writeAudit(tx, {
      actor,
      action: "event.cancel",
      entityType: "Event",
      entityId: input.id,
      details: { title: current.title, agreementId: current.agreementId, reason: input.reason, publicReason: input.publicReason || null },
    });
    return { agreementIds: [current.agreementId], public: current.visibility === "PUBLIC", confirmation: "event.cancelled" };
  });
}
