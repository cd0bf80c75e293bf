-- Indexes for a decade of national data (issue 17: each page's median at 500,000 detentions within 25% of 50,000).

-- Search by a case reference's prefix ("LTOR-0001"): a btree on upper(reference) answers `upper(reference) LIKE
-- 'PREFIX%'` as a range scan, whose cost is the references that match (0.4 ms at 500,000 detentions). The trigram
-- index of migration search_index took 18 ms for that prefix there and grows with the table. text_pattern_ops makes
-- the range valid under any collation. lib/search/queries.ts writes exactly this expression.
CREATE INDEX "Detention_search_reference_prefix" ON "Detention" (upper("reference") text_pattern_ops);

-- Reports (lib/reports/queries.ts scopedDetentions): an office's detentions that began within the dates, with the
-- columns the report reads carried in the index, so the period's rows come from an index-only scan instead of one
-- heap page each (13,400 pages for the Toronto office's last year at 500,000 detentions, the office's rows being
-- spread over the whole table). Same name and leading columns as before, so every query that used it still does.
-- (Key columns rather than INCLUDE: Prisma's schema describes only those.)
DROP INDEX "Detention_officeId_detainedAt_idx";
CREATE INDEX "Detention_officeId_detainedAt_idx" ON "Detention"("officeId", "detainedAt", "id", "assignedCloId", "detaineeId", "releasedAt", "status", "releaseType", "nextReviewDueBy");
