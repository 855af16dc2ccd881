// Background papers: documents attached to a proposal. When the proposal is decided, the decision
// that closes it commits their SHA-256 hashes to the chain (DIGESTED_FIELDS.papers), and the
// documents can no longer be removed (removeDocument), so a published paper cannot be swapped.
import type { Tx } from "@/lib/db";

/** The sorted hashes of the proposal's background papers, or null when it has none. */
export async function paperHashes(tx: Pick<Tx, "document">, proposalId: string): Promise<string[] | null> {
  const papers = await tx.document.findMany({ where: { proposalId }, select: { sha256: true } });
  return papers.length === 0 ? null : [...new Set(papers.map((paper) => paper.sha256))].sort();
}
