import { headers } from "next/headers";

// Reads the request's headers, so the page is rendered per request like every Liaison page (each carries a CSP nonce).
export default async function Page() {
  const agent = (await headers()).get("user-agent") ?? "";
  return <h1>Bare Next.js page ({agent.length})</h1>;
}
