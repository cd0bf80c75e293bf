/** One POST to next-auth's credentials endpoint, as the browser's sign-in form makes it (with extra headers if given). */
export async function postCredentials(base: string, email: string, password: string, headers: Record<string, string> = {}): Promise<Response> {
  const csrfResponse = await fetch(`${base}/api/auth/csrf`);
  const { csrfToken } = (await csrfResponse.json()) as { csrfToken: string };
  const csrfCookie = csrfResponse.headers.getSetCookie().map((cookie) => cookie.split(";")[0]).join("; ");
  return fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Cookie: csrfCookie, ...headers },
    body: new URLSearchParams({ csrfToken, email, password, json: "true" }),
  });
}

/** Signs in through next-auth's credentials endpoint over HTTP, as the browser does, and returns the session cookie. */
export async function signInOverHttp(base: string, email: string, password = "Liaison-demo-2026"): Promise<string> {
  const response = await postCredentials(base, email, password);
  const session = response.headers.getSetCookie().find((cookie) => cookie.startsWith("liaison.session="));
  if (!session) throw new Error(`Could not sign in as ${email} (status ${response.status}).`);
  return session.split(";")[0]!;
}
