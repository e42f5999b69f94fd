# syntax=docker/dockerfile:1
# One image for every Shelfmark service; docker-compose.yml picks the process with `command`.
# Node 22 LTS, production dependencies only, runs as the unprivileged `node` user.

FROM node:22-bookworm-slim AS deps
WORKDIR /app
# Manifests first, so dependency layers are cached until a package.json or the lockfile changes.
COPY package.json package-lock.json ./
COPY events/package.json events/
COPY packages/errors/package.json packages/errors/
COPY packages/subgraph-kit/package.json packages/subgraph-kit/
COPY packages/testing/package.json packages/testing/
COPY packages/local-servers/package.json packages/local-servers/
COPY packages/test-infra/package.json packages/test-infra/
COPY packages/launcher/package.json packages/launcher/
COPY subgraphs/catalogue/package.json subgraphs/catalogue/
COPY subgraphs/inventory/package.json subgraphs/inventory/
COPY subgraphs/members/package.json subgraphs/members/
COPY subgraphs/loans/package.json subgraphs/loans/
COPY subgraphs/comments/package.json subgraphs/comments/
COPY subgraphs/analytics/package.json subgraphs/analytics/
COPY router/package.json router/
COPY notifications/package.json notifications/
COPY schema/package.json schema/
COPY e2e/package.json e2e/
# `npm ci`: exactly the committed lockfile (it lists every platform's optional binaries).
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force

# The web app, built once here (Vite is a devDependency); the runtime image carries only web/dist.
FROM node:22-bookworm-slim AS web
WORKDIR /app
COPY . .
RUN npm ci --no-audit --no-fund && node node_modules/vite/bin/vite.js build --config web/vite.config.ts

FROM node:22-bookworm-slim AS runtime
ENV NODE_ENV=production
WORKDIR /app
COPY --from=deps --chown=node:node /app/node_modules ./node_modules
COPY --chown=node:node . .
# The router serves the built app at / (docs/adr/0017-web-app.md).
COPY --from=web --chown=node:node /app/web/dist ./web/dist
USER node
# Every process serves /healthz on its PORT.
HEALTHCHECK --interval=10s --timeout=3s --start-period=30s --retries=5 \
  CMD node -e "fetch('http://127.0.0.1:'+(process.env.PORT||4000)+'/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
EXPOSE 4000
CMD ["node", "--enable-source-maps", "-r", "@swc-node/register", "packages/launcher/src/cluster/routerProcess.ts"]
