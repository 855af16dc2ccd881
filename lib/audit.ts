import type { Prisma } from "@/generated/prisma/client";
import type { Tx } from "./db";
import type { Actor } from "./domain/permissions";
import { validAddress } from "./web/request-context";

export type AuditEntry = {
  actor?: Pick<Actor, "id" | "email"> | null;
  actorEmail?: string;
  action: string;
  entityType?: string;
  entityId?: string;
  /** The client's address (lib/web/request-context.ts); stored only if it is an IP address, else null. */
  ip?: string | null;
  details?: Prisma.InputJsonValue;
};

/** Adds an audit row; call it inside the transaction of the change it records. */
export async function writeAudit(tx: Tx, entry: AuditEntry): Promise<void> {
  await tx.auditLog.create({
    data: {
      actorId: entry.actor?.id ?? null,
      actorEmail: entry.actor?.email ?? entry.actorEmail ?? null,
      action: entry.action,
      entityType: entry.entityType ?? null,
      entityId: entry.entityId ?? null,
      ip: validAddress(entry.ip),
      details: entry.details,
    },
  });
}
