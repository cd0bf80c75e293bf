-- CreateEnum
CREATE TYPE "NotificationKind" AS ENUM ('REFERRAL_RECEIVED', 'REFERRAL_ANSWERED', 'REFERRAL_MESSAGE', 'CONSENT_WITHDRAWN', 'BONDSPERSON_PROPOSED', 'COUNSEL_REQUESTED', 'CASE_ASSIGNED', 'PERSON_RELEASED', 'PERSON_TRANSFERRED', 'PERSON_REMOVED', 'REVIEW_DUE_SOON', 'REVIEW_OVERDUE', 'DISCLOSURE_DUE', 'ASSESSMENT_DUE_SOON', 'ASSESSMENT_OVERDUE', 'TASK_DUE_TOMORROW', 'TASK_OVERDUE');

-- CreateTable
CREATE TABLE "Notification" (
    "id" UUID NOT NULL,
    "recipientId" UUID NOT NULL,
    "kind" "NotificationKind" NOT NULL,
    "key" TEXT NOT NULL,
    "auditEventId" BIGINT,
    "detentionId" UUID,
    "reference" TEXT,
    "path" TEXT NOT NULL,
    "params" JSONB,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "readAt" TIMESTAMPTZ(3),

    CONSTRAINT "Notification_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Notification_recipientId_createdAt_idx" ON "Notification"("recipientId", "createdAt");

-- CreateIndex
CREATE INDEX "Notification_createdAt_idx" ON "Notification"("createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "Notification_recipientId_key_key" ON "Notification"("recipientId", "key");

-- AddForeignKey
ALTER TABLE "Notification" ADD CONSTRAINT "Notification_recipientId_fkey" FOREIGN KEY ("recipientId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
CREATE INDEX "Notification_unread_idx" ON "Notification"("recipientId") WHERE "readAt" IS NULL;
