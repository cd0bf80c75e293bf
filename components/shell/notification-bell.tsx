"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { useEffect, useState } from "react";

type Labels = { title: string; unreadOne: string; unreadOther: string };

/**
 * The bell: a link to the notification centre with the unread count. The shell is a layout, which the router keeps
 * across navigations, so the count is fetched again whenever the path changes (no full reload needed).
 */
export function NotificationBell({ initialUnread, labels }: { initialUnread: number; labels: Labels }) {
  const pathname = usePathname();
  const [unread, setUnread] = useState(initialUnread);

  useEffect(() => {
    const controller = new AbortController();
    fetch("/api/notifications/unread", { signal: controller.signal, cache: "no-store" })
      .then((response) => (response.ok ? (response.json() as Promise<{ unread: number }>) : null))
      .then((body) => {
        if (body && Number.isInteger(body.unread)) setUnread(body.unread);
      })
      .catch(() => {
        // Offline or navigating away: keep the last count.
      });
    return () => controller.abort();
  }, [pathname]);

  const unreadText = (unread === 1 ? labels.unreadOne : labels.unreadOther).replace("{count}", String(unread));
  return (
    <Link
      href="/notifications"
      aria-current={pathname === "/notifications" ? "page" : undefined}
      className="inline-flex items-center gap-2 rounded border border-white/70 px-2 py-1 hover:bg-white/10"
    >
      <span>{labels.title}</span>
      {unread > 0 ? (
        <>
          <span aria-hidden="true" className="rounded-full bg-amber-300 px-2 text-xs font-bold text-slate-900">
            {unread}
          </span>
          <span className="sr-only">{unreadText}</span>
        </>
      ) : null}
    </Link>
  );
}
