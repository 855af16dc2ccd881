-- The sign-in lock (issue 17, finding 2): failed sign-ins counted per email and per client
-- address in one row each, updated under a row lock, so concurrent attempts cannot pass the limit
-- (lib/domain/sign-in-lock.ts). The audit log still records every attempt; it no longer decides.
-- CreateTable
CREATE TABLE "SignInCounter" (
    "key" TEXT NOT NULL,
    "failures" INTEGER NOT NULL DEFAULT 0,
    "pending" INTEGER NOT NULL DEFAULT 0,
    "pendingSince" TIMESTAMPTZ(3),
    "firstFailureAt" TIMESTAMPTZ(3),
    "lastFailureAt" TIMESTAMPTZ(3),
    "lockedUntil" TIMESTAMPTZ(3),
    "updatedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SignInCounter_pkey" PRIMARY KEY ("key")
);

-- CreateIndex
CREATE INDEX "SignInCounter_updatedAt_idx" ON "SignInCounter"("updatedAt");
