# syntax=docker/dockerfile:1
# incident-desk as an image: built once (npm ci, which generates the database clients and compiles dist/), run as
# plain node on dist/ by an unprivileged user. The SQLite file lives on the /data volume; with PostgreSQL set
# DATABASE_URL and run `node dist/cli/main.js db migrate` once before new replicas start (compose.yaml does).

FROM node:20-slim AS build
WORKDIR /app
# better-sqlite3 compiles itself when no prebuilt binary fits the platform.
RUN apt-get update && apt-get install -y --no-install-recommends python3 make g++ && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json prisma.config.ts tsconfig.json tsconfig.build.json ./
COPY scripts ./scripts
COPY prisma ./prisma
COPY src ./src
RUN npm ci --no-audit --no-fund \
 && npm run build \
 && npm prune --omit=dev --no-audit --no-fund

FROM node:20-slim
# glibc's allocator: two arenas for all threads, and freed memory given back to the system (see README).
ENV NODE_ENV=production \
    MALLOC_ARENA_MAX=2 \
    MALLOC_TRIM_THRESHOLD_=1048576 \
    PORT=3000 \
    METRICS_PORT=9464 \
    METRICS_HOST=0.0.0.0 \
    DATABASE_URL=file:/data/incident-desk.db
WORKDIR /app
COPY --from=build /app/package.json ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY --from=build /app/prisma ./prisma
RUN mkdir -p /data && chown node:node /data
USER node
VOLUME /data
# 3000: Slack's requests and /healthz. 9464: /readyz and /metrics, for the private network only (do not publish).
EXPOSE 3000 9464
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch(`http://127.0.0.1:${process.env.PORT}/healthz`).then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# node itself is the container's first process, so `docker stop`'s SIGTERM reaches the app's graceful shutdown.
# The same command as package.json's start script: a 1 MB young generation and two V8 background threads.
STOPSIGNAL SIGTERM
CMD ["node", "--max-semi-space-size=1", "--v8-pool-size=2", "dist/main.js"]
