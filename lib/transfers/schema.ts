import { z } from "zod";
import { calendarDate, clockTime } from "@/lib/validation/dates";

const uuid = z.uuid({ message: "invalidChoice" });
const version = z.coerce.number({ message: "invalid" }).int().min(1);

/**
 * Record a transfer of a detained person to another facility. The date and time are read on the clock of the
 * facility the person is leaving (the one the case shows now); the data layer checks the rest (lib/transfers/rules.ts).
 */
export const recordTransferSchema = z.object({
  detentionId: uuid,
  version,
  toFacilityId: uuid,
  transferredOn: calendarDate({ notAfter: "today" }),
  transferredAtTime: clockTime(),
});
export type RecordTransferInput = z.infer<typeof recordTransferSchema>;
