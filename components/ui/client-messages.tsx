import { NextIntlClientProvider } from "next-intl";
import { getMessages } from "next-intl/server";
import { pickMessages } from "@/lib/i18n/pick";

/**
 * Gives the client components below it the message namespaces they read, and only those: without it, every page
 * would serialise the whole catalogue (about 140 KB of JSON) into its HTML. Nested providers replace, not merge, so
 * a list stands alone: it names every namespace read by a client component rendered below it.
 */
export async function ClientMessages({ namespaces, children }: { namespaces: readonly string[]; children: React.ReactNode }) {
  const messages = (await getMessages()) as Record<string, unknown>;
  return <NextIntlClientProvider messages={pickMessages(messages, namespaces)}>{children}</NextIntlClientProvider>;
}

/**
 * A page whose client components read messages is declared through this:
 * `export default withClientMessages(["form", "signIn"], async function SignInPage() { … })`, listing exactly the
 * namespaces of the client components it imports, directly or through server components.
 * tests/unit/client-messages.test.ts derives that list from the import graph and fails when it differs, so a form
 * added to a page without its namespace (which would show keys instead of text) fails before it ships.
 */
export function withClientMessages<Props extends object>(namespaces: readonly string[], Page: (props: Props) => React.ReactNode | Promise<React.ReactNode>) {
  async function PageWithClientMessages(props: Props) {
    return <ClientMessages namespaces={namespaces}>{await Page(props)}</ClientMessages>;
  }
  return PageWithClientMessages;
}
