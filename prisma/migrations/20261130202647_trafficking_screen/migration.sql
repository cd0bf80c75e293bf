-- CreateEnum
CREATE TYPE "TraffickingIndicator" AS ENUM ('RECRUITMENT_FALSE_PROMISES', 'RECRUITMENT_FEES', 'RECRUITMENT_TRAVEL_CONTROLLED', 'RECRUITMENT_FALSE_STORY', 'CONTROL_DOCUMENTS_HELD', 'CONTROL_MOVEMENT_RESTRICTED', 'CONTROL_ACCOMPANIED', 'CONTROL_CONTACT_RESTRICTED', 'DEBT_UNPAYABLE', 'DEBT_WAGES_WITHHELD', 'DEBT_DEDUCTIONS', 'CONDITIONS_EXCESSIVE_HOURS', 'CONDITIONS_HOUSING_CONTROLLED', 'CONDITIONS_UNSAFE', 'CONDITIONS_UNWANTED_ACTS', 'THREATS_HARM', 'THREATS_FAMILY', 'THREATS_DENUNCIATION', 'MARRIAGE_WITHOUT_CONSENT', 'MARRIAGE_UNDER_18', 'MARRIAGE_CANNOT_LEAVE', 'MARRIAGE_DOMESTIC_SERVITUDE');

-- CreateEnum
CREATE TYPE "TraffickingOutcome" AS ENUM ('INDICATORS_OF_TRAFFICKING', 'EXPLOITATION', 'NO_INDICATORS_IDENTIFIED');

-- AlterEnum
ALTER TYPE "ProviderService" ADD VALUE 'ANTI_TRAFFICKING';

-- CreateTable
CREATE TABLE "TraffickingScreen" (
    "id" UUID NOT NULL,
    "detentionId" UUID NOT NULL,
    "recordedById" UUID NOT NULL,
    "recordedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "disclosureConfirmedAt" TIMESTAMPTZ(3) NOT NULL,
    "disclosureMethod" "InterviewMode" NOT NULL,
    "interpreterLanguage" TEXT,
    "indicators" "TraffickingIndicator"[],
    "recruitmentNotes" TEXT,
    "controlNotes" TEXT,
    "debtNotes" TEXT,
    "conditionsNotes" TEXT,
    "threatsNotes" TEXT,
    "marriageNotes" TEXT,
    "outcome" "TraffickingOutcome" NOT NULL,

    CONSTRAINT "TraffickingScreen_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "TraffickingScreen_detentionId_recordedAt_idx" ON "TraffickingScreen"("detentionId", "recordedAt");

-- AddForeignKey
ALTER TABLE "TraffickingScreen" ADD CONSTRAINT "TraffickingScreen_detentionId_fkey" FOREIGN KEY ("detentionId") REFERENCES "Detention"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TraffickingScreen" ADD CONSTRAINT "TraffickingScreen_recordedById_fkey" FOREIGN KEY ("recordedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
