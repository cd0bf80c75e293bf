-- CreateEnum
CREATE TYPE "DocumentSharing" AS ENUM ('OWN_ORGANISATION', 'CASE_TEAM');

-- CreateTable
CREATE TABLE "Document" (
    "id" UUID NOT NULL,
    "detentionId" UUID NOT NULL,
    "authorId" UUID NOT NULL,
    "authorOrgId" UUID NOT NULL,
    "fileName" TEXT NOT NULL,
    "contentType" TEXT NOT NULL,
    "sizeBytes" INTEGER NOT NULL,
    "sha256" TEXT NOT NULL,
    "storageKey" TEXT NOT NULL,
    "sharing" "DocumentSharing" NOT NULL,
    "bondspersonId" UUID,
    "referralId" UUID,
    "mitigationGround" "DetentionGround",
    "measure" "AtdMeasure",
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Document_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DocumentShare" (
    "documentId" UUID NOT NULL,
    "organizationId" UUID NOT NULL,

    CONSTRAINT "DocumentShare_pkey" PRIMARY KEY ("documentId","organizationId")
);

-- CreateTable
CREATE TABLE "DocumentContent" (
    "key" TEXT NOT NULL,
    "bytes" BYTEA NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "DocumentContent_pkey" PRIMARY KEY ("key")
);

-- CreateIndex
CREATE UNIQUE INDEX "Document_storageKey_key" ON "Document"("storageKey");

-- CreateIndex
CREATE INDEX "Document_detentionId_createdAt_idx" ON "Document"("detentionId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "Document_detentionId_authorOrgId_sha256_key" ON "Document"("detentionId", "authorOrgId", "sha256");

-- CreateIndex
CREATE INDEX "DocumentShare_organizationId_idx" ON "DocumentShare"("organizationId");

-- AddForeignKey
ALTER TABLE "Document" ADD CONSTRAINT "Document_detentionId_fkey" FOREIGN KEY ("detentionId") REFERENCES "Detention"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Document" ADD CONSTRAINT "Document_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Document" ADD CONSTRAINT "Document_authorOrgId_fkey" FOREIGN KEY ("authorOrgId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Document" ADD CONSTRAINT "Document_bondspersonId_fkey" FOREIGN KEY ("bondspersonId") REFERENCES "Bondsperson"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Document" ADD CONSTRAINT "Document_referralId_fkey" FOREIGN KEY ("referralId") REFERENCES "Referral"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DocumentShare" ADD CONSTRAINT "DocumentShare_documentId_fkey" FOREIGN KEY ("documentId") REFERENCES "Document"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DocumentShare" ADD CONSTRAINT "DocumentShare_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
