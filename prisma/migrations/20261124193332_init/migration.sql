-- CreateEnum
CREATE TYPE "OrganizationKind" AS ENUM ('CBSA_OFFICE', 'SERVICE_PROVIDER', 'LEGAL', 'OTHER_NGO');

-- CreateEnum
CREATE TYPE "Role" AS ENUM ('CLO', 'SUPERVISOR', 'NGO_CASEWORKER', 'COUNSEL', 'ADMIN');

-- CreateEnum
CREATE TYPE "Locale" AS ENUM ('en', 'fr');

-- CreateEnum
CREATE TYPE "Gender" AS ENUM ('FEMALE', 'MALE', 'NON_BINARY', 'OTHER', 'UNDISCLOSED');

-- CreateEnum
CREATE TYPE "FacilityKind" AS ENUM ('IMMIGRATION_HOLDING_CENTRE', 'PROVINCIAL_CORRECTIONAL', 'OTHER');

-- CreateEnum
CREATE TYPE "DetentionGround" AS ENUM ('DANGER_TO_PUBLIC', 'UNLIKELY_TO_APPEAR', 'SECURITY_OR_CRIMINALITY_INVESTIGATION', 'IDENTITY_NOT_ESTABLISHED', 'DESIGNATED_FN_IDENTITY');

-- CreateEnum
CREATE TYPE "ReviewSchedule" AS ENUM ('STANDARD', 'DESIGNATED_FOREIGN_NATIONAL');

-- CreateEnum
CREATE TYPE "DetentionStatus" AS ENUM ('DETAINED', 'RELEASED', 'REMOVED', 'TRANSFERRED_OUT');

-- CreateEnum
CREATE TYPE "ReleaseType" AS ENUM ('ID_ORDER_ON_CONDITIONS', 'ID_ORDER_WITHOUT_CONDITIONS', 'CBSA_OFFICER_RELEASE', 'MINISTER_RELEASE', 'OTHER');

-- CreateEnum
CREATE TYPE "ReviewKind" AS ENUM ('FORTY_EIGHT_HOUR', 'SEVEN_DAY', 'THIRTY_DAY', 'DFN_FOURTEEN_DAY', 'DFN_SIX_MONTH', 'EARLY');

-- CreateEnum
CREATE TYPE "VulnerabilityFlag" AS ENUM ('MENTAL_HEALTH', 'MEDICAL', 'DISABILITY', 'SOGIE', 'PREGNANCY', 'MINOR_DETAINED', 'MINOR_HOUSED', 'SEPARATED_FROM_CHILD', 'TRAFFICKING_INDICATORS', 'GBV_SURVIVOR', 'ELDERLY', 'LANGUAGE_BARRIER', 'NO_COMMUNITY_TIES');

-- CreateEnum
CREATE TYPE "InterviewMode" AS ENUM ('IN_PERSON', 'VIDEO', 'PHONE');

-- CreateEnum
CREATE TYPE "NeedArea" AS ENUM ('HOUSING', 'PHYSICAL_HEALTH', 'MENTAL_HEALTH', 'FAMILY_AND_COMMUNITY_TIES', 'INCOME', 'DOCUMENTS', 'LEGAL_REPRESENTATION', 'TRANSPORT', 'OTHER');

-- CreateEnum
CREATE TYPE "AtdMeasure" AS ENUM ('CCMS', 'CCMS_WITH_ELECTRONIC_MONITORING', 'VOICE_REPORTING', 'IN_PERSON_REPORTING', 'CASH_DEPOSIT', 'PERFORMANCE_BOND', 'BONDSPERSON', 'RESIDENCE_CONDITION', 'TREATMENT_PROGRAM', 'COMMUNITY_PROGRAM', 'OTHER');

-- CreateEnum
CREATE TYPE "PlanStatus" AS ENUM ('DRAFTING', 'READY', 'PRESENTED', 'RELEASE_ORDERED', 'RELEASED', 'NOT_ACCEPTED', 'WITHDRAWN');

-- CreateEnum
CREATE TYPE "TaskCategory" AS ENUM ('PROPERTY_ACCESS', 'COMMUNICATION', 'DOCUMENTS', 'OTHER_AGENCY', 'TRANSPORT', 'FUNDS', 'HOUSING', 'DISCLOSURE', 'OTHER');

-- CreateEnum
CREATE TYPE "TaskStatus" AS ENUM ('OPEN', 'IN_PROGRESS', 'DONE', 'CANCELLED');

-- CreateEnum
CREATE TYPE "ReviewOutcome" AS ENUM ('CONTINUED', 'RELEASE_ORDERED', 'ADJOURNED', 'WITHDRAWN');

-- CreateEnum
CREATE TYPE "ProviderKind" AS ENUM ('CCMS_CONTRACTED', 'COMMUNITY');

-- CreateEnum
CREATE TYPE "ProviderService" AS ENUM ('SUPERVISION', 'REPORTING', 'HOUSING', 'MENTAL_HEALTH', 'SUBSTANCE_USE', 'MEDICAL', 'EMPLOYMENT', 'SETTLEMENT', 'FAMILY_SUPPORT', 'LEGAL_SUPPORT', 'TRAUMA_SUPPORT');

-- CreateEnum
CREATE TYPE "RiskLevel" AS ENUM ('LOW', 'MEDIUM', 'HIGH');

-- CreateEnum
CREATE TYPE "ConsentMethod" AS ENUM ('WRITTEN', 'VERBAL_WITH_INTERPRETER', 'VERBAL');

-- CreateEnum
CREATE TYPE "ConsentField" AS ENUM ('IDENTITY', 'CONTACT_AND_LANGUAGE', 'DETENTION_FACTS', 'REVIEW_DATES', 'VULNERABILITIES', 'NEEDS', 'HEALTH_DETAILS', 'RELEASE_PLAN', 'RISK_OPINION');

-- CreateEnum
CREATE TYPE "ReferralStatus" AS ENUM ('DRAFT', 'SENT', 'UNDER_REVIEW', 'ACCEPTED', 'WAITLISTED', 'DECLINED', 'WITHDRAWN', 'INTAKE_COMPLETE');

-- CreateEnum
CREATE TYPE "DeclineReason" AS ENUM ('NO_CAPACITY', 'OUTSIDE_MANDATE', 'RISK_PROFILE', 'CLIENT_DECLINED', 'OTHER');

-- CreateEnum
CREATE TYPE "NoteVisibility" AS ENUM ('OWN_ORGANISATION', 'CASE_TEAM');

-- CreateTable
CREATE TABLE "Organization" (
    "id" UUID NOT NULL,
    "kind" "OrganizationKind" NOT NULL,
    "name" TEXT NOT NULL,
    "region" TEXT NOT NULL,
    "timeZone" TEXT NOT NULL DEFAULT 'America/Toronto',
    "active" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "Organization_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "User" (
    "id" UUID NOT NULL,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "passwordHash" TEXT NOT NULL,
    "role" "Role" NOT NULL,
    "organizationId" UUID NOT NULL,
    "locale" "Locale" NOT NULL DEFAULT 'en',
    "active" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "User_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "UserSession" (
    "id" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastSeenAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMPTZ(3) NOT NULL,
    "revokedAt" TIMESTAMPTZ(3),

    CONSTRAINT "UserSession_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SignInAttempt" (
    "id" UUID NOT NULL,
    "accountKey" TEXT NOT NULL,
    "addressKey" TEXT NOT NULL,
    "succeeded" BOOLEAN NOT NULL,
    "attemptedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SignInAttempt_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Detainee" (
    "id" UUID NOT NULL,
    "givenName" TEXT NOT NULL,
    "familyName" TEXT NOT NULL,
    "dateOfBirth" DATE NOT NULL,
    "gender" "Gender" NOT NULL,
    "languages" TEXT[],
    "interpreterNeeded" BOOLEAN NOT NULL DEFAULT false,
    "interpreterLanguage" TEXT,
    "citizenship" TEXT NOT NULL,
    "clientId" TEXT,
    "counselId" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "Detainee_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Facility" (
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "kind" "FacilityKind" NOT NULL,
    "timeZone" TEXT NOT NULL,
    "officeId" UUID NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Facility_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Detention" (
    "id" UUID NOT NULL,
    "reference" TEXT NOT NULL,
    "detaineeId" UUID NOT NULL,
    "officeId" UUID NOT NULL,
    "facilityId" UUID NOT NULL,
    "detainedAt" TIMESTAMPTZ(3) NOT NULL,
    "grounds" "DetentionGround"[],
    "schedule" "ReviewSchedule" NOT NULL DEFAULT 'STANDARD',
    "assignedCloId" UUID,
    "status" "DetentionStatus" NOT NULL DEFAULT 'DETAINED',
    "releasedAt" TIMESTAMPTZ(3),
    "releaseType" "ReleaseType",
    "noProspectReason" TEXT,
    "noProspectRevisitOn" DATE,
    "nextReviewKind" "ReviewKind",
    "nextReviewDueBy" TIMESTAMPTZ(3),
    "reviewNeedsCheck" BOOLEAN NOT NULL DEFAULT false,
    "assessmentDueBy" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "Detention_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "FacilityTransfer" (
    "id" UUID NOT NULL,
    "detentionId" UUID NOT NULL,
    "fromFacilityId" UUID NOT NULL,
    "toFacilityId" UUID NOT NULL,
    "transferredAt" TIMESTAMPTZ(3) NOT NULL,
    "recordedById" UUID NOT NULL,

    CONSTRAINT "FacilityTransfer_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Screening" (
    "id" UUID NOT NULL,
    "detentionId" UUID NOT NULL,
    "recordedById" UUID NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "Screening_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ScreeningFlag" (
    "id" UUID NOT NULL,
    "screeningId" UUID NOT NULL,
    "flag" "VulnerabilityFlag" NOT NULL,
    "details" TEXT,
    "consentRecordedAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ScreeningFlag_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Assessment" (
    "id" UUID NOT NULL,
    "detentionId" UUID NOT NULL,
    "authorId" UUID NOT NULL,
    "interviewAt" TIMESTAMPTZ(3),
    "interviewMode" "InterviewMode",
    "interviewLanguage" TEXT,
    "interpreterUsed" BOOLEAN,
    "noInterviewReason" TEXT,
    "recommendedMeasures" "AtdMeasure"[],
    "riskOpinion" TEXT,
    "completedAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "Assessment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AssessmentNeed" (
    "id" UUID NOT NULL,
    "assessmentId" UUID NOT NULL,
    "area" "NeedArea" NOT NULL,
    "notes" TEXT,

    CONSTRAINT "AssessmentNeed_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AssessmentGround" (
    "id" UUID NOT NULL,
    "assessmentId" UUID NOT NULL,
    "ground" "DetentionGround" NOT NULL,
    "concern" TEXT,
    "mitigation" TEXT,

    CONSTRAINT "AssessmentGround_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReleasePlan" (
    "id" UUID NOT NULL,
    "detentionId" UUID NOT NULL,
    "status" "PlanStatus" NOT NULL DEFAULT 'DRAFTING',
    "measures" "AtdMeasure"[],
    "residenceAddress" TEXT,
    "residenceDetails" TEXT,
    "proposedConditions" TEXT,
    "statusChangedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "ReleasePlan_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PlanMitigation" (
    "id" UUID NOT NULL,
    "planId" UUID NOT NULL,
    "ground" "DetentionGround" NOT NULL,
    "mitigation" TEXT NOT NULL,

    CONSTRAINT "PlanMitigation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Bondsperson" (
    "id" UUID NOT NULL,
    "planId" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "relationship" TEXT NOT NULL,
    "phone" TEXT,
    "email" TEXT,
    "amountCents" INTEGER,
    "citizenOrPermanentResident" BOOLEAN NOT NULL DEFAULT false,
    "residesInCanada" BOOLEAN NOT NULL DEFAULT false,
    "noGuaranteeInDefault" BOOLEAN NOT NULL DEFAULT false,
    "confirmed" BOOLEAN NOT NULL DEFAULT false,
    "proposedById" UUID NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Bondsperson_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReleasePlanVersion" (
    "id" UUID NOT NULL,
    "planId" UUID NOT NULL,
    "version" INTEGER NOT NULL,
    "snapshot" JSONB NOT NULL,
    "changes" TEXT[],
    "changedById" UUID NOT NULL,
    "changedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ReleasePlanVersion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Task" (
    "id" UUID NOT NULL,
    "detentionId" UUID NOT NULL,
    "category" "TaskCategory" NOT NULL,
    "title" TEXT NOT NULL,
    "description" TEXT,
    "ownerId" UUID,
    "dueAt" TIMESTAMPTZ(3),
    "status" "TaskStatus" NOT NULL DEFAULT 'OPEN',
    "outcome" TEXT,
    "reviewId" UUID,
    "createdById" UUID NOT NULL,
    "completedAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "Task_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DetentionReview" (
    "id" UUID NOT NULL,
    "detentionId" UUID NOT NULL,
    "kind" "ReviewKind" NOT NULL,
    "dueBy" TIMESTAMPTZ(3) NOT NULL,
    "scheduledFor" TIMESTAMPTZ(3),
    "location" TEXT,
    "byVideo" BOOLEAN NOT NULL DEFAULT false,
    "startedOn" TIMESTAMPTZ(3),
    "concludedOn" TIMESTAMPTZ(3),
    "outcome" "ReviewOutcome",
    "early" BOOLEAN NOT NULL DEFAULT false,
    "notes" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "DetentionReview_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ServiceProvider" (
    "id" UUID NOT NULL,
    "organizationId" UUID NOT NULL,
    "kind" "ProviderKind" NOT NULL,
    "description" TEXT,
    "services" "ProviderService"[],
    "servesGenders" "Gender"[],
    "sogieAffirming" BOOLEAN NOT NULL DEFAULT false,
    "familiesWithChildren" BOOLEAN NOT NULL DEFAULT false,
    "minors" BOOLEAN NOT NULL DEFAULT false,
    "mentalHealthSupport" BOOLEAN NOT NULL DEFAULT false,
    "substanceUseSupport" BOOLEAN NOT NULL DEFAULT false,
    "riskLevelsAccepted" "RiskLevel"[],
    "languages" TEXT[],
    "region" TEXT NOT NULL,
    "spacesTotal" INTEGER NOT NULL DEFAULT 0,
    "spacesOpen" INTEGER NOT NULL DEFAULT 0,
    "capacityUpdatedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "contactName" TEXT,
    "contactEmail" TEXT,
    "contactPhone" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "ServiceProvider_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Consent" (
    "id" UUID NOT NULL,
    "detaineeId" UUID NOT NULL,
    "recipientOrgId" UUID NOT NULL,
    "purpose" TEXT NOT NULL,
    "fields" "ConsentField"[],
    "method" "ConsentMethod" NOT NULL,
    "interpreterLanguage" TEXT,
    "givenAt" TIMESTAMPTZ(3) NOT NULL,
    "recordedById" UUID NOT NULL,
    "withdrawnAt" TIMESTAMPTZ(3),
    "withdrawnById" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Consent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Referral" (
    "id" UUID NOT NULL,
    "detentionId" UUID NOT NULL,
    "providerId" UUID NOT NULL,
    "consentId" UUID,
    "status" "ReferralStatus" NOT NULL DEFAULT 'DRAFT',
    "declineReason" "DeclineReason",
    "declineDetails" TEXT,
    "packetFields" "ConsentField"[],
    "packet" JSONB,
    "createdById" UUID NOT NULL,
    "sentAt" TIMESTAMPTZ(3),
    "respondedAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "Referral_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReferralMessage" (
    "id" UUID NOT NULL,
    "referralId" UUID NOT NULL,
    "authorId" UUID NOT NULL,
    "body" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "readAt" TIMESTAMPTZ(3),

    CONSTRAINT "ReferralMessage_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Note" (
    "id" UUID NOT NULL,
    "detentionId" UUID NOT NULL,
    "authorId" UUID NOT NULL,
    "authorOrgId" UUID NOT NULL,
    "visibility" "NoteVisibility" NOT NULL,
    "body" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Note_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OutreachContact" (
    "id" UUID NOT NULL,
    "officeId" UUID NOT NULL,
    "cloId" UUID NOT NULL,
    "organizationName" TEXT NOT NULL,
    "providerId" UUID,
    "contactedOn" DATE NOT NULL,
    "topic" TEXT NOT NULL,
    "outcome" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "OutreachContact_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ResourceList" (
    "id" UUID NOT NULL,
    "officeId" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "ResourceList_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ResourceListItem" (
    "id" UUID NOT NULL,
    "listId" UUID NOT NULL,
    "providerId" UUID,
    "name" TEXT NOT NULL,
    "notes" TEXT,

    CONSTRAINT "ResourceListItem_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CalendarFeed" (
    "id" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "includeFullNames" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "revokedAt" TIMESTAMPTZ(3),

    CONSTRAINT "CalendarFeed_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AuditEvent" (
    "id" BIGSERIAL NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actorId" UUID,
    "sessionId" UUID,
    "action" TEXT NOT NULL,
    "entityType" TEXT NOT NULL,
    "entityId" TEXT,
    "detentionId" UUID,
    "metadata" JSONB,

    CONSTRAINT "AuditEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PolicySetting" (
    "key" TEXT NOT NULL,
    "value" JSONB NOT NULL,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,
    "updatedById" UUID,

    CONSTRAINT "PolicySetting_pkey" PRIMARY KEY ("key")
);

-- CreateIndex
CREATE INDEX "Organization_kind_region_idx" ON "Organization"("kind", "region");

-- CreateIndex
CREATE UNIQUE INDEX "Organization_kind_name_key" ON "Organization"("kind", "name");

-- CreateIndex
CREATE UNIQUE INDEX "User_email_key" ON "User"("email");

-- CreateIndex
CREATE INDEX "User_organizationId_role_idx" ON "User"("organizationId", "role");

-- CreateIndex
CREATE INDEX "UserSession_userId_idx" ON "UserSession"("userId");

-- CreateIndex
CREATE INDEX "SignInAttempt_accountKey_attemptedAt_idx" ON "SignInAttempt"("accountKey", "attemptedAt");

-- CreateIndex
CREATE INDEX "SignInAttempt_addressKey_attemptedAt_idx" ON "SignInAttempt"("addressKey", "attemptedAt");

-- CreateIndex
CREATE UNIQUE INDEX "Detainee_clientId_key" ON "Detainee"("clientId");

-- CreateIndex
CREATE INDEX "Detainee_familyName_givenName_idx" ON "Detainee"("familyName", "givenName");

-- CreateIndex
CREATE INDEX "Detainee_dateOfBirth_idx" ON "Detainee"("dateOfBirth");

-- CreateIndex
CREATE INDEX "Detainee_counselId_idx" ON "Detainee"("counselId");

-- CreateIndex
CREATE UNIQUE INDEX "Facility_name_key" ON "Facility"("name");

-- CreateIndex
CREATE UNIQUE INDEX "Detention_reference_key" ON "Detention"("reference");

-- CreateIndex
CREATE INDEX "Detention_officeId_status_nextReviewDueBy_idx" ON "Detention"("officeId", "status", "nextReviewDueBy");

-- CreateIndex
CREATE INDEX "Detention_officeId_detainedAt_idx" ON "Detention"("officeId", "detainedAt");

-- CreateIndex
CREATE INDEX "Detention_assignedCloId_status_idx" ON "Detention"("assignedCloId", "status");

-- CreateIndex
CREATE INDEX "Detention_detaineeId_idx" ON "Detention"("detaineeId");

-- CreateIndex
CREATE INDEX "Detention_status_nextReviewDueBy_idx" ON "Detention"("status", "nextReviewDueBy");

-- CreateIndex
CREATE INDEX "FacilityTransfer_detentionId_transferredAt_idx" ON "FacilityTransfer"("detentionId", "transferredAt");

-- CreateIndex
CREATE UNIQUE INDEX "Screening_detentionId_key" ON "Screening"("detentionId");

-- CreateIndex
CREATE INDEX "ScreeningFlag_flag_idx" ON "ScreeningFlag"("flag");

-- CreateIndex
CREATE UNIQUE INDEX "ScreeningFlag_screeningId_flag_key" ON "ScreeningFlag"("screeningId", "flag");

-- CreateIndex
CREATE UNIQUE INDEX "Assessment_detentionId_key" ON "Assessment"("detentionId");

-- CreateIndex
CREATE INDEX "Assessment_completedAt_idx" ON "Assessment"("completedAt");

-- CreateIndex
CREATE UNIQUE INDEX "AssessmentNeed_assessmentId_area_key" ON "AssessmentNeed"("assessmentId", "area");

-- CreateIndex
CREATE UNIQUE INDEX "AssessmentGround_assessmentId_ground_key" ON "AssessmentGround"("assessmentId", "ground");

-- CreateIndex
CREATE UNIQUE INDEX "ReleasePlan_detentionId_key" ON "ReleasePlan"("detentionId");

-- CreateIndex
CREATE INDEX "ReleasePlan_status_idx" ON "ReleasePlan"("status");

-- CreateIndex
CREATE UNIQUE INDEX "PlanMitigation_planId_ground_key" ON "PlanMitigation"("planId", "ground");

-- CreateIndex
CREATE INDEX "Bondsperson_planId_idx" ON "Bondsperson"("planId");

-- CreateIndex
CREATE UNIQUE INDEX "ReleasePlanVersion_planId_version_key" ON "ReleasePlanVersion"("planId", "version");

-- CreateIndex
CREATE INDEX "Task_ownerId_status_dueAt_idx" ON "Task"("ownerId", "status", "dueAt");

-- CreateIndex
CREATE INDEX "Task_detentionId_status_idx" ON "Task"("detentionId", "status");

-- CreateIndex
CREATE INDEX "DetentionReview_detentionId_startedOn_idx" ON "DetentionReview"("detentionId", "startedOn");

-- CreateIndex
CREATE INDEX "DetentionReview_scheduledFor_idx" ON "DetentionReview"("scheduledFor");

-- CreateIndex
CREATE UNIQUE INDEX "ServiceProvider_organizationId_key" ON "ServiceProvider"("organizationId");

-- CreateIndex
CREATE INDEX "ServiceProvider_region_kind_idx" ON "ServiceProvider"("region", "kind");

-- CreateIndex
CREATE INDEX "Consent_detaineeId_recipientOrgId_idx" ON "Consent"("detaineeId", "recipientOrgId");

-- CreateIndex
CREATE INDEX "Referral_providerId_status_sentAt_idx" ON "Referral"("providerId", "status", "sentAt");

-- CreateIndex
CREATE INDEX "Referral_detentionId_status_idx" ON "Referral"("detentionId", "status");

-- CreateIndex
CREATE INDEX "Referral_createdById_status_idx" ON "Referral"("createdById", "status");

-- CreateIndex
CREATE INDEX "ReferralMessage_referralId_createdAt_idx" ON "ReferralMessage"("referralId", "createdAt");

-- CreateIndex
CREATE INDEX "Note_detentionId_createdAt_idx" ON "Note"("detentionId", "createdAt");

-- CreateIndex
CREATE INDEX "OutreachContact_officeId_contactedOn_idx" ON "OutreachContact"("officeId", "contactedOn");

-- CreateIndex
CREATE INDEX "ResourceList_officeId_idx" ON "ResourceList"("officeId");

-- CreateIndex
CREATE INDEX "ResourceListItem_listId_idx" ON "ResourceListItem"("listId");

-- CreateIndex
CREATE UNIQUE INDEX "CalendarFeed_tokenHash_key" ON "CalendarFeed"("tokenHash");

-- CreateIndex
CREATE INDEX "CalendarFeed_userId_idx" ON "CalendarFeed"("userId");

-- CreateIndex
CREATE INDEX "AuditEvent_at_idx" ON "AuditEvent"("at");

-- CreateIndex
CREATE INDEX "AuditEvent_actorId_at_idx" ON "AuditEvent"("actorId", "at");

-- CreateIndex
CREATE INDEX "AuditEvent_detentionId_at_idx" ON "AuditEvent"("detentionId", "at");

-- CreateIndex
CREATE INDEX "AuditEvent_action_at_idx" ON "AuditEvent"("action", "at");

-- AddForeignKey
ALTER TABLE "User" ADD CONSTRAINT "User_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "UserSession" ADD CONSTRAINT "UserSession_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Detainee" ADD CONSTRAINT "Detainee_counselId_fkey" FOREIGN KEY ("counselId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Facility" ADD CONSTRAINT "Facility_officeId_fkey" FOREIGN KEY ("officeId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Detention" ADD CONSTRAINT "Detention_detaineeId_fkey" FOREIGN KEY ("detaineeId") REFERENCES "Detainee"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Detention" ADD CONSTRAINT "Detention_officeId_fkey" FOREIGN KEY ("officeId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Detention" ADD CONSTRAINT "Detention_facilityId_fkey" FOREIGN KEY ("facilityId") REFERENCES "Facility"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Detention" ADD CONSTRAINT "Detention_assignedCloId_fkey" FOREIGN KEY ("assignedCloId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FacilityTransfer" ADD CONSTRAINT "FacilityTransfer_detentionId_fkey" FOREIGN KEY ("detentionId") REFERENCES "Detention"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FacilityTransfer" ADD CONSTRAINT "FacilityTransfer_fromFacilityId_fkey" FOREIGN KEY ("fromFacilityId") REFERENCES "Facility"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FacilityTransfer" ADD CONSTRAINT "FacilityTransfer_toFacilityId_fkey" FOREIGN KEY ("toFacilityId") REFERENCES "Facility"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FacilityTransfer" ADD CONSTRAINT "FacilityTransfer_recordedById_fkey" FOREIGN KEY ("recordedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Screening" ADD CONSTRAINT "Screening_detentionId_fkey" FOREIGN KEY ("detentionId") REFERENCES "Detention"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Screening" ADD CONSTRAINT "Screening_recordedById_fkey" FOREIGN KEY ("recordedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ScreeningFlag" ADD CONSTRAINT "ScreeningFlag_screeningId_fkey" FOREIGN KEY ("screeningId") REFERENCES "Screening"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Assessment" ADD CONSTRAINT "Assessment_detentionId_fkey" FOREIGN KEY ("detentionId") REFERENCES "Detention"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Assessment" ADD CONSTRAINT "Assessment_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AssessmentNeed" ADD CONSTRAINT "AssessmentNeed_assessmentId_fkey" FOREIGN KEY ("assessmentId") REFERENCES "Assessment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AssessmentGround" ADD CONSTRAINT "AssessmentGround_assessmentId_fkey" FOREIGN KEY ("assessmentId") REFERENCES "Assessment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReleasePlan" ADD CONSTRAINT "ReleasePlan_detentionId_fkey" FOREIGN KEY ("detentionId") REFERENCES "Detention"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PlanMitigation" ADD CONSTRAINT "PlanMitigation_planId_fkey" FOREIGN KEY ("planId") REFERENCES "ReleasePlan"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Bondsperson" ADD CONSTRAINT "Bondsperson_planId_fkey" FOREIGN KEY ("planId") REFERENCES "ReleasePlan"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Bondsperson" ADD CONSTRAINT "Bondsperson_proposedById_fkey" FOREIGN KEY ("proposedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReleasePlanVersion" ADD CONSTRAINT "ReleasePlanVersion_planId_fkey" FOREIGN KEY ("planId") REFERENCES "ReleasePlan"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReleasePlanVersion" ADD CONSTRAINT "ReleasePlanVersion_changedById_fkey" FOREIGN KEY ("changedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Task" ADD CONSTRAINT "Task_detentionId_fkey" FOREIGN KEY ("detentionId") REFERENCES "Detention"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Task" ADD CONSTRAINT "Task_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Task" ADD CONSTRAINT "Task_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Task" ADD CONSTRAINT "Task_reviewId_fkey" FOREIGN KEY ("reviewId") REFERENCES "DetentionReview"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DetentionReview" ADD CONSTRAINT "DetentionReview_detentionId_fkey" FOREIGN KEY ("detentionId") REFERENCES "Detention"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ServiceProvider" ADD CONSTRAINT "ServiceProvider_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Consent" ADD CONSTRAINT "Consent_detaineeId_fkey" FOREIGN KEY ("detaineeId") REFERENCES "Detainee"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Consent" ADD CONSTRAINT "Consent_recipientOrgId_fkey" FOREIGN KEY ("recipientOrgId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Consent" ADD CONSTRAINT "Consent_recordedById_fkey" FOREIGN KEY ("recordedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Consent" ADD CONSTRAINT "Consent_withdrawnById_fkey" FOREIGN KEY ("withdrawnById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Referral" ADD CONSTRAINT "Referral_detentionId_fkey" FOREIGN KEY ("detentionId") REFERENCES "Detention"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Referral" ADD CONSTRAINT "Referral_providerId_fkey" FOREIGN KEY ("providerId") REFERENCES "ServiceProvider"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Referral" ADD CONSTRAINT "Referral_consentId_fkey" FOREIGN KEY ("consentId") REFERENCES "Consent"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Referral" ADD CONSTRAINT "Referral_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReferralMessage" ADD CONSTRAINT "ReferralMessage_referralId_fkey" FOREIGN KEY ("referralId") REFERENCES "Referral"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReferralMessage" ADD CONSTRAINT "ReferralMessage_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Note" ADD CONSTRAINT "Note_detentionId_fkey" FOREIGN KEY ("detentionId") REFERENCES "Detention"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Note" ADD CONSTRAINT "Note_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Note" ADD CONSTRAINT "Note_authorOrgId_fkey" FOREIGN KEY ("authorOrgId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OutreachContact" ADD CONSTRAINT "OutreachContact_officeId_fkey" FOREIGN KEY ("officeId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OutreachContact" ADD CONSTRAINT "OutreachContact_cloId_fkey" FOREIGN KEY ("cloId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OutreachContact" ADD CONSTRAINT "OutreachContact_providerId_fkey" FOREIGN KEY ("providerId") REFERENCES "ServiceProvider"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ResourceList" ADD CONSTRAINT "ResourceList_officeId_fkey" FOREIGN KEY ("officeId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ResourceListItem" ADD CONSTRAINT "ResourceListItem_listId_fkey" FOREIGN KEY ("listId") REFERENCES "ResourceList"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ResourceListItem" ADD CONSTRAINT "ResourceListItem_providerId_fkey" FOREIGN KEY ("providerId") REFERENCES "ServiceProvider"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CalendarFeed" ADD CONSTRAINT "CalendarFeed_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AuditEvent" ADD CONSTRAINT "AuditEvent_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
