// Loads Prisma's schema engine compiled to WebAssembly.
//
// Two copies of the engine are installed:
//   - node_modules/prisma/build/schema_engine_bg.wasm: built from the same engines commit as the
//     CLI (`@prisma/engines-version`), so its behaviour matches what the CLI expects. Preferred.
//   - node_modules/@prisma/schema-engine-wasm/schema_engine_bg.wasm: a slightly different commit,
//     used only as a fallback if the first one is missing.
// Both have the same wasm-bindgen import/export surface, so the JS glue of
// @prisma/schema-engine-wasm drives either. The package's main entry does
// `import * as wasm from "./schema_engine_bg.wasm"`, which Node cannot load, so we import the glue
// module and instantiate the .wasm file ourselves, exactly as that entry would.

import { readFileSync, existsSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { pathToFileURL } from "node:url";

const require = createRequire(import.meta.url);

/** The panic message reported by the last Rust panic inside the engine, if any. */
let lastPanicMessage = null;

export function takePanicMessage() {
  const message = lastPanicMessage;
  lastPanicMessage = null;
  return message;
}

export function hasPanicked() {
  return lastPanicMessage !== null;
}

function wasmCandidates() {
  const candidates = [];
  try {
    candidates.push(path.join(path.dirname(require.resolve("prisma/package.json")), "build", "schema_engine_bg.wasm"));
  } catch {
    // prisma not resolvable from here: fall through to the standalone package.
  }
  const glue = require.resolve("@prisma/schema-engine-wasm/schema_engine_bg");
  candidates.push(path.join(path.dirname(glue), "schema_engine_bg.wasm"));
  return candidates;
}

let loaded = null;

/**
 * Instantiates the engine once per process and returns the glue module (SchemaEngine class,
 * version()) plus the path of the .wasm file in use.
 */
export async function loadSchemaEngineWasm() {
  if (loaded) return loaded;
  // The glue reports Rust panics through this global before the wasm traps.
  globalThis.PRISMA_WASM_PANIC_REGISTRY = {
    set_message(message) {
      lastPanicMessage = String(message);
    },
  };
  const gluePath = require.resolve("@prisma/schema-engine-wasm/schema_engine_bg");
  const glue = await import(pathToFileURL(gluePath).href);
  const wasmPath = wasmCandidates().find((candidate) => existsSync(candidate));
  if (!wasmPath) throw new Error("schema_engine_bg.wasm not found in prisma or @prisma/schema-engine-wasm");
  const module = await WebAssembly.compile(readFileSync(wasmPath));
  const instance = await WebAssembly.instantiate(module, { "./schema_engine_bg.js": glue });
  glue.__wbg_set_wasm(instance.exports);
  instance.exports.__wbindgen_start();
  loaded = { glue, wasmPath, version: glue.version() };
  return loaded;
}
