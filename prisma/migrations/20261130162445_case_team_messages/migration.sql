-- AlterEnum
ALTER TYPE "NotificationKind" ADD VALUE 'TEAM_MESSAGE';

-- CreateTable
CREATE TABLE "CaseMessage" (
    "id" UUID NOT NULL,
    "detentionId" UUID NOT NULL,
    "authorId" UUID NOT NULL,
    "authorOrgId" UUID NOT NULL,
    "body" TEXT NOT NULL,
    "clientToken" UUID NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CaseMessage_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CaseMessageAudience" (
    "messageId" UUID NOT NULL,
    "organizationId" UUID NOT NULL,

    CONSTRAINT "CaseMessageAudience_pkey" PRIMARY KEY ("messageId","organizationId")
);

-- CreateIndex
CREATE INDEX "CaseMessage_detentionId_createdAt_idx" ON "CaseMessage"("detentionId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "CaseMessage_authorId_clientToken_key" ON "CaseMessage"("authorId", "clientToken");

-- CreateIndex
CREATE INDEX "CaseMessageAudience_organizationId_idx" ON "CaseMessageAudience"("organizationId");

-- AddForeignKey
ALTER TABLE "CaseMessage" ADD CONSTRAINT "CaseMessage_detentionId_fkey" FOREIGN KEY ("detentionId") REFERENCES "Detention"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CaseMessage" ADD CONSTRAINT "CaseMessage_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CaseMessage" ADD CONSTRAINT "CaseMessage_authorOrgId_fkey" FOREIGN KEY ("authorOrgId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CaseMessageAudience" ADD CONSTRAINT "CaseMessageAudience_messageId_fkey" FOREIGN KEY ("messageId") REFERENCES "CaseMessage"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CaseMessageAudience" ADD CONSTRAINT "CaseMessageAudience_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
