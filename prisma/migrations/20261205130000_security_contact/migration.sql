-- AlterTable
ALTER TABLE "CouncilSettings" ADD COLUMN     "securityContact" TEXT;
