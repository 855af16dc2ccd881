-- Spreadsheet imports (issue 17, findings 4 and 5): the file goes to a route handler that streams
-- it with its own size limit, instead of through a server action; the checked file waits here,
-- keyed by a random id and its user, until the import is confirmed.
-- CreateTable
CREATE TABLE "ImportUpload" (
    "id" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "state" JSONB NOT NULL,
    "fileName" TEXT NOT NULL,
    "content" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "ImportUpload_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ImportUpload_userId_idx" ON "ImportUpload"("userId");

-- CreateIndex
CREATE INDEX "ImportUpload_expiresAt_idx" ON "ImportUpload"("expiresAt");

-- AddForeignKey
ALTER TABLE "ImportUpload" ADD CONSTRAINT "ImportUpload_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
