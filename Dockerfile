# MPS: one image for every shape of the deployment (docker-compose.yml runs it as `api` and `worker`).
#
#   docker build -t mps .
#   docker run -p 4000:4000 -e MPS_SECRET=<32+ chars> -e DATABASE_URL=postgres://... mps
#
# Configuration is read from the environment at start (api/src/config.ts): PORT (4000), HOST (0.0.0.0),
# DATABASE_URL, MONGODB_URL, SMTP_URL, MPS_ROLE (api|worker|all), NODE_ENV, MPS_PUBLIC_URL,
# MPS_SECRET (32+ characters, required when NODE_ENV=production), MPS_DEMO_DATA (true|false).
# Without DATABASE_URL the process uses embedded PGlite in /app/.data (fine for a demo, not for production).

ARG NODE_IMAGE=node:20-bookworm-slim

# ---------------------------------------------------------------- base: node 20 + npm 11
# The project needs npm 11 (Vite 8 does not install with the npm 10 the node:20 image ships).
FROM ${NODE_IMAGE} AS base
ARG NPM_VERSION=11.19.1
ENV npm_config_update_notifier=false \
    npm_config_fund=false \
    npm_config_audit=false
RUN npm install -g "npm@${NPM_VERSION}" && npm --version
WORKDIR /app

# ---------------------------------------------------------------- build: all dependencies, then compile
FROM base AS build
# Manifests first, so the dependency layer is rebuilt only when they change.
# (A new workspace needs its package.json listed here and in prod-deps.)
COPY package.json package-lock.json ./
COPY api/package.json api/
COPY web/package.json web/
COPY admin/package.json admin/
RUN npm ci
COPY . .
# tsc for api (decorator metadata), vite for web and admin: api/dist, web/dist, admin/dist.
RUN npm run build

# ---------------------------------------------------------------- prod-deps: runtime dependencies only
FROM base AS prod-deps
COPY package.json package-lock.json ./
COPY api/package.json api/
COPY web/package.json web/
COPY admin/package.json admin/
RUN npm ci --omit=dev && npm cache clean --force

# ---------------------------------------------------------------- runtime
FROM ${NODE_IMAGE} AS runtime
ENV NODE_ENV=production \
    PORT=4000
WORKDIR /app
# Root-owned and read-only for the app user; only the embedded-database directory is writable.
# prod-deps brings package.json files, node_modules (with the workspace links) and the lock file.
COPY --from=prod-deps /app ./
COPY --from=build /app/api/dist ./api/dist
COPY --from=build /app/web/dist ./web/dist
COPY --from=build /app/admin/dist ./admin/dist
RUN mkdir -p /app/.data/files && chown -R node:node /app/.data
USER node
EXPOSE 4000
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||4000)+'/health',{signal:AbortSignal.timeout(4000)}).then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
CMD ["node", "api/dist/main.js"]
