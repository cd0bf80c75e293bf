-- The assessment deadline was stored, computed from every screening flag of the case. Its basis depends on
-- the flags the viewer may see (trafficking indicators are visible only to the assigned CLO, supervisors and
-- counsel of record), so a single stored value revealed a hidden flag to the other CLOs of the office. It is
-- now computed on read from the viewer's flags (lib/assessments/rules.ts assessmentDeadline). Nothing is lost:
-- the column held only a value derived from the detention, its screening and its reviews.
ALTER TABLE "Detention" DROP COLUMN "assessmentDueBy";
