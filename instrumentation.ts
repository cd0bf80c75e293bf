import { validRequestId, REQUEST_ID_HEADER } from "@/lib/request-id-header";

/**
 * Next.js calls this for every error a page, route handler, server action or the proxy did not handle. It logs one
 * line with what identifies the error and never its message: a message may quote data (Prisma's quoted the call's
 * arguments; lib/db.ts now replaces those with codes, see lib/database-error.ts). The route is the pattern
 * (/cases/[id]), not the path, whose query string may hold a searched name.
 */
export function onRequestError(error: unknown, request: Readonly<{ headers: NodeJS.Dict<string | string[]> }>, context: Readonly<{ routePath: string; routeType: string }>) {
  const details = (error && typeof error === "object" ? error : {}) as { code?: unknown; digest?: unknown; name?: unknown };
  const code = typeof details.code === "string" && /^[A-Z0-9_]{1,40}$/.test(details.code) ? details.code : "none";
  const digest = typeof details.digest === "string" && /^[\w-]{1,64}$/.test(details.digest) ? details.digest : "none";
  const name = typeof details.name === "string" && /^\w{1,60}$/.test(details.name) ? details.name : "Error";
  const requestId = validRequestId(request.headers[REQUEST_ID_HEADER]) ?? "none";
  console.error(`request error ${name} code=${code} digest=${digest} route=${context.routeType}:${context.routePath} request=${requestId}`);
}

const JOB_RUNNER_RETRY_MS = 30_000;

/**
 * Next.js calls this once when the server starts: the job runner (reminders, e-mail and digests, retention) starts
 * inside the app process unless LIAISON_JOBS=off (a deployment that runs `npm run worker` separately). If the database
 * is not reachable yet, it tries again every 30 seconds; the app serves pages meanwhile.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.LIAISON_JOBS === "off") return;
  const { startJobRunner } = await import("@/lib/jobs/runner");
  const attempt = () => {
    startJobRunner().catch(() => {
      console.error("[jobs] the job runner could not start; retrying in 30 s");
      setTimeout(attempt, JOB_RUNNER_RETRY_MS).unref();
    });
  };
  attempt();
}
