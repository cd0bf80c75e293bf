-- CreateEnum
CREATE TYPE "EmailState" AS ENUM ('NONE', 'PENDING', 'SENT', 'FAILED', 'DIGEST', 'DIGESTED');

-- CreateEnum
CREATE TYPE "NotificationChannel" AS ENUM ('IN_APP', 'EMAIL', 'DIGEST', 'OFF');

-- AlterTable
ALTER TABLE "Notification" ADD COLUMN     "emailAttempts" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "emailNextAt" TIMESTAMPTZ(3),
ADD COLUMN     "emailState" "EmailState" NOT NULL DEFAULT 'NONE',
ADD COLUMN     "emailedAt" TIMESTAMPTZ(3);

-- CreateTable
CREATE TABLE "NotificationSettings" (
    "userId" UUID NOT NULL,
    "channels" JSONB NOT NULL DEFAULT '{}',
    "digestHour" INTEGER NOT NULL DEFAULT 7,
    "timeZone" TEXT NOT NULL DEFAULT 'America/Toronto',
    "version" INTEGER NOT NULL DEFAULT 1,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "NotificationSettings_pkey" PRIMARY KEY ("userId")
);

-- CreateTable
CREATE TABLE "NotificationDigest" (
    "userId" UUID NOT NULL,
    "localDate" TEXT NOT NULL,
    "claimedAt" TIMESTAMPTZ(3) NOT NULL,
    "sentAt" TIMESTAMPTZ(3),
    "count" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "NotificationDigest_pkey" PRIMARY KEY ("userId","localDate")
);

-- CreateIndex
CREATE INDEX "Notification_emailState_emailNextAt_idx" ON "Notification"("emailState", "emailNextAt");

-- AddForeignKey
ALTER TABLE "NotificationSettings" ADD CONSTRAINT "NotificationSettings_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "NotificationDigest" ADD CONSTRAINT "NotificationDigest_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
