import { DEMO_PASSWORD, DEMO_USERS } from "./demo";

/** The demo accounts as printed after seeding: e-mail addresses and roles only, and the shared demo password. */
export function demoAccountsText(): string {
  const width = Math.max(...DEMO_USERS.map((user) => user.email.length));
  const lines = DEMO_USERS.map((user) => `  ${user.email.padEnd(width)}  ${user.role}`);
  return [`Demo accounts (password for all: ${DEMO_PASSWORD}):`, ...lines].join("\n");
}
