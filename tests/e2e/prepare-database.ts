/**
 * Migrates and seeds the database named on the command line. Run with tsx by e2e specs that need a database of
 * their own: Playwright cannot load the generated Prisma client (it is an ES module) inside a spec.
 */
import { applyMigrations } from "@/prisma/migrate";
import { createPrismaClient } from "@/prisma/client";
import { seedDemo } from "@/prisma/seed/demo";

async function main() {
  const url = process.argv[2];
  if (!url) throw new Error("usage: tsx tests/e2e/prepare-database.ts <database url>");
  await applyMigrations(url);
  const prisma = createPrismaClient(url);
  await seedDemo(prisma);
  await prisma.$disconnect();
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
