/**
 * `npm run db:seed`: loads the fictional demo data into the database named by DATABASE_URL.
 * Explicit by design: a normal start against a real database never creates accounts.
 */
import { createPrismaClient } from "@/prisma/client";
import { seedDemo } from "@/prisma/seed/demo";
import { demoAccountsText } from "@/prisma/seed/accounts";

async function main() {
  const url = process.env.DATABASE_URL;
  if (!url) {
    console.error("DATABASE_URL is not set. Set it to the PostgreSQL database to seed (npm start seeds its embedded database by itself).");
    process.exit(1);
  }
  const prisma = createPrismaClient(url);
  try {
    const summary = await seedDemo(prisma);
    console.log(`Demo data: ${summary.created} cases created, ${summary.existing} already present.`);
    console.log(demoAccountsText());
  } finally {
    await prisma.$disconnect();
  }
}

main().catch((error: unknown) => {
  console.error("Seeding failed:", error instanceof Error ? error.message : error);
  process.exit(1);
});
