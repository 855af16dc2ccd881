// Single-use links sent by email: a password reset, and a partner council's answer to "Request
// confirmation from partner" (lib/contacts/partner-confirmation.ts).
// The link carries 256 random bits; the database keeps only their SHA-256, so a copy of the
// database (or a backup) opens nothing. A link works once, for one purpose and one subject, until
// it expires. Opening the page a link leads to only looks the link up: mail scanners open links,
// so a link is used up only by the form its page posts (consumeLink).
import { createHash, randomBytes } from "node:crypto";
import type { Tx } from "@/lib/db";
import { db } from "@/lib/db";

/** What each kind of link is for, and how long it works. */
export const LINK_PURPOSES = {
  "password-reset": { lifetimeMs: 30 * 60 * 1000 },
  // A council answers after its own officers have read the terms: two weeks.
  "partner-confirmation": { lifetimeMs: 14 * 24 * 60 * 60 * 1000 },
} as const;

export type LinkPurpose = keyof typeof LINK_PURPOSES;

/** A token as the link carries it: 43 base64url characters. */
const TOKEN_SHAPE = /^[A-Za-z0-9_-]{43}$/;

function tokenHash(token: string): string {
  return createHash("sha256").update(token).digest("base64url");
}

export type IssuedLink = { token: string; expiresAt: Date };

/**
 * A new link for `subjectId`, in the caller's transaction. Links issued before for the same
 * purpose and subject stop working: only the newest email's link opens the page.
 */
export async function issueLink(tx: Tx, purpose: LinkPurpose, subjectId: string, now: Date): Promise<IssuedLink> {
  const token = randomBytes(32).toString("base64url");
  const expiresAt = new Date(now.getTime() + LINK_PURPOSES[purpose].lifetimeMs);
  await tx.singleUseLink.updateMany({ where: { purpose, subjectId, usedAt: null }, data: { usedAt: now } });
  await tx.singleUseLink.create({ data: { purpose, subjectId, tokenHash: tokenHash(token), expiresAt } });
  return { token, expiresAt };
}

/** The subject of a link that still works, without using it up (the page the link opens); null otherwise. */
export async function findLiveLink(purpose: LinkPurpose, token: string, now: Date): Promise<{ subjectId: string; expiresAt: Date } | null> {
  if (!TOKEN_SHAPE.test(token)) return null;
  return db.singleUseLink.findFirst({
    where: { purpose, tokenHash: tokenHash(token), usedAt: null, expiresAt: { gt: now } },
    select: { subjectId: true, expiresAt: true },
  });
}

/** What became of a link, for a page that says why it no longer opens (never uses anything up). */
export type LinkState = { state: "live"; subjectId: string; expiresAt: Date } | { state: "used"; subjectId: string } | { state: "expired"; subjectId: string } | { state: "unknown" };

/**
 * The state of a link: live, used, expired, or unknown (forged, mistyped, or removed by the jobs a
 * day after it expired). Only for words on a page: the link is used up only by consumeLink.
 */
export async function inspectLink(purpose: LinkPurpose, token: string, now: Date): Promise<LinkState> {
  if (!TOKEN_SHAPE.test(token)) return { state: "unknown" };
  const link = await db.singleUseLink.findFirst({ where: { purpose, tokenHash: tokenHash(token) }, select: { subjectId: true, expiresAt: true, usedAt: true } });
  if (!link) return { state: "unknown" };
  if (link.usedAt) return { state: "used", subjectId: link.subjectId };
  if (link.expiresAt <= now) return { state: "expired", subjectId: link.subjectId };
  return { state: "live", subjectId: link.subjectId, expiresAt: link.expiresAt };
}

/**
 * Uses the link up in the caller's transaction and returns its subject, or null when it is unknown,
 * expired or already used. One UPDATE with the conditions in its WHERE: of two concurrent posts of
 * the same link, exactly one gets the subject.
 */
export async function consumeLink(tx: Tx, purpose: LinkPurpose, token: string, now: Date): Promise<string | null> {
  if (!TOKEN_SHAPE.test(token)) return null;
  const rows = await tx.$queryRaw<{ subjectId: string }[]>`
    UPDATE "SingleUseLink" SET "usedAt" = ${now}::timestamptz
    WHERE "purpose" = ${purpose} AND "tokenHash" = ${tokenHash(token)} AND "usedAt" IS NULL AND "expiresAt" > ${now}::timestamptz
    RETURNING "subjectId"`;
  return rows[0]?.subjectId ?? null;
}

/** Removes links that expired more than a day ago (the jobs): used or not, they open nothing. */
export async function deleteExpiredLinks(now = new Date()): Promise<{ deleted: number }> {
  const { count } = await db.singleUseLink.deleteMany({ where: { expiresAt: { lt: new Date(now.getTime() - 24 * 60 * 60 * 1000) } } });
  return { deleted: count };
}
