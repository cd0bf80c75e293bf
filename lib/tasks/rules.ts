import { endOfLocalDay } from "@/lib/reviews/rules";

/** A task is due by the end of its due date on the facility's calendar, like the review deadlines. */
export function taskDueAt(dueOn: string, timeZone: string): Date {
  return endOfLocalDay(new Date(`${dueOn}T12:00:00Z`), timeZone);
}

/** Whether a task still needs doing. */
export function taskIsOpen(status: string): boolean {
  return status === "OPEN" || status === "IN_PROGRESS";
}

/** Overdue: still open and past its due time. */
export function taskOverdue(task: { status: string; dueAt: Date | null }, now: Date): boolean {
  return taskIsOpen(task.status) && task.dueAt !== null && task.dueAt.getTime() < now.getTime();
}
