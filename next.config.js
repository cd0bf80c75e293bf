// @ts-check
const createNextIntlPlugin = require("next-intl/plugin");

const withNextIntl = createNextIntlPlugin({
  requestConfig: "./lib/i18n/request.ts",
  experimental: {
    // The catalogues (lib/i18n/catalogues.ts imports them) are compiled from ICU text at build time, and the
    // runtime formats the compiled form without a parser (use-intl/format-message/format-only): the profile of a
    // case page showed the per-request parsing of every message used at ~8% of the server's CPU, since next-intl's
    // parse cache lives for one request. Outside Next (vitest, the worker under tsx) the JSON is read as written.
    messages: { path: "./lib/i18n/messages", format: "json", locales: "infer", precompile: true },
  },
});

/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  // Also writes <distDir>/standalone: the server's traced files and the node_modules they need, what the image ships
  // (Dockerfile; scripts/support/standalone.ts adds the app server, static files and the migration runner to it).
  // Always on: it costs 0.4 s of a build here (the trace's write-standalone-directory; the file tracing runs anyway),
  // and CI's one production build then serves both the e2e suite and the image's smoke test (deployment.spec.ts).
  // The checkout's own servers are unaffected: they pass Next the built configuration as standalone's server.js does.
  output: "standalone",
  // A separate build folder per server (e.g. several developers' e2e runs on one machine): NEXT_DIST_DIR=.next-name.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  // Server-only packages with native or WebAssembly parts are loaded by Node, not bundled.
  serverExternalPackages: ["@node-rs/argon2", "@electric-sql/pglite", "pg"],
  typedRoutes: false,
  // Send each page's <title> in the initial <head> for everyone instead of streaming it in after the body:
  // screen readers announce the title on load (WCAG 2.4.2), and our metadata is only translated text, cheap to wait for.
  htmlLimitedBots: /.*/,
  experimental: {
    // proxy.ts reads a server action's body to refuse one over 1 MB (a chunked body declares no length) or malformed:
    // Next buffers at most this much of a body for it (default 10 MB), enough to see that a body passed 1 MB.
    proxyClientMaxBodySize: "2mb",
  },
  // Headers for every response, static files included. The CSP (with its per-request nonce) and HSTS are set in proxy.ts.
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "Referrer-Policy", value: "same-origin" },
          { key: "X-Frame-Options", value: "DENY" },
          { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=(), usb=()" },
          { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
        ],
      },
    ];
  },
};

module.exports = withNextIntl(nextConfig);
