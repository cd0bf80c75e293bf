/**
 * A nudge to the e-mail job right after a notification to e-mail is written, so it goes out within seconds rather
 * than at the next minutely sweep. The job runner (lib/jobs/runner.ts) registers the nudge when it starts in this
 * process; without it (a separate `npm run worker`), the sweep alone delivers. The nudge runs a moment later, after
 * the writing transaction has committed in the usual case; a nudge that comes too early finds nothing, and the
 * sweep sends it. Kept on globalThis: Next.js bundles instrumentation and routes as separate module instances.
 */
const KICK_DELAY_MS = 1_000;

const holder = globalThis as unknown as { liaisonEmailKick?: () => void; liaisonEmailKickTimer?: ReturnType<typeof setTimeout> | null };

export function registerEmailKick(kick: (() => void) | null) {
  holder.liaisonEmailKick = kick ?? undefined;
}

export function kickEmailDelivery() {
  const kick = holder.liaisonEmailKick;
  if (!kick || holder.liaisonEmailKickTimer) return;
  const timer = setTimeout(() => {
    holder.liaisonEmailKickTimer = null;
    kick();
  }, KICK_DELAY_MS);
  timer.unref?.();
  holder.liaisonEmailKickTimer = timer;
}
