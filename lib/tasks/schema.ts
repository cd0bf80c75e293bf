import { z } from "zod";
import { optionalCalendarDate } from "@/lib/validation/dates";
import { lineText, optionalParagraphText } from "@/lib/validation/text";

export const TASK_CATEGORIES = ["PROPERTY_ACCESS", "COMMUNICATION", "DOCUMENTS", "OTHER_AGENCY", "TRANSPORT", "FUNDS", "HOUSING", "DISCLOSURE", "OTHER"] as const;
export const TASK_STATUSES = ["OPEN", "IN_PROGRESS", "DONE", "CANCELLED"] as const;

const uuid = z.uuid({ message: "invalidChoice" });
const optionalText = optionalParagraphText;

const taskFields = {
  category: z.enum(TASK_CATEGORIES, { message: "invalidChoice" }),
  title: lineText(300).min(1, "required"),
  description: optionalText(4000),
  ownerId: z.union([z.literal(""), uuid]).transform((value) => (value === "" ? null : value)),
  // A due date (YYYY-MM-DD): due by the end of that day in the facility's zone.
  dueOn: optionalCalendarDate(),
  status: z.enum(TASK_STATUSES, { message: "invalidChoice" }),
  outcome: optionalText(4000),
};

export const createTaskSchema = z.object({ detentionId: uuid, ...taskFields });
export const updateTaskSchema = z.object({ taskId: uuid, version: z.coerce.number({ message: "invalid" }).int().min(1), ...taskFields });
export type CreateTaskInput = z.infer<typeof createTaskSchema>;
export type UpdateTaskInput = z.infer<typeof updateTaskSchema>;
