-- Counsel of record propose an option (a provider, or a program outside the directory): the case's CLO is told.
-- AlterEnum (in the schema's order)
ALTER TYPE "NotificationKind" ADD VALUE 'OPTION_PROPOSED' BEFORE 'COUNSEL_REQUESTED';
