import nextVitals from "eslint-config-next/core-web-vitals";
import nextTypescript from "eslint-config-next/typescript";

const config = [
  { ignores: ["node_modules/**", ".next/**", ".next-*/**", ".data/**", "lib/generated/**", "test-results/**", "playwright-report/**", "next-env.d.ts"] },
  ...nextVitals,
  ...nextTypescript,
  {
    rules: {
      // Layering (docs/architecture.md): only the data layer talks to Prisma.
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            { group: ["@/lib/generated/prisma/client", "@prisma/client"], message: "Import the Prisma client only in lib/db.ts, queries/mutations files, prisma/ and tests." },
            // Test personas and fixtures (demo e-mails included) are test data: no shipped code depends on them.
            { group: ["@/tests/*", "@/tests/**"], message: "Production code never imports from tests/." },
          ],
        },
      ],
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", destructuredArrayIgnorePattern: "^_" }],
    },
  },
  {
    // lib/authz/sql.ts renders access rules as SQL fragments (Prisma.sql) for raw queries; it runs none.
    files: ["lib/db.ts", "lib/**/*queries.ts", "lib/**/mutations.ts", "lib/authz/sql.ts", "prisma/**"],
    rules: { "no-restricted-imports": ["error", { patterns: [{ group: ["@/tests/*", "@/tests/**"], message: "Production code never imports from tests/." }] }] },
  },
  {
    files: ["scripts/**", "tests/**"],
    rules: { "no-restricted-imports": "off" },
  },
  {
    files: ["app/**", "components/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            { group: ["@/lib/db", "@/lib/generated/prisma/client", "@prisma/client", "@/lib/**/mutations"], message: "Routes and components reach data through lib/<domain>/queries and actions, never Prisma or mutations directly." },
            { group: ["@/tests/*", "@/tests/**"], message: "Production code never imports from tests/." },
          ],
        },
      ],
    },
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
