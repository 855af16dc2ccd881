-- Single-use links sent by email (issue 20: password reset; later, a partner's confirmation).
-- Only the SHA-256 of a link's token is kept: a copy of the database opens nothing.
CREATE TABLE "SingleUseLink" (
    "id" UUID NOT NULL,
    "purpose" TEXT NOT NULL,
    "subjectId" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "expiresAt" TIMESTAMPTZ(3) NOT NULL,
    "usedAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SingleUseLink_pkey" PRIMARY KEY ("id")
);

CREATE UNIQUE INDEX "SingleUseLink_tokenHash_key" ON "SingleUseLink"("tokenHash");
CREATE INDEX "SingleUseLink_purpose_subjectId_idx" ON "SingleUseLink"("purpose", "subjectId");
CREATE INDEX "SingleUseLink_expiresAt_idx" ON "SingleUseLink"("expiresAt");

ALTER TYPE "NotificationKind" ADD VALUE 'PASSWORD_RESET';
