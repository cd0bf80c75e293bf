import { redirect } from "next/navigation";
import { homePath } from "@/lib/authz";
import { requireActor } from "@/lib/auth/session";

export default async function Home() {
  const actor = await requireActor();
  redirect(homePath(actor.role));
}
