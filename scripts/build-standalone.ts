/**
 * `npm run build:standalone`: the production build (made again only when a source changed) completed into a folder
 * that runs on its own, <distDir>/standalone (scripts/support/standalone.ts). The Dockerfile's build stage runs this,
 * and the deployment smoke test (tests/e2e/deployment.spec.ts) serves what it produces.
 */
import { ensureProductionBuild } from "./support/next-server";
import { assembleStandalone } from "./support/standalone";

try {
  ensureProductionBuild();
  const { directory, server, migrate, worker } = assembleStandalone();
  console.log(`Standalone build ready in ${directory}:`);
  console.log(`  node ${migrate}   (release step: applies the migrations to DATABASE_URL)`);
  console.log(`  node ${server}   (serves on PORT, default 3000, with WEB_CONCURRENCY worker processes)`);
  console.log(`  node ${worker}   (the job runner alone, where the app runs with LIAISON_JOBS=off)`);
} catch (error) {
  console.error("The standalone build failed:", error instanceof Error ? error.message : error);
  process.exit(1);
}
