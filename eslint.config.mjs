import nextVitals from "eslint-config-next/core-web-vitals";
import nextTypescript from "eslint-config-next/typescript";

/**
 * Imports that reach the database. The generated enums are plain constants (schemas use them) and the generated model
 * types describe shapes (lib/authz builds where clauses with them): those stay allowed, the models as types only.
 */
const DATA_LAYER_ONLY = [
  {
    group: ["@/lib/db", "**/lib/db", "./db", "../db", "@/lib/generated/prisma/client", "@prisma/client", "@prisma/client/**"],
    message: "Only the data layer (lib/db.ts, lib/**/queries.ts, lib/**/mutations.ts, the session store and sign-in) imports the database client.",
  },
  {
    // The client is left out here so that the rule above refuses even a type-only import of it.
    group: ["@/lib/generated/prisma/**", "!@/lib/generated/prisma/enums", "!@/lib/generated/prisma/client"],
    allowTypeImports: true,
    message: "Outside the data layer, import generated Prisma models as types only (import type).",
  },
];

/** Test personas and fixtures (demo e-mails included) are test data: no shipped code depends on them. */
const NO_TESTS = { group: ["@/tests/*", "@/tests/**"], message: "Production code never imports from tests/." };

const config = [
  { ignores: ["node_modules/**", ".next/**", ".next-*/**", ".data/**", "lib/generated/**", "test-results/**", "playwright-report/**", "next-env.d.ts"] },
  ...nextVitals,
  ...nextTypescript,
  {
    rules: {
      // Layering (docs/architecture.md): only the data layer talks to the database. Everywhere else, lib/ included,
      // reaches data through lib/<domain>/queries and mutations, which scope every read and write by the actor.
      "@typescript-eslint/no-restricted-imports": ["error", { patterns: [...DATA_LAYER_ONLY, NO_TESTS] }],
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", destructuredArrayIgnorePattern: "^_" }],
    },
  },
  {
    files: ["app/**", "components/**"],
    rules: {
      "@typescript-eslint/no-restricted-imports": [
        "error",
        {
          patterns: [
            ...DATA_LAYER_ONLY,
            { group: ["@/lib/**/mutations"], message: "Routes and components reach data through lib/<domain>/queries and actions, never mutations directly." },
            NO_TESTS,
          ],
        },
      ],
    },
  },
  {
    // The data layer itself: the client, the queries and mutations of each domain, the session store and sign-in (which
    // run before there is an actor), the benchmark's query counter, the named writes a page makes after a read (its
    // audit event and read receipts: lib/**/reading.ts), lib/authz/sql.ts (access rules rendered as SQL
    // fragments for raw queries; it runs none), the job runner (pg-boss shares the client's pool of connections), the
    // PostgreSQL store of document bytes (lib/documents/storage.ts: written in the caller's transaction);
    // and outside the app, the schema tooling and tests.
    files: ["lib/jobs/runner.ts", "lib/db.ts", "lib/**/*queries.ts", "lib/**/mutations.ts", "lib/auth/session-store.ts", "lib/auth/sign-in.ts", "lib/bench.ts", "lib/authz/sql.ts", "lib/**/reading.ts", "lib/documents/storage.ts", "prisma/**"],
    rules: { "@typescript-eslint/no-restricted-imports": ["error", { patterns: [NO_TESTS] }] },
  },
  {
    files: ["scripts/**", "tests/**"],
    rules: { "@typescript-eslint/no-restricted-imports": "off" },
  },
  {
    // Playwright fixtures receive a function called `use`: not React's hook.
    files: ["tests/e2e/**"],
    rules: { "react-hooks/rules-of-hooks": "off" },
  },
  {
    // Next.js loads next.config.js as CommonJS.
    files: ["next.config.js"],
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
  {
    // The stand-in schema engine is a plain Node program run by the Prisma CLI, not Next.js code.
    files: ["prisma/engine/**"],
    rules: { "@next/next/no-assign-module-variable": "off" },
  },
];

export default config;
