import { ESLint } from "eslint";
import { beforeAll, describe, expect, it } from "vitest";

/**
 * The layering rule of eslint.config.mjs (docs/architecture.md): only the data layer imports the database client.
 * Linted as if the text were at a path, so the rule is checked where it applies and where it does not.
 */
const eslint = new ESLint({ cwd: process.cwd() });

async function restrictedImports(filePath: string, source: string): Promise<string[]> {
  const [result] = await eslint.lintText(source, { filePath });
  return result!.messages.filter((message) => message.ruleId === "@typescript-eslint/no-restricted-imports").map((message) => source.split("\n")[message.line - 1]!);
}

const DATABASE_IMPORTS = [
  'import { db } from "@/lib/db";',
  'import { db } from "../db";',
  'import { PrismaClient } from "@/lib/generated/prisma/client";',
  'import type { PrismaClient } from "@/lib/generated/prisma/client";',
  'import { PrismaClient } from "@prisma/client";',
  'import { Prisma } from "@/lib/generated/prisma/internal/prismaNamespace";',
];
const ALLOWED_EVERYWHERE = [
  'import { AtdMeasure } from "@/lib/generated/prisma/enums";',
  'import type { Role } from "@/lib/generated/prisma/enums";',
  'import type { DetentionWhereInput } from "@/lib/generated/prisma/models";',
];
const source = (lines: string[]) => `${lines.join("\n")}\nexport {};\n`;

describe("only the data layer imports the database client", () => {
  // Loading the configuration and its plugins takes a few seconds on a busy machine: once, before the checks.
  beforeAll(async () => {
    await eslint.lintText("export {};\n", { filePath: "lib/example/rules.ts" });
  }, 60_000);

  it.each(["lib/example/rules.ts", "lib/example/actions.ts", "lib/server-action.ts", "app/example/page.tsx", "components/example/form.tsx"])(
    "refuses every database import in %s, and allows the generated enums and model types",
    async (filePath) => {
      expect(await restrictedImports(filePath, source([...DATABASE_IMPORTS, ...ALLOWED_EVERYWHERE]))).toEqual(DATABASE_IMPORTS);
    },
  );

  it.each(["lib/db.ts", "lib/example/queries.ts", "lib/example/mutations.ts", "lib/auth/session-store.ts", "lib/auth/sign-in.ts", "lib/bench.ts", "prisma/seed/example.ts", "scripts/example.ts", "tests/integration/example.test.ts"])(
    "allows them in the data layer and its tooling: %s",
    async (filePath) => {
      expect(await restrictedImports(filePath, source([...DATABASE_IMPORTS, ...ALLOWED_EVERYWHERE]))).toEqual([]);
    },
  );

  it("keeps routes and components away from mutations too", async () => {
    const line = 'import { addNote } from "@/lib/notes/mutations";';
    expect(await restrictedImports("app/example/page.tsx", source([line]))).toEqual([line]);
    expect(await restrictedImports("lib/example/actions.ts", source([line]))).toEqual([]);
  });
});
