import { db } from "@/lib/db";
import { writeAudit } from "@/lib/audit";
import { requireEventAgreement } from "@/lib/exchanges/guards";
import { requirePermission, type Actor } from "@/lib/domain/permissions";
import type { CreateEventInput } from "@/lib/domain/validation/event";
import type { Confirmation } from "@/lib/web/confirmations";
import { eventData } from "./event-fields";

/** Records an event, optionally tied to an agreement. */
export async function createEvent(input: CreateEventInput, actor: Actor): Promise<{ id: string; agreementId: string | null; confirmation: Confirmation }> {
  requirePermission(actor, "event:write");
  return db.$transaction(async (tx) => {
    if (input.agreementId) await requireEventAgreement(tx, input.agreementId);
    const event = await tx.event.create({ data: { ...eventData(input), createdById: actor.id }, select: { id: true, agreementId: true } });
    await writeAudit(tx, {
      actor,
      action: "event.create",
      entityType: "Event",
      entityId: event.id,
      details: { agreementId: input.agreementId ?? null, kind: input.kind, visibility: input.visibility },
    });
    return { ...event, confirmation: "event.created" };
  });
}
