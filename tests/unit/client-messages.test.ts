import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { messagesFor } from "@/lib/i18n/catalogues";
import { LOCALES } from "@/lib/i18n/locales";
import { pickMessages } from "@/lib/i18n/pick";

/**
 * Client messages by need (issue 17): a page ships to the browser only the message namespaces its client components
 * read. A page whose client components call `useTranslations` is declared as
 * `export default withClientMessages([…], async function Page() {…})` (components/ui/client-messages.tsx; the root
 * layout uses `<ClientMessages namespaces={[…]}>`). This test follows each route file's imports (through server and
 * client modules alike) to every client module it can render, collects the namespaces those read, and requires each
 * list of the file to be exactly them: one missing would show keys instead of text in the browser, one extra would
 * ship text nobody reads. A client route file (error.tsx) is rendered inside the nearest layout, whose list must
 * include its namespaces.
 */
const ROOT = path.resolve(__dirname, "..", "..");
const ROUTE_FILE = /^(page|layout|error|not-found|template|default|loading|global-error)\.tsx$/;

function routeFiles(directory: string): string[] {
  return readdirSync(directory).flatMap((entry) => {
    const full = path.join(directory, entry);
    if (statSync(full).isDirectory()) return routeFiles(full);
    return ROUTE_FILE.test(entry) ? [full] : [];
  });
}

function resolveImport(from: string, specifier: string): string | null {
  let base: string;
  if (specifier.startsWith("@/")) base = path.join(ROOT, specifier.slice(2));
  else if (specifier.startsWith(".")) base = path.resolve(path.dirname(from), specifier);
  else return null; // a package: no messages of ours
  for (const candidate of [base, `${base}.tsx`, `${base}.ts`, path.join(base, "index.tsx"), path.join(base, "index.ts")]) {
    if (existsSync(candidate) && statSync(candidate).isFile() && /\.tsx?$/.test(candidate)) return candidate;
  }
  return null;
}

const sources = new Map<string, string>();
function source(file: string): string {
  let text = sources.get(file);
  if (text === undefined) {
    text = readFileSync(file, "utf8");
    sources.set(file, text);
  }
  return text;
}

function imports(file: string): string[] {
  const text = source(file);
  const specifiers = [
    // Type-only imports render nothing.
    ...[...text.matchAll(/^\s*(?:import|export)\s+(?!type\s)[^;]*?\sfrom\s+["']([^"']+)["']/gm)].map((m) => m[1]!),
    ...[...text.matchAll(/^\s*import\s+["']([^"']+)["']/gm)].map((m) => m[1]!),
    ...[...text.matchAll(/\bimport\(\s*["']([^"']+)["']\s*\)/g)].map((m) => m[1]!),
  ];
  return specifiers.map((specifier) => resolveImport(file, specifier)).filter((resolved): resolved is string => resolved !== null);
}

const isClient = (file: string) => /^\s*["']use client["']/.test(source(file));

/** The namespaces a client module reads itself; a call the test cannot read statically fails. */
function ownNamespaces(file: string): string[] {
  const text = source(file);
  const found: string[] = [];
  for (const match of text.matchAll(/\buse(Translations|Messages|Extracted)\(([^)]*)\)/g)) {
    const literal = /^\s*["']([\w.]+)["']\s*$/.exec(match[2]!);
    if (match[1] !== "Translations" || !literal) throw new Error(`${path.relative(ROOT, file)}: use${match[1]}(${match[2]}) names no namespace this test can read; call useTranslations("namespace") with a literal.`);
    found.push(literal[1]!);
  }
  return found;
}

/** Every namespace read by a client module reachable from `file`, reduced to those no other one already contains. */
function neededNamespaces(file: string): string[] {
  const seen = new Set<string>();
  const needed = new Set<string>();
  const visit = (current: string) => {
    if (seen.has(current)) return;
    seen.add(current);
    if (isClient(current)) for (const namespace of ownNamespaces(current)) needed.add(namespace);
    for (const next of imports(current)) visit(next);
  };
  visit(file);
  const all = [...needed];
  return all.filter((namespace) => !all.some((other) => other !== namespace && namespace.startsWith(`${other}.`))).sort();
}

function declaredLists(file: string): string[][] {
  return [...source(file).matchAll(/(?:<ClientMessages\s+namespaces=\{|withClientMessages\(\s*)\[([^\]]*)\]/g)].map((match) =>
    [...match[1]!.matchAll(/["']([\w.]+)["']/g)].map((m) => m[1]!).sort(),
  );
}

function nearestLayout(file: string): string {
  for (let directory = path.dirname(file); directory.startsWith(path.join(ROOT, "app")); directory = path.dirname(directory)) {
    const layout = path.join(directory, "layout.tsx");
    if (existsSync(layout)) return layout;
  }
  throw new Error(`No layout above ${file}`);
}

const files = routeFiles(path.join(ROOT, "app"));
// What each server route file must provide: its own tree's namespaces, plus those of client route files it frames.
const required = new Map<string, Set<string>>();
for (const file of files) {
  const target = isClient(file) ? nearestLayout(file) : file;
  const set = required.get(target) ?? new Set<string>();
  for (const namespace of neededNamespaces(file)) set.add(namespace);
  required.set(target, set);
}

describe("client messages by need", () => {
  it.each(files.filter((file) => !isClient(file)).map((file) => [path.relative(ROOT, file), file]))("%s provides exactly its client components' namespaces", (_name, file) => {
    const needed = [...(required.get(file) ?? [])].sort();
    const lists = declaredLists(file);
    if (needed.length === 0) {
      expect(lists, "no client component here reads messages: no <ClientMessages> needed").toEqual([]);
      return;
    }
    expect(lists.length, `declare the page as export default withClientMessages(${JSON.stringify(needed)}, async function Page() { … })`).toBeGreaterThan(0);
    for (const list of lists) expect(list).toEqual(needed);
  });

  it("every declared namespace exists in both catalogues", () => {
    for (const file of files) {
      for (const list of declaredLists(file)) {
        for (const locale of LOCALES) expect(() => pickMessages(messagesFor(locale), list), path.relative(ROOT, file)).not.toThrow();
      }
    }
  });

  it("the root layout passes no whole catalogue to the client", () => {
    const text = source(path.join(ROOT, "app", "layout.tsx"));
    expect(text).not.toMatch(/<NextIntlClientProvider>/);
    // Anywhere else, a bare provider would inherit every namespace again.
    for (const file of files) expect(source(file), path.relative(ROOT, file)).not.toMatch(/NextIntlClientProvider/);
  });
});
