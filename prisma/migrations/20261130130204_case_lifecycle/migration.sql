-- CreateEnum
CREATE TYPE "OutcomeKind" AS ENUM ('RELEASE', 'REMOVAL', 'TRANSFER_OUT', 'OTHER_END');

-- CreateEnum
CREATE TYPE "DecisionMaker" AS ENUM ('IMMIGRATION_DIVISION', 'CBSA_OFFICER', 'MINISTER', 'OTHER');

-- CreateEnum
CREATE TYPE "CounselStatus" AS ENUM ('REQUESTED', 'ACTIVE', 'DECLINED', 'ENDED');

-- CreateEnum
CREATE TYPE "CorrectionSubject" AS ENUM ('PERSON', 'DETENTION');

-- AlterEnum
ALTER TYPE "DetentionStatus" ADD VALUE 'ENDED';

-- AlterTable
ALTER TABLE "Detainee" ADD COLUMN     "mergedAt" TIMESTAMPTZ(3),
ADD COLUMN     "mergedIntoId" UUID;

-- AlterTable
ALTER TABLE "FacilityTransfer" ADD COLUMN     "fromOfficeId" UUID,
ADD COLUMN     "handedOver" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "recordedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
ADD COLUMN     "toOfficeId" UUID;

-- CreateTable
CREATE TABLE "DetentionOutcome" (
    "id" UUID NOT NULL,
    "detentionId" UUID NOT NULL,
    "kind" "OutcomeKind" NOT NULL,
    "releaseType" "ReleaseType",
    "occurredAt" TIMESTAMPTZ(3) NOT NULL,
    "decidedBy" "DecisionMaker" NOT NULL,
    "decisionMakerName" TEXT,
    "reason" TEXT,
    "conditions" JSONB,
    "atdMeasures" "AtdMeasure"[],
    "onPlan" BOOLEAN NOT NULL DEFAULT false,
    "planStatusBefore" "PlanStatus",
    "closedTaskIds" UUID[],
    "recordedById" UUID NOT NULL,
    "recordedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "supersededAt" TIMESTAMPTZ(3),
    "supersededById" UUID,
    "supersedeReason" TEXT,
    "replacedById" UUID,
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "DetentionOutcome_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CounselOfRecord" (
    "id" UUID NOT NULL,
    "detaineeId" UUID NOT NULL,
    "counselId" UUID,
    "outsideName" TEXT,
    "outsideOrganization" TEXT,
    "outsidePhone" TEXT,
    "outsideEmail" TEXT,
    "status" "CounselStatus" NOT NULL,
    "requestDetentionId" UUID,
    "requestedById" UUID NOT NULL,
    "requestedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "decidedById" UUID,
    "decidedAt" TIMESTAMPTZ(3),
    "declineReason" TEXT,
    "startedAt" TIMESTAMPTZ(3),
    "endedAt" TIMESTAMPTZ(3),
    "endedById" UUID,
    "endReason" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "CounselOfRecord_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Correction" (
    "id" UUID NOT NULL,
    "subject" "CorrectionSubject" NOT NULL,
    "detaineeId" UUID,
    "detentionId" UUID,
    "version" INTEGER NOT NULL,
    "fields" TEXT[],
    "before" JSONB NOT NULL,
    "after" JSONB NOT NULL,
    "reason" TEXT,
    "changedById" UUID NOT NULL,
    "changedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Correction_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "DetentionOutcome_detentionId_recordedAt_idx" ON "DetentionOutcome"("detentionId", "recordedAt");

-- CreateIndex
CREATE INDEX "DetentionOutcome_kind_occurredAt_idx" ON "DetentionOutcome"("kind", "occurredAt");

-- CreateIndex
CREATE INDEX "CounselOfRecord_detaineeId_status_idx" ON "CounselOfRecord"("detaineeId", "status");

-- CreateIndex
CREATE INDEX "CounselOfRecord_counselId_status_idx" ON "CounselOfRecord"("counselId", "status");

-- CreateIndex
CREATE INDEX "CounselOfRecord_requestDetentionId_status_idx" ON "CounselOfRecord"("requestDetentionId", "status");

-- CreateIndex
CREATE INDEX "Correction_detaineeId_changedAt_idx" ON "Correction"("detaineeId", "changedAt");

-- CreateIndex
CREATE INDEX "Correction_detentionId_changedAt_idx" ON "Correction"("detentionId", "changedAt");

-- AddForeignKey
ALTER TABLE "Detainee" ADD CONSTRAINT "Detainee_mergedIntoId_fkey" FOREIGN KEY ("mergedIntoId") REFERENCES "Detainee"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DetentionOutcome" ADD CONSTRAINT "DetentionOutcome_detentionId_fkey" FOREIGN KEY ("detentionId") REFERENCES "Detention"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DetentionOutcome" ADD CONSTRAINT "DetentionOutcome_recordedById_fkey" FOREIGN KEY ("recordedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DetentionOutcome" ADD CONSTRAINT "DetentionOutcome_supersededById_fkey" FOREIGN KEY ("supersededById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CounselOfRecord" ADD CONSTRAINT "CounselOfRecord_detaineeId_fkey" FOREIGN KEY ("detaineeId") REFERENCES "Detainee"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CounselOfRecord" ADD CONSTRAINT "CounselOfRecord_counselId_fkey" FOREIGN KEY ("counselId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CounselOfRecord" ADD CONSTRAINT "CounselOfRecord_requestDetentionId_fkey" FOREIGN KEY ("requestDetentionId") REFERENCES "Detention"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CounselOfRecord" ADD CONSTRAINT "CounselOfRecord_requestedById_fkey" FOREIGN KEY ("requestedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CounselOfRecord" ADD CONSTRAINT "CounselOfRecord_decidedById_fkey" FOREIGN KEY ("decidedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CounselOfRecord" ADD CONSTRAINT "CounselOfRecord_endedById_fkey" FOREIGN KEY ("endedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Correction" ADD CONSTRAINT "Correction_detaineeId_fkey" FOREIGN KEY ("detaineeId") REFERENCES "Detainee"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Correction" ADD CONSTRAINT "Correction_detentionId_fkey" FOREIGN KEY ("detentionId") REFERENCES "Detention"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Correction" ADD CONSTRAINT "Correction_changedById_fkey" FOREIGN KEY ("changedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- At most one outcome in force per detention, one counsel of record in force per person, and one open request
-- per counsel and person: the database is the backstop of the rules in lib/detentions and lib/counsel.
CREATE UNIQUE INDEX "DetentionOutcome_one_in_force" ON "DetentionOutcome"("detentionId") WHERE "supersededAt" IS NULL;
CREATE UNIQUE INDEX "CounselOfRecord_one_active" ON "CounselOfRecord"("detaineeId") WHERE "status" = 'ACTIVE';
CREATE UNIQUE INDEX "CounselOfRecord_one_open_request" ON "CounselOfRecord"("detaineeId", "counselId") WHERE "status" = 'REQUESTED';

-- Counsel of record written before this migration (Detainee.counselId only) become ACTIVE history rows.
INSERT INTO "CounselOfRecord" ("id", "detaineeId", "counselId", "status", "requestedById", "requestedAt", "startedAt")
SELECT gen_random_uuid(), d."id", d."counselId", 'ACTIVE', d."counselId", d."updatedAt", d."updatedAt"
FROM "Detainee" d WHERE d."counselId" IS NOT NULL;

-- Detentions that ended before this migration keep an outcome in force, recorded by their CLO (or, when none, by a
-- supervisor or CLO of the office), so the reports count them from the same table as new ones.
INSERT INTO "DetentionOutcome" ("id", "detentionId", "kind", "releaseType", "occurredAt", "decidedBy", "atdMeasures", "closedTaskIds", "recordedById", "recordedAt")
SELECT gen_random_uuid(), d."id",
       CASE d."status" WHEN 'RELEASED' THEN 'RELEASE'::"OutcomeKind" WHEN 'REMOVED' THEN 'REMOVAL'::"OutcomeKind" ELSE 'TRANSFER_OUT'::"OutcomeKind" END,
       CASE WHEN d."status" = 'RELEASED' THEN d."releaseType" END,
       d."releasedAt",
       CASE d."releaseType" WHEN 'CBSA_OFFICER_RELEASE' THEN 'CBSA_OFFICER'::"DecisionMaker" WHEN 'MINISTER_RELEASE' THEN 'MINISTER'::"DecisionMaker"
                            WHEN 'OTHER' THEN 'OTHER'::"DecisionMaker" ELSE 'IMMIGRATION_DIVISION'::"DecisionMaker" END,
       '{}', '{}', recorder.id, d."updatedAt"
FROM "Detention" d
CROSS JOIN LATERAL (
  SELECT u."id" FROM "User" u
  WHERE u."id" = d."assignedCloId" OR (u."organizationId" = d."officeId" AND u."role" IN ('CLO', 'SUPERVISOR'))
  ORDER BY (u."id" = d."assignedCloId") DESC, u."role" DESC, u."id"
  LIMIT 1
) recorder
WHERE d."status" <> 'DETAINED' AND d."releasedAt" IS NOT NULL;
