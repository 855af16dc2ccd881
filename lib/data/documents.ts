import "server-only";
import { db } from "@/lib/db";
import { isPubliclyVisible } from "@/lib/domain/lifecycle";
import { isUuid } from "@/lib/domain/validation/fields";

const listSelect = {
  id: true,
  title: true,
  type: true,
  fileName: true,
  mediaType: true,
  size: true,
  isPublic: true,
  accessible: true,
  altText: true,
  sha256: true,
  createdAt: true,
  proposalId: true,
  proposal: { select: { state: true } },
} as const;

/** An agreement's documents for staff, newest first; `locked`: a background paper of a decided proposal. */
export async function getAgreementDocuments(agreementId: string) {
  if (!isUuid(agreementId)) return [];
  const documents = await db.document.findMany({ where: { agreementId }, orderBy: [{ createdAt: "desc" }, { id: "asc" }], select: listSelect });
  return documents.map(({ proposal, ...document }) => ({ ...document, locked: Boolean(proposal && proposal.state !== "OPEN") }));
}

export type AgreementDocument = Awaited<ReturnType<typeof getAgreementDocuments>>[number];

/** The public documents of a partner's links that the public sees, for the partner page. */
export async function getPublicDocumentsOfAgreements(agreementIds: readonly string[]) {
  if (agreementIds.length === 0) return [];
  const documents = await db.document.findMany({
    where: { agreementId: { in: [...agreementIds] }, isPublic: true },
    orderBy: [{ createdAt: "desc" }, { id: "asc" }],
    select: { id: true, title: true, type: true, mediaType: true, size: true, accessible: true, altText: true, agreement: { select: { status: true } } },
  });
  return documents.filter((document) => isPubliclyVisible(document.agreement.status)).map(({ agreement: _agreement, ...document }) => document);
}

export type PublicDocument = Awaited<ReturnType<typeof getPublicDocumentsOfAgreements>>[number];

/** What serving a document needs: who may have it, and where its bytes are. */
export async function getDocumentForDownload(id: string) {
  if (!isUuid(id)) return null;
  return db.document.findUnique({ where: { id }, select: { id: true, title: true, fileName: true, mediaType: true, size: true, sha256: true, isPublic: true, agreement: { select: { status: true } } } });
}

/** One piece of a stored file (decision 021), or null past its end. */
export async function readStoredChunk(sha256: string, part: number): Promise<Uint8Array | null> {
  const rows = await db.$queryRaw<{ bytes: string }[]>`SELECT encode("bytes", 'base64') AS "bytes" FROM "StoredFileChunk" WHERE "sha256" = ${sha256} AND "part" = ${part}`;
  return rows[0] ? Buffer.from(rows[0].bytes, "base64") : null;
}

/** Whether the agreement has an open proposal (a new document may be attached to it as a background paper). */
export async function hasOpenProposal(agreementId: string): Promise<boolean> {
  if (!isUuid(agreementId)) return false;
  return (await db.proposal.count({ where: { agreementId, state: "OPEN" } })) > 0;
}

/** Public documents not marked accessible (the accessibility statement lists them). */
export async function getInaccessiblePublicDocuments() {
  const documents = await db.document.findMany({
    where: { isPublic: true, accessible: false },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: { id: true, title: true, agreement: { select: { status: true, partner: { select: { name: true, slug: true } } } } },
  });
  return documents.filter((document) => isPubliclyVisible(document.agreement.status)).map((document) => ({ id: document.id, title: document.title, partnerName: document.agreement.partner.name, partnerSlug: document.agreement.partner.slug }));
}
