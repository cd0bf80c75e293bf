-- DropIndex
DROP INDEX "ResourceListItem_listId_idx";

-- AlterTable
ALTER TABLE "ResourceListItem" ADD COLUMN     "position" INTEGER NOT NULL DEFAULT 0;

-- Existing items keep the order they were shown in (by name, then id), numbered from 0 within each list.
UPDATE "ResourceListItem" AS item
SET "position" = ordered.place
FROM (SELECT id, (row_number() OVER (PARTITION BY "listId" ORDER BY name, id) - 1)::int AS place FROM "ResourceListItem") AS ordered
WHERE ordered.id = item.id;

-- CreateIndex
CREATE INDEX "ResourceListItem_listId_position_idx" ON "ResourceListItem"("listId", "position");
