import { getActor } from "@/lib/auth/session";
import { redirect } from "next/navigation";
import { isDatabaseUnavailable } from "@/lib/database-unavailable";
import { AppShell } from "@/components/shell/app-shell";
import { ServiceUnavailable } from "@/components/shell/service-unavailable";

export default async function SignedInLayout({ children }: { children: React.ReactNode }) {
  let actor;
  try {
    actor = await getActor();
  } catch (error) {
    // The database is unreachable: say so plainly instead of failing the page; it works again once the database is back.
    if (isDatabaseUnavailable(error)) return <ServiceUnavailable />;
    throw error;
  }
  if (!actor) redirect("/sign-in");
  // A failure further down (the database lost mid-page) reaches app/error.tsx, which says the same in plain words.
  return <AppShell actor={actor}>{children}</AppShell>;
}
