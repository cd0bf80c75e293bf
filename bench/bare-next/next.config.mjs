// @ts-check
// The bench's floor (scripts/bench.ts): a bare Next.js app built with Liaison's node_modules, into a build folder
// beside Liaison's own (NEXT_DIST_DIR, default .next, plus "-bare", at the repository's root, so it stays out of git,
// ESLint and TypeScript like Liaison's). Next allows a build folder anywhere inside the workspace holding the app.
import path from "node:path";
import { fileURLToPath } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, "..", "..");

/** @type {import('next').NextConfig} */
const config = {
  poweredByHeader: false,
  distDir: path.relative(here, path.join(root, `${process.env.NEXT_DIST_DIR || ".next"}-bare`)),
};

export default config;
