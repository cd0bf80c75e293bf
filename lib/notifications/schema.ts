import { z } from "zod";

export const markNotificationReadSchema = z.object({ notificationId: z.uuid({ message: "invalidChoice" }) });
export const markAllNotificationsReadSchema = z.object({});
