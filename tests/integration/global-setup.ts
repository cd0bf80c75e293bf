import type { TestProject } from "vitest/node";
import { applyMigrations } from "@/prisma/migrate";
import { createTemporaryDatabase } from "@/tests/support/database";

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
  }
}

/** One fresh, migrated database on the real PostgreSQL server for the whole run; dropped at the end. */
export default async function setup(project: TestProject) {
  const database = await createTemporaryDatabase("liaison_it");
  await applyMigrations(database.url);
  project.provide("databaseUrl", database.url);
  return async () => {
    await database.drop();
  };
}
