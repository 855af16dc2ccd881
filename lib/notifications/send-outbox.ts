// The outbox sender. Delivery is AT LEAST ONCE, never "at most once":
//  1. claim: in a short transaction, lock due rows with FOR UPDATE SKIP LOCKED (concurrent senders
//     skip each other's rows), count the attempt and push nextAttemptAt forward by a lease; commit.
//  2. send each claimed message over SMTP, outside any transaction.
//  3. record: SENT with sentAt, or FAILED with the error and the next attempt after a backoff.
// A crash before 3 leaves the row claimed until its lease runs out; another run then sends it
// again. So a message is never lost, and it is duplicated only if the process dies after the SMTP
// server accepted it and before step 3 committed (a window of one UPDATE). Every copy carries the
// same Message-ID, so mail systems that de-duplicate by it show it once.
import type { Transporter } from "nodemailer";
import type { NotificationKind } from "@/generated/prisma/enums";
import { db } from "@/lib/db";
import { LINK_PURPOSES, type LinkPurpose } from "@/lib/links/single-use-link";
import { mailFrom } from "./config";

/**
 * Messages that carry a single-use link (lib/links/single-use-link.ts), by the link's purpose. The
 * link is a key to an account: its row keeps it only until it is sent, or until it expires unsent
 * (redactExpiredLinkMessages); then the bodies are emptied and /admin/outbox says why.
 */
export const LINK_MESSAGE_KINDS: Partial<Record<NotificationKind, LinkPurpose>> = { PASSWORD_RESET: "password-reset", PARTNER_CONFIRMATION_REQUEST: "partner-confirmation" };

function carriesLink(kind: NotificationKind): boolean {
  return kind in LINK_MESSAGE_KINDS;
}

/** How long a claimed message is reserved for the sender that claimed it. */
export const LEASE_MS = 5 * 60 * 1000;
/** After this many attempts a message stays FAILED (nextAttemptAt null) for an admin to see. */
export const MAX_ATTEMPTS = 8;
const BASE_BACKOFF_MS = 60 * 1000;
const MAX_BACKOFF_MS = 6 * 60 * 60 * 1000;

/** Delay before the next attempt after `attempts` failures: 1, 2, 4, 8 … minutes, at most 6 hours. */
export function backoffMs(attempts: number): number {
  return Math.min(BASE_BACKOFF_MS * 2 ** Math.max(0, attempts - 1), MAX_BACKOFF_MS);
}

export type ClaimedMessage = { id: string; kind: NotificationKind; attempts: number; recipientEmail: string; subject: string; textBody: string; htmlBody: string };

/** Step 1: reserves up to `limit` due messages for this sender; others running at once get different ones. */
export async function claimDueMessages({ now = new Date(), limit = 50 }: { now?: Date; limit?: number } = {}): Promise<ClaimedMessage[]> {
  return db.$transaction(async (tx) => {
    const rows = await tx.$queryRaw<{ id: string }[]>`
      SELECT "id"::text AS "id" FROM "OutboxMessage"
      WHERE "status" IN ('PENDING', 'FAILED') AND "nextAttemptAt" <= ${now}::timestamptz AND "attempts" < ${MAX_ATTEMPTS}::int
      ORDER BY "nextAttemptAt", "createdAt"
      LIMIT ${limit}::int
      FOR UPDATE SKIP LOCKED`;
    if (rows.length === 0) return [];
    const ids = rows.map((row) => row.id);
    await tx.outboxMessage.updateMany({ where: { id: { in: ids } }, data: { attempts: { increment: 1 }, nextAttemptAt: new Date(now.getTime() + LEASE_MS) } });
    return tx.outboxMessage.findMany({
      where: { id: { in: ids } },
      orderBy: { createdAt: "asc" },
      select: { id: true, kind: true, attempts: true, recipientEmail: true, subject: true, textBody: true, htmlBody: true },
    });
  });
}

export type SendResult = { claimed: number; sent: number; failed: number; smtpConfigured: boolean };

/**
 * Sends the due messages through `transport`. With no transport (no SMTP configured) nothing is
 * claimed: every message stays PENDING in the outbox, readable at /admin/outbox.
 */
export async function sendOutbox({ transport, now = new Date(), limit = 50, from = mailFrom() }: { transport: Transporter | null; now?: Date; limit?: number; from?: string }): Promise<SendResult> {
  if (!transport) return { claimed: 0, sent: 0, failed: 0, smtpConfigured: false };
  const claimed = await claimDueMessages({ now, limit });
  let sent = 0;
  let failed = 0;
  for (const message of claimed) {
    try {
      await transport.sendMail({
        from,
        to: message.recipientEmail,
        subject: message.subject,
        text: message.textBody,
        html: message.htmlBody,
        messageId: `<${message.id}@twinning-office.outbox>`,
      });
      // Recorded even if the lease ran out meanwhile: the message did go.
      await db.outboxMessage.updateMany({
        where: { id: message.id, status: { not: "SENT" } },
        data: { status: "SENT", sentAt: new Date(), nextAttemptAt: null, lastError: null, ...(carriesLink(message.kind) ? { textBody: "", htmlBody: "" } : {}) },
      });
      sent += 1;
    } catch (error) {
      const giveUp = message.attempts >= MAX_ATTEMPTS;
      // Only if no other sender has claimed it since (its attempt count would have moved on).
      await db.outboxMessage.updateMany({
        where: { id: message.id, attempts: message.attempts, status: { not: "SENT" } },
        data: {
          status: "FAILED",
          lastError: (error instanceof Error ? error.message : String(error)).slice(0, 1000),
          nextAttemptAt: giveUp ? null : new Date(now.getTime() + backoffMs(message.attempts)),
        },
      });
      failed += 1;
    }
  }
  return { claimed: claimed.length, sent, failed, smtpConfigured: true };
}

export const LINK_EXPIRED_UNSENT = "Not sent before its single-use link expired";

/** Empties the bodies of unsent messages whose link has expired, and gives them up (the jobs). */
export async function redactExpiredLinkMessages(now = new Date()): Promise<{ redacted: number }> {
  let redacted = 0;
  for (const [kind, purpose] of Object.entries(LINK_MESSAGE_KINDS) as [NotificationKind, LinkPurpose][]) {
    const { count } = await db.outboxMessage.updateMany({
      where: { kind, status: { not: "SENT" }, createdAt: { lte: new Date(now.getTime() - LINK_PURPOSES[purpose].lifetimeMs) }, NOT: { textBody: "" } },
      data: { textBody: "", htmlBody: "", status: "FAILED", nextAttemptAt: null, lastError: LINK_EXPIRED_UNSENT },
    });
    redacted += count;
  }
  return { redacted };
}
