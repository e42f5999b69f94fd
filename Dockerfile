# syntax=docker/dockerfile:1
# One image for every Shelfmark service; docker-compose.yml and deploy/k8s pick the process with
# `command`. Node 22 LTS; the runtime stage runs JavaScript compiled once in the build stage
# (docs/adr/0020-compiled-production-build.md), with production dependencies only, as the
# unprivileged `node` user.

# Every package.json and the lockfile, nothing else: the install layers below stay cached until
# a manifest changes (this stage reruns on any change, but its output is the same bytes).
FROM node:22-bookworm-slim AS manifests
WORKDIR /app
COPY . .
RUN find . -path ./node_modules -prune -o -type f ! -name package.json ! -name package-lock.json -print0 \
  | xargs -0 rm -f && find . -depth -type d -empty -delete

# The build: every dependency, then `npm run build` (turbo runs each workspace's `build` in
# dependency order: swc compiles src/ to dist/, Vite builds web/dist). Then node_modules goes, so
# the runtime stage can take the built tree whole.
FROM node:22-bookworm-slim AS build
WORKDIR /app
COPY --from=manifests /app ./
# `npm ci`: exactly the committed lockfile (it lists every platform's optional binaries).
RUN npm ci --no-audit --no-fund
COPY . .
ENV TURBO_TELEMETRY_DISABLED=1
RUN npm run build && find . -name node_modules -type d -prune -exec rm -rf {} + && rm -rf .turbo

# Production dependencies only (root and any nested workspace node_modules).
FROM node:22-bookworm-slim AS deps
WORKDIR /app
COPY --from=manifests /app ./
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force

FROM node:22-bookworm-slim AS runtime
ENV NODE_ENV=production
WORKDIR /app
COPY --from=deps --chown=node:node /app ./
# The built tree: each workspace's dist/ (and its sources, unused), schema/*.graphql, and
# web/dist, which the router serves at / (docs/adr/0017-web-app.md).
COPY --from=build --chown=node:node /app ./
USER node
# Every process serves /healthz (alive) and /readyz (taking work) on its PORT.
HEALTHCHECK --interval=10s --timeout=3s --start-period=30s --retries=5 \
  CMD node -e "fetch('http://127.0.0.1:'+(process.env.PORT||4000)+'/readyz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
EXPOSE 4000
# The router; compose and the manifests run the other processes from the same image with the
# same flags: node --conditions=shelfmark-dist --enable-source-maps packages/launcher/dist/cluster/<process>.js
# SIGTERM stops a process gracefully (docs/operations.md#shutdown); node is PID 1 here, and the
# processes handle the signal themselves.
CMD ["node", "--conditions=shelfmark-dist", "--enable-source-maps", "packages/launcher/dist/cluster/routerProcess.js"]
