import { endOfLocalDate } from "@/lib/time/facility-clock";

/** A task is due by the end of its due date on the facility's calendar, like the review deadlines. */
export function taskDueAt(dueOn: string, timeZone: string): Date {
  const dueAt = endOfLocalDate(dueOn, timeZone);
  // The task schema accepts only real calendar dates: anything else here is a programming error.
  if (!dueAt) throw new RangeError("The task's due date is not a calendar date.");
  return dueAt;
}

/** Whether a task still needs doing. */
export function taskIsOpen(status: string): boolean {
  return status === "OPEN" || status === "IN_PROGRESS";
}

/** Overdue: still open and past its due time. */
export function taskOverdue(task: { status: string; dueAt: Date | null }, now: Date): boolean {
  return taskIsOpen(task.status) && task.dueAt !== null && task.dueAt.getTime() < now.getTime();
}
