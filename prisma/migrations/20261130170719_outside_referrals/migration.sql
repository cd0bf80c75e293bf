-- AlterTable
ALTER TABLE "Referral" ADD COLUMN     "answeredOn" DATE,
ADD COLUMN     "contactEmail" TEXT,
ADD COLUMN     "contactName" TEXT,
ADD COLUMN     "contactPhone" TEXT,
ADD COLUMN     "outside" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "ServiceProvider" ADD COLUMN     "listed" BOOLEAN NOT NULL DEFAULT true;
