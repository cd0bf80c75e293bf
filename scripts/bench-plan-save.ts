/**
 * Part of `npm run bench`: times the release-plan save (lib/release-plans/mutations.ts#savePlan, the function the
 * plan form's server action calls) against DATABASE_URL: a transaction with the version check, the plan update,
 * its mitigations and a ReleasePlanVersion row with the audit event. Run with --conditions=react-server so the
 * "server-only" guard resolves as it does inside Next. Prints median_ms=… for the bench to read.
 */
import { randomUUID } from "node:crypto";
import pg from "pg";
import { createPlan, savePlan } from "@/lib/release-plans/mutations";
import { planFormSchema } from "@/lib/release-plans/schema";
import type { Actor } from "@/lib/authz";

const SAVES = 40;

async function main() {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  const user = (await client.query(`SELECT u.id, u.name, u.role, o.id AS org_id, o.kind, o.name AS org_name FROM "User" u JOIN "Organization" o ON o.id = u."organizationId" WHERE u.email = 'clo.toronto@liaison.example'`)).rows[0];
  const detention = (await client.query(`SELECT id FROM "Detention" WHERE "officeId" = $1 AND status = 'DETAINED' ORDER BY "detainedAt" DESC LIMIT 1`, [user.org_id])).rows[0];
  const actor: Actor = { userId: user.id, sessionId: randomUUID(), name: user.name, role: user.role, organizationId: user.org_id, organizationKind: user.kind, organizationName: user.org_name };

  await createPlan(actor, { detentionId: detention.id }); // refused harmlessly when the case already has a plan
  let version: number = (await client.query(`SELECT version FROM "ReleasePlan" WHERE "detentionId" = $1`, [detention.id])).rows[0].version;
  await client.end();
  const durations: number[] = [];
  for (let i = 0; i < SAVES; i += 1) {
    const started = performance.now();
    const form = planFormSchema.parse({ detentionId: detention.id, version, measures: ["VOICE_REPORTING"], proposedConditions: `Report weekly (bench ${i})` });
    const result = await savePlan(actor, form);
    durations.push(performance.now() - started);
    if (!result.ok) throw new Error(`save refused: ${JSON.stringify(result)}`);
    version = result.version;
  }
  durations.sort((a, b) => a - b);
  console.log(`saves=${SAVES} median_ms=${durations[Math.floor(SAVES / 2)]!.toFixed(2)}`);
  process.exit(0);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
