-- Documents on an agreement (issue 23 item 2): the bytes content-addressed by SHA-256, kept in the
-- database in pieces (docs/decisions/021-documents.md).
CREATE TYPE "DocumentType" AS ENUM ('CHARTER', 'COMMITTEE_REPORT', 'MINUTES', 'LETTER', 'PHOTO', 'OTHER');

CREATE TABLE "StoredFile" (
    "sha256" CHAR(64) NOT NULL,
    "size" INTEGER NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "StoredFile_pkey" PRIMARY KEY ("sha256")
);

CREATE TABLE "StoredFileChunk" (
    "sha256" CHAR(64) NOT NULL,
    "part" INTEGER NOT NULL,
    "bytes" BYTEA NOT NULL,

    CONSTRAINT "StoredFileChunk_pkey" PRIMARY KEY ("sha256","part")
);

CREATE TABLE "Document" (
    "id" UUID NOT NULL,
    "agreementId" UUID NOT NULL,
    "sha256" CHAR(64) NOT NULL,
    "title" TEXT NOT NULL,
    "type" "DocumentType" NOT NULL,
    "fileName" TEXT NOT NULL,
    "mediaType" TEXT NOT NULL,
    "size" INTEGER NOT NULL,
    "isPublic" BOOLEAN NOT NULL DEFAULT false,
    "accessible" BOOLEAN NOT NULL DEFAULT false,
    "altText" TEXT,
    "proposalId" UUID,
    "uploadedById" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Document_pkey" PRIMARY KEY ("id")
);

CREATE INDEX "Document_agreementId_createdAt_idx" ON "Document"("agreementId", "createdAt");
CREATE INDEX "Document_sha256_idx" ON "Document"("sha256");
CREATE INDEX "Document_proposalId_idx" ON "Document"("proposalId");

ALTER TABLE "Document" ADD CONSTRAINT "Document_agreementId_fkey" FOREIGN KEY ("agreementId") REFERENCES "Agreement"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "Document" ADD CONSTRAINT "Document_sha256_fkey" FOREIGN KEY ("sha256") REFERENCES "StoredFile"("sha256") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "Document" ADD CONSTRAINT "Document_proposalId_fkey" FOREIGN KEY ("proposalId") REFERENCES "Proposal"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "Document" ADD CONSTRAINT "Document_uploadedById_fkey" FOREIGN KEY ("uploadedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "StoredFileChunk" ADD CONSTRAINT "StoredFileChunk_sha256_fkey" FOREIGN KEY ("sha256") REFERENCES "StoredFile"("sha256") ON DELETE CASCADE ON UPDATE CASCADE;
