-- AlterTable
ALTER TABLE "OutreachContact" ADD COLUMN     "nextStep" TEXT,
ADD COLUMN     "nextStepDoneAt" TIMESTAMPTZ(3),
ADD COLUMN     "nextStepDueOn" DATE,
ADD COLUMN     "updatedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 1;

-- CreateIndex
CREATE INDEX "OutreachContact_officeId_nextStepDoneAt_nextStepDueOn_idx" ON "OutreachContact"("officeId", "nextStepDoneAt", "nextStepDueOn");
