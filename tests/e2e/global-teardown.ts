import { existsSync, readFileSync } from "node:fs";
import { DEMO_USERS, FAMILY_NAMES, GIVEN_NAMES } from "@/prisma/seed/demo";
import { SERVER_LOG } from "./server-log";

/**
 * No personal data in application logs (issue 6): after the whole e2e suite, the app server's output must
 * not contain any seeded person's or user's name or any demo e-mail address.
 */
export default async function globalTeardown() {
  if (!existsSync(SERVER_LOG)) {
    // A developer's reused local server writes no log here; CI always starts its own.
    if (process.env.CI) throw new Error(`The e2e server log ${SERVER_LOG} is missing.`);
    return;
  }
  const log = readFileSync(SERVER_LOG, "utf8");
  const names = [...GIVEN_NAMES.map(([name]) => name), ...FAMILY_NAMES, ...DEMO_USERS.flatMap((user) => [user.name, user.email])];
  const found = [...new Set(names.filter((name) => new RegExp(`\\b${name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}\\b`, "u").test(log)))];
  if (found.length > 0) throw new Error(`Personal data in the application log (${SERVER_LOG}): ${found.join(", ")}`);
  console.log(`Application log checked for ${names.length} seeded names and addresses: none found (${log.length} characters).`);
}
