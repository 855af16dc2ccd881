// Daily reminders: a proposal open longer than the council's reminderDays → each councillor who
// may vote and has not. One message per proposal, councillor and day (the dedupeKey).
import { db } from "@/lib/db";
import { appUrl } from "@/lib/notifications/config";
import { eligibleVoters, enqueue, proposalFacts, proposalSelect, withKindEnabled, type OutboxDraft } from "@/lib/notifications/enqueue";
import { proposalReminderEmail } from "@/lib/notifications/templates";
import { readSettings } from "@/lib/settings";
import { dayPeriod } from "./periods";

const DAY_MS = 24 * 60 * 60 * 1000;

export async function enqueueReminders(now = new Date()): Promise<{ enqueued: number }> {
  return db.$transaction(async (tx) => {
    const { reminderDays, councilName } = await readSettings(tx);
    const proposals = await tx.proposal.findMany({
      // Only proposals councillors vote on: another route's decision is recorded (decision 022).
      where: { state: "OPEN", decisionRoute: "COUNCILLOR_VOTES", createdAt: { lte: new Date(now.getTime() - reminderDays * DAY_MS) } },
      orderBy: { createdAt: "asc" },
      select: { ...proposalSelect, decisions: { where: { kind: { in: ["APPROVED", "REJECTED"] } }, select: { actorId: true } } },
    });
    if (proposals.length === 0) return { enqueued: 0 };
    const voters = await withKindEnabled(tx, "PROPOSAL_REMINDER", await eligibleVoters(tx));
    const day = dayPeriod(now);
    const baseUrl = appUrl();
    const drafts: OutboxDraft[] = proposals.flatMap((proposal) => {
      const voted = new Set(proposal.decisions.map((decision) => decision.actorId));
      const daysOpen = Math.floor((now.getTime() - proposal.createdAt.getTime()) / DAY_MS);
      const facts = proposalFacts(proposal);
      return voters
        .filter((voter) => voter.id !== proposal.proposerId && !voted.has(voter.id))
        .map((recipient) => ({
          kind: "PROPOSAL_REMINDER" as const,
          recipient,
          dedupeKey: `reminder:${proposal.id}:${recipient.id}:${day}`,
          email: proposalReminderEmail({ baseUrl, councilName, recipientName: recipient.name, locale: recipient.language, proposal: facts, daysOpen }),
        }));
    });
    return { enqueued: await enqueue(tx, drafts) };
  });
}
