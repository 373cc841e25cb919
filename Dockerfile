# syntax=docker/dockerfile:1
# The hub as a container: build with every dependency, then a slim runtime with the compiled app
# (dist/), production dependencies only, running as the unprivileged `node` user.

FROM node:20-bookworm-slim AS build
WORKDIR /app
# Dependencies first: this layer is reused until package*.json change. Native packages (SWC,
# PGlite) are installed for the image's platform, never copied from the host.
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run --silent build && npm run --silent build:console \
  && npm prune --omit=dev --no-audit --no-fund

FROM node:20-bookworm-slim AS runtime
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=3000 \
    MDM_DATA_DIR=/data
WORKDIR /app
COPY --from=build /app/package.json /app/package-lock.json ./
COPY --from=build /app/node_modules ./node_modules
# The server, its migrations and the built console; tests and benchmarks stay behind.
COPY --from=build /app/dist/src ./dist/src
COPY --from=build /app/dist/migrations ./dist/migrations
COPY --from=build /app/dist/console ./dist/console
# Read at run time: the JSON Schema and AsyncAPI document (served), the shipped integration scheme, the CLI.
COPY --from=build /app/schemas ./schemas
COPY --from=build /app/schemes ./schemes
COPY --from=build /app/bin ./bin
RUN mkdir -p /data && chown node:node /data
USER node
VOLUME ["/data"]
EXPOSE 3000
# Healthy = the database and the golden-record log answer (GET /api/v1/health is public).
HEALTHCHECK --interval=10s --timeout=5s --start-period=60s --retries=5 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 3000) + '/api/v1/health').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
CMD ["node", "dist/src/main.js"]
