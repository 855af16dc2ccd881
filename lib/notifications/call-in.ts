// Call-in's emails (docs/decisions/023-call-in.md): when a decision is called in, scrutiny records
// its outcome, a referred decision is confirmed or withdrawn, or a decision takes effect, the
// proposer, the link's lead officer and the executive member who took it are told (as
// "Decisions on my proposals and links", which they may turn off at /account).
import type { Tx } from "@/lib/db";
import { readSettings } from "@/lib/settings";
import { appUrl } from "./config";
import { decisionRecipients, enqueue, proposalFacts, proposalSelect } from "./enqueue";
import { callInEmail, type CallInEmailEvent } from "./templates";

export type CallInEvent = CallInEmailEvent;

export async function enqueueCallInNotice(tx: Tx, input: { proposalId: string; event: CallInEvent; by: { name: string } | null; reason: string | null }): Promise<number> {
  const proposal = await tx.proposal.findUniqueOrThrow({ where: { id: input.proposalId }, select: { ...proposalSelect, executiveMemberId: true } });
  const { councilName } = await readSettings(tx);
  const recipients = await decisionRecipients(tx, proposal, [proposal.executiveMemberId]);
  const facts = proposalFacts(proposal);
  const baseUrl = appUrl();
  return enqueue(
    tx,
    recipients.map((recipient) => ({
      kind: "DECISION_REACHED",
      recipient,
      // Once per event and person (a decision is called in once: when the call-ins needed are reached).
      dedupeKey: `call-in:${proposal.id}:${input.event}:${recipient.id}`,
      email: callInEmail({ baseUrl, councilName, recipientName: recipient.name, locale: recipient.language, proposal: facts, event: input.event, by: input.by?.name ?? null, reason: input.reason, agreementId: proposal.agreement.id }),
    })),
  );
}
