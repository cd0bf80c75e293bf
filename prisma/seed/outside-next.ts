import { createRequire } from "node:module";
import path from "node:path";

/**
 * The demo seed records outcomes with the app's own domain functions (lib/outcomes/mutations.ts), whose modules
 * start with `import "server-only"`: Next's marker that throws when loaded outside a React Server environment. The
 * seed runs outside Next (npm start before the server, npm run db:seed, the e2e setup), on the server, so the marker
 * is satisfied here by pre-loading it as the empty module it is inside Next. Import this module before those.
 */
const require = createRequire(path.join(process.cwd(), "package.json"));
try {
  const marker = require.resolve("server-only");
  require.cache[marker] ??= { id: marker, filename: marker, loaded: true, exports: {}, children: [], paths: [], path: path.dirname(marker) } as unknown as NodeJS.Module;
} catch {
  // Not installed (a bundler that aliases it): nothing to do.
}
