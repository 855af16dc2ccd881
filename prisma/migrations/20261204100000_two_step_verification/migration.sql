-- Two-step verification (issue 20): a TOTP secret per user, sealed with the app's key (never in
-- the clear), single-use recovery codes kept only as SHA-256 hashes, and the council's setting of
-- who must use it.
ALTER TABLE "User" ADD COLUMN "twoStepSecret" TEXT,
ADD COLUMN "twoStepEnabledAt" TIMESTAMPTZ(3),
ADD COLUMN "twoStepLastStep" INTEGER;

CREATE TABLE "RecoveryCode" (
    "id" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "codeHash" TEXT NOT NULL,
    "usedAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RecoveryCode_pkey" PRIMARY KEY ("id")
);

CREATE UNIQUE INDEX "RecoveryCode_userId_codeHash_key" ON "RecoveryCode"("userId", "codeHash");

ALTER TABLE "RecoveryCode" ADD CONSTRAINT "RecoveryCode_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

CREATE TYPE "TwoStepRequirement" AS ENUM ('NOBODY', 'ADMINS', 'EVERYONE');

ALTER TABLE "CouncilSettings" ADD COLUMN "twoStepRequiredFor" "TwoStepRequirement" NOT NULL DEFAULT 'NOBODY';
