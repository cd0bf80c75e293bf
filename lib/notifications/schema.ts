import { z } from "zod";
import type { NotificationKind } from "@/lib/generated/prisma/enums";
import { CHANNELS, ESCALATION_KINDS, NOTIFICATION_KINDS, isTimeZone, type ChosenChannels } from "@/lib/notifications/preferences-rules";

export const markNotificationReadSchema = z.object({ notificationId: z.uuid({ message: "invalidChoice" }) });
export const markAllNotificationsReadSchema = z.object({});

/**
 * The preferences form: a channel per kind (a select named channel_<KIND>), the digest's local hour and the user's
 * time zone. An escalation cannot be off: refused here with the field named, and again by the mutation.
 */
const channelFields = Object.fromEntries(NOTIFICATION_KINDS.map((kind) => [`channel_${kind}`, z.enum(CHANNELS, { message: "invalidChoice" }).optional()])) as Record<
  `channel_${NotificationKind}`,
  z.ZodOptional<z.ZodEnum<{ [C in (typeof CHANNELS)[number]]: C }>>
>;

export const saveNotificationPreferencesSchema = z
  .object({
    version: z.coerce.number({ message: "invalidChoice" }).int().min(0).max(2_147_483_647),
    digestHour: z.coerce.number({ message: "invalidChoice" }).int({ message: "invalidChoice" }).min(0, { message: "invalidChoice" }).max(23, { message: "invalidChoice" }),
    timeZone: z
      .string({ message: "required" })
      .trim()
      .min(1, { message: "required" })
      .max(64, { message: "timeZoneUnknown" })
      .refine((value) => isTimeZone(value), { message: "timeZoneUnknown" }),
    ...channelFields,
  })
  .superRefine((input, context) => {
    for (const kind of ESCALATION_KINDS) {
      if (input[`channel_${kind}`] === "OFF") context.addIssue({ code: "custom", path: [`channel_${kind}`], message: "escalationCannotBeOff" });
    }
  })
  .transform((input) => {
    const channels: ChosenChannels = {};
    for (const kind of NOTIFICATION_KINDS) {
      const channel = input[`channel_${kind}`];
      if (channel) channels[kind] = channel;
    }
    return { version: input.version, digestHour: input.digestHour, timeZone: input.timeZone, channels };
  });
export type SaveNotificationPreferencesInput = z.output<typeof saveNotificationPreferencesSchema>;
