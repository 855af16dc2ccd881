// The retention schedule applied once a day (docs/data-protection.md): audit-log addresses, the
// bodies of sent emails, exchange participant descriptions and failed sign-ins are cleared, and
// the contacts and the photos of a link that ended are deleted, after the council's periods (/admin/settings). One transaction claims the day, so it runs once on any
// number of machines, and writes its counts to the audit log.
import { writeAudit } from "@/lib/audit";
import { db } from "@/lib/db";
import { FINAL_STATUSES } from "@/lib/domain/lifecycle";
import { FAILED_SIGN_IN_ACTIONS, retentionCutoffs } from "@/lib/domain/retention";
import { readSettings } from "@/lib/settings";
import { claimJobPeriod, finishJobPeriod } from "./job-run";
import { dayPeriod } from "./periods";

export type RetentionCounts = { auditAddresses: number; emailBodies: number; participants: number; failedSignIns: number; contacts: number; photos: number };
export type RetentionResult = { ran: boolean; period: string } & Partial<RetentionCounts>;

export const RETENTION_JOB = "retention";

export async function applyRetention(now = new Date()): Promise<RetentionResult> {
  const period = dayPeriod(now);
  return db.$transaction(async (tx) => {
    if (!(await claimJobPeriod(tx, RETENTION_JOB, period))) return { ran: false, period };
    const cutoffs = retentionCutoffs(now, await readSettings(tx));
    const failedSignIns = await tx.auditLog.updateMany({
      where: { action: { in: FAILED_SIGN_IN_ACTIONS }, createdAt: { lt: cutoffs.failedSignIns }, OR: [{ actorEmail: { not: null } }, { ip: { not: null } }] },
      data: { actorEmail: null, ip: null },
    });
    const auditAddresses = await tx.auditLog.updateMany({ where: { ip: { not: null }, createdAt: { lt: cutoffs.auditAddresses } }, data: { ip: null } });
    const emailBodies = await tx.outboxMessage.updateMany({
      where: {
        OR: [
          { status: "SENT", sentAt: { lt: cutoffs.emailBodies } },
          // Given up: no sender will need the body again.
          { status: "FAILED", nextAttemptAt: null, createdAt: { lt: cutoffs.emailBodies } },
        ],
        NOT: { textBody: "", htmlBody: "" },
      },
      data: { textBody: "", htmlBody: "" },
    });
    const participants = await tx.exchange.updateMany({
      where: {
        participantsDescription: { not: "" },
        OR: [{ endDate: { lte: cutoffs.participants } }, { endDate: null, startDate: { lte: cutoffs.participants } }],
      },
      data: { participantsDescription: "" },
    });
    // A link ends when it is terminated or withdrawn: its status decision says when. Their answers
    // keep who answered (copied into PartnerAnswer), so deleting the contacts leaves the record whole.
    const contacts = await tx.contact.deleteMany({
      where: {
        agreement: {
          status: { in: [...FINAL_STATUSES] },
          // Without a status decision (a draft withdrawn), its last change is when it ended.
          OR: [{ statusDecision: { createdAt: { lt: cutoffs.contacts } } }, { statusDecisionId: null, updatedAt: { lt: cutoffs.contacts } }],
        },
      },
    });
    // Photos (often children on exchanges) go with their bytes, but a background paper of a decided
    // proposal: its hash is in the decision chain and it cannot be removed (docs/data-protection.md).
    const photos = await tx.document.findMany({
      where: {
        type: "PHOTO",
        agreement: {
          status: { in: [...FINAL_STATUSES] },
          OR: [{ statusDecision: { createdAt: { lt: cutoffs.photos } } }, { statusDecisionId: null, updatedAt: { lt: cutoffs.photos } }],
        },
        OR: [{ proposalId: null }, { proposal: { state: "OPEN" } }],
      },
      select: { id: true, sha256: true },
    });
    if (photos.length > 0) {
      await tx.document.deleteMany({ where: { id: { in: photos.map((photo) => photo.id) } } });
      // The same bytes may be another document's (content-addressed): only files nothing names any more go, their pieces with them.
      await tx.storedFile.deleteMany({ where: { sha256: { in: [...new Set(photos.map((photo) => photo.sha256))] }, documents: { none: {} } } });
    }
    const counts: RetentionCounts = {
      auditAddresses: auditAddresses.count,
      emailBodies: emailBodies.count,
      participants: participants.count,
      failedSignIns: failedSignIns.count,
      contacts: contacts.count,
      photos: photos.length,
    };
    await writeAudit(tx, { actorEmail: "scheduled jobs", action: "retention.applied", entityType: "JobRun", entityId: `${RETENTION_JOB}:${period}`, details: counts });
    await finishJobPeriod(tx, RETENTION_JOB, period, counts);
    return { ran: true, period, ...counts };
  });
}
