# syntax=docker/dockerfile:1
# Liaison's container image: the standalone build served by Liaison's own app server, and the migration runner.
# See docs/deploy.md. The build stage runs exactly what CI runs (`npm ci`, then `npm run build:standalone`), and CI
# serves the folder it produces the way CMD below does (tests/e2e/deployment.spec.ts), so what ships is what is tested.
#
#   docker build -t liaison .
#   docker run --rm -e DATABASE_URL=… liaison node prisma/migrate.js          # release step: apply migrations
#   docker run -p 3000:3000 -e DATABASE_URL=… -e NEXTAUTH_SECRET=… -e NEXTAUTH_URL=https://… liaison
#   docker run -e DATABASE_URL=… liaison node worker.js                      # the job runner alone, with LIAISON_JOBS=off on the app

ARG NODE_IMAGE=node:20-bookworm-slim

# ---- build: dependencies, the Prisma client, the production build, then the standalone folder -------------------
FROM ${NODE_IMAGE} AS build
WORKDIR /app
ENV NEXT_TELEMETRY_DISABLED=1
# Dependencies first, so that a source change reuses this layer. postinstall runs `prisma generate`, which needs the
# schema and prisma.config.ts; no package's own install script runs (package.json "allowScripts").
COPY package.json package-lock.json prisma.config.ts ./
COPY prisma ./prisma
RUN npm ci --no-audit --no-fund
COPY . .
# next build (next.config.js: output "standalone"), then scripts/support/standalone.ts adds the app server, the
# migration runner, the worker, public/ and the static files: .next/standalone runs on its own.
RUN npm run build:standalone

# ---- runtime: only the standalone folder, run by an unprivileged user ------------------------------------------------
FROM ${NODE_IMAGE} AS runtime
WORKDIR /app
ENV NODE_ENV=production \
    NEXT_TELEMETRY_DISABLED=1 \
    PORT=3000
RUN groupadd --system --gid 10001 liaison \
 && useradd --system --uid 10001 --gid liaison --no-create-home --shell /usr/sbin/nologin liaison
# Owned by root and read-only to the app: a compromised process cannot rewrite the code it runs. Next's cache folder
# is the one place it may write.
COPY --from=build /app/.next/standalone ./
RUN mkdir -p .next/cache && chown liaison:liaison .next/cache
USER liaison
EXPOSE 3000
# Liveness, not the database's health: the sign-in page answers without a query, and a page that needs the database
# says it is unavailable while the database is down (restarting the app would not bring it back).
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 3000) + '/sign-in').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# scripts/support/app-server.ts, bundled: not Next's generated server.js, which trusts a client-written
# X-Forwarded-For (see docs/deploy.md). WEB_CONCURRENCY worker processes, one per core by default.
CMD ["node", "app-server.js", "--hostname", "0.0.0.0"]
