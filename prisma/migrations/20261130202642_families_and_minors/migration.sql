-- CreateEnum
CREATE TYPE "ResourceListTopic" AS ENUM ('GENERAL', 'FAMILIES_AND_MINORS');

-- CreateEnum
CREATE TYPE "ResourceListSharing" AS ENUM ('OFFICE', 'NAMED_OFFICES', 'ALL_OFFICES');

-- CreateEnum
CREATE TYPE "ChildAgeBand" AS ENUM ('UNDER_5', 'AGE_5_TO_11', 'AGE_12_TO_15', 'AGE_16_TO_17');

-- CreateEnum
CREATE TYPE "ChildWhereabouts" AS ENUM ('DETAINED_WITH_PARENT', 'HOUSED_WITH_PARENT', 'IN_THE_COMMUNITY', 'OUTSIDE_CANADA', 'UNKNOWN');

-- CreateEnum
CREATE TYPE "ChildCareArrangement" AS ENUM ('DETAINED_PARENT', 'OTHER_PARENT', 'RELATIVE_OR_FAMILY_FRIEND', 'CHILD_WELFARE_AGENCY', 'NONE_IDENTIFIED', 'OTHER');

-- AlterTable
ALTER TABLE "ResourceList" ADD COLUMN     "retiredAt" TIMESTAMPTZ(3),
ADD COLUMN     "sharing" "ResourceListSharing" NOT NULL DEFAULT 'OFFICE',
ADD COLUMN     "topic" "ResourceListTopic" NOT NULL DEFAULT 'GENERAL';

-- CreateTable
CREATE TABLE "ResourceListShare" (
    "listId" UUID NOT NULL,
    "officeId" UUID NOT NULL,

    CONSTRAINT "ResourceListShare_pkey" PRIMARY KEY ("listId","officeId")
);

-- CreateTable
CREATE TABLE "FamilyGroup" (
    "id" UUID NOT NULL,
    "officeId" UUID NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "FamilyGroup_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "FamilyGroupMember" (
    "id" UUID NOT NULL,
    "groupId" UUID NOT NULL,
    "detentionId" UUID NOT NULL,
    "addedById" UUID NOT NULL,
    "addedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "FamilyGroupMember_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "BestInterestsRecord" (
    "id" UUID NOT NULL,
    "detentionId" UUID NOT NULL,
    "ageBand" "ChildAgeBand" NOT NULL,
    "whereabouts" "ChildWhereabouts" NOT NULL,
    "careArrangement" "ChildCareArrangement" NOT NULL,
    "considerations" TEXT NOT NULL,
    "recordedById" UUID NOT NULL,
    "recordedAt" TIMESTAMPTZ(3) NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "BestInterestsRecord_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ResourceListShare_officeId_idx" ON "ResourceListShare"("officeId");

-- CreateIndex
CREATE INDEX "FamilyGroup_officeId_idx" ON "FamilyGroup"("officeId");

-- CreateIndex
CREATE UNIQUE INDEX "FamilyGroupMember_detentionId_key" ON "FamilyGroupMember"("detentionId");

-- CreateIndex
CREATE INDEX "FamilyGroupMember_groupId_idx" ON "FamilyGroupMember"("groupId");

-- CreateIndex
CREATE UNIQUE INDEX "BestInterestsRecord_detentionId_key" ON "BestInterestsRecord"("detentionId");

-- CreateIndex
CREATE INDEX "ResourceList_topic_sharing_idx" ON "ResourceList"("topic", "sharing");

-- AddForeignKey
ALTER TABLE "ResourceListShare" ADD CONSTRAINT "ResourceListShare_listId_fkey" FOREIGN KEY ("listId") REFERENCES "ResourceList"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ResourceListShare" ADD CONSTRAINT "ResourceListShare_officeId_fkey" FOREIGN KEY ("officeId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FamilyGroup" ADD CONSTRAINT "FamilyGroup_officeId_fkey" FOREIGN KEY ("officeId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FamilyGroupMember" ADD CONSTRAINT "FamilyGroupMember_groupId_fkey" FOREIGN KEY ("groupId") REFERENCES "FamilyGroup"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FamilyGroupMember" ADD CONSTRAINT "FamilyGroupMember_detentionId_fkey" FOREIGN KEY ("detentionId") REFERENCES "Detention"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FamilyGroupMember" ADD CONSTRAINT "FamilyGroupMember_addedById_fkey" FOREIGN KEY ("addedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BestInterestsRecord" ADD CONSTRAINT "BestInterestsRecord_detentionId_fkey" FOREIGN KEY ("detentionId") REFERENCES "Detention"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BestInterestsRecord" ADD CONSTRAINT "BestInterestsRecord_recordedById_fkey" FOREIGN KEY ("recordedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
