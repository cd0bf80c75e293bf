-- CreateEnum
CREATE TYPE "ComplaintStatus" AS ENUM ('RECEIVED', 'UNDER_REVIEW', 'RESPONDED', 'CLOSED');

-- CreateEnum
CREATE TYPE "ComplaintOutcome" AS ENUM ('UPHELD', 'PARTLY_UPHELD', 'NOT_UPHELD', 'WITHDRAWN');

-- CreateEnum
CREATE TYPE "ComplaintCategory" AS ENUM ('CASE_HANDLING', 'DELAY', 'COMMUNICATION', 'CONDUCT', 'ACCESS_TO_SERVICES', 'PRIVACY', 'OTHER');

-- CreateEnum
CREATE TYPE "ComplaintOnBehalfOf" AS ENUM ('DETAINED_PERSON', 'FILER');

-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "NotificationKind" ADD VALUE 'COMPLAINT_FILED';
ALTER TYPE "NotificationKind" ADD VALUE 'COMPLAINT_ASSIGNED';
ALTER TYPE "NotificationKind" ADD VALUE 'COMPLAINT_RESPONDED';
ALTER TYPE "NotificationKind" ADD VALUE 'COMPLAINT_SHARED';

-- CreateTable
CREATE TABLE "Complaint" (
    "id" UUID NOT NULL,
    "reference" TEXT NOT NULL,
    "officeId" UUID NOT NULL,
    "detentionId" UUID,
    "referralId" UUID,
    "filedById" UUID NOT NULL,
    "filedByOrgId" UUID NOT NULL,
    "onBehalfOf" "ComplaintOnBehalfOf" NOT NULL,
    "subjectId" UUID,
    "category" "ComplaintCategory" NOT NULL,
    "description" TEXT NOT NULL,
    "remedySought" TEXT NOT NULL,
    "status" "ComplaintStatus" NOT NULL DEFAULT 'RECEIVED',
    "outcome" "ComplaintOutcome",
    "filedAt" TIMESTAMPTZ(3) NOT NULL,
    "responseDueAt" TIMESTAMPTZ(3) NOT NULL,
    "handlerId" UUID,
    "investigationNotes" TEXT,
    "response" TEXT,
    "respondedAt" TIMESTAMPTZ(3),
    "closedAt" TIMESTAMPTZ(3),
    "subjectSummary" TEXT,
    "subjectSharedAt" TIMESTAMPTZ(3),
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Complaint_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ComplaintSequence" (
    "officeId" UUID NOT NULL,
    "year" INTEGER NOT NULL,
    "last" INTEGER NOT NULL,

    CONSTRAINT "ComplaintSequence_pkey" PRIMARY KEY ("officeId","year")
);

-- CreateIndex
CREATE UNIQUE INDEX "Complaint_reference_key" ON "Complaint"("reference");

-- CreateIndex
CREATE INDEX "Complaint_officeId_status_responseDueAt_idx" ON "Complaint"("officeId", "status", "responseDueAt");

-- CreateIndex
CREATE INDEX "Complaint_filedById_filedAt_idx" ON "Complaint"("filedById", "filedAt");

-- CreateIndex
CREATE INDEX "Complaint_subjectId_idx" ON "Complaint"("subjectId");

-- AddForeignKey
ALTER TABLE "Complaint" ADD CONSTRAINT "Complaint_officeId_fkey" FOREIGN KEY ("officeId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Complaint" ADD CONSTRAINT "Complaint_filedByOrgId_fkey" FOREIGN KEY ("filedByOrgId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Complaint" ADD CONSTRAINT "Complaint_detentionId_fkey" FOREIGN KEY ("detentionId") REFERENCES "Detention"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Complaint" ADD CONSTRAINT "Complaint_referralId_fkey" FOREIGN KEY ("referralId") REFERENCES "Referral"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Complaint" ADD CONSTRAINT "Complaint_filedById_fkey" FOREIGN KEY ("filedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Complaint" ADD CONSTRAINT "Complaint_subjectId_fkey" FOREIGN KEY ("subjectId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Complaint" ADD CONSTRAINT "Complaint_handlerId_fkey" FOREIGN KEY ("handlerId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
