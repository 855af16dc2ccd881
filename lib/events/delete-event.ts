import { db } from "@/lib/db";
import { writeAudit } from "@/lib/audit";
import { AppError } from "@/lib/domain/errors";
import { requirePermission, type Actor } from "@/lib/domain/permissions";
import type { DeleteEventInput } from "@/lib/domain/validation/event";
import { validationMessage } from "@/lib/domain/validation/messages";
import type { Confirmation } from "@/lib/web/confirmations";

const NOT_FOUND = validationMessage("notFound.event");

export type DeletedEvent = { agreementIds: (string | null)[]; public: boolean; confirmation: Confirmation };

/**
 * Deletes an event logged in error. The audit row keeps the reason and the event's main fields,
 * since nothing else will; the activity triggers (migration 20261128210000_performance) refresh
 * its agreement's dormancy in the same statement. An event that was held or called off is
 * cancelled instead (cancel-event.ts): that keeps it.
 */
export async function deleteEvent(input: DeleteEventInput, actor: Actor): Promise<DeletedEvent> {
  requirePermission(actor, "event:write");
  return db.$transaction(async (tx) => {
    const event = await tx.event.findUnique({
      where: { id: input.id },
      select: { id: true, agreementId: true, title: true, kind: true, startsAt: true, endsAt: true, timeZone: true, place: true, visibility: true, createdById: true, createdAt: true, cancelledAt: true, cancellationReason: true },
    });
    if (!event) throw new AppError("NOT_FOUND", NOT_FOUND);
    const { count } = await tx.event.deleteMany({ where: { id: input.id } });
    if (count === 0) throw new AppError("NOT_FOUND", NOT_FOUND);
    await writeAudit(tx, {
      actor,
      action: "event.delete",
      entityType: "Event",
      entityId: input.id,
      details: {
        reason: input.reason,
        deleted: {
          ...event,
          startsAt: event.startsAt.toISOString(),
          endsAt: event.endsAt?.toISOString() ?? null,
          createdAt: event.createdAt.toISOString(),
          cancelledAt: event.cancelledAt?.toISOString() ?? null,
        },
      },
    });
    return { agreementIds: [event.agreementId], public: event.visibility === "PUBLIC", confirmation: "event.deleted" };
  });
}
