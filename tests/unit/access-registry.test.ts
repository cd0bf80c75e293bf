import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ACTIONS, PAGES, ROUTES } from "@/tests/support/access-registry";

const ROOT = path.resolve(__dirname, "..", "..");

function filesUnder(directory: string, accept: (name: string) => boolean): string[] {
  const found: string[] = [];
  const walk = (current: string) => {
    for (const entry of readdirSync(current)) {
      const full = path.join(current, entry);
      if (statSync(full).isDirectory()) walk(full);
      else if (accept(entry)) found.push(path.relative(ROOT, full).split(path.sep).join("/"));
    }
  };
  walk(path.join(ROOT, directory));
  return found.sort();
}

/** Every exported async function of every "use server" module: each is a public endpoint. */
function serverActions(): string[] {
  const actions: string[] = [];
  for (const file of [...filesUnder("lib", (name) => name.endsWith(".ts")), ...filesUnder("app", (name) => /\.tsx?$/.test(name))]) {
    const source = readFileSync(path.join(ROOT, file), "utf8");
    if (!/^\s*["']use server["'];?/m.test(source.split("\n").find((line) => line.trim() !== "" && !line.trim().startsWith("//")) ?? "")) continue;
    for (const match of source.matchAll(/export\s+async\s+function\s+(\w+)/g)) actions.push(`${file}#${match[1]}`);
    // Every exported const of such a module is an endpoint too (an action declared through lib/server-action.ts).
    for (const match of source.matchAll(/export\s+const\s+(\w+)\s*=/g)) actions.push(`${file}#${match[1]}`);
  }
  return actions.sort();
}

describe("the access registry lists everything that can be reached", () => {
  it("names every page, and only pages that exist", () => {
    expect(PAGES.map((page) => page.file).sort()).toEqual(filesUnder("app", (name) => name === "page.tsx"));
  });

  it("names every route handler, and only handlers that exist", () => {
    expect([...new Set(ROUTES.map((route) => route.file))].sort()).toEqual(filesUnder("app", (name) => name === "route.ts"));
  });

  it("names every server action, and only actions that exist", () => {
    expect(ACTIONS.map((action) => `${action.file}#${action.name}`).sort()).toEqual(serverActions());
  });

  it("gives every entry a rule in words", () => {
    for (const entry of [...PAGES, ...ROUTES, ...ACTIONS]) expect(entry.rule.trim(), entry.file).not.toBe("");
  });
});
