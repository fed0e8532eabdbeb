# syntax=docker/dockerfile:1
# Orca: the Slack app (`orca serve`). Multi-stage: native modules (better-sqlite3, hnswlib-node) are compiled in the
# build stage with the toolchain; the runtime stage has only Node, the code and production dependencies.

FROM node:20-bookworm-slim AS build
WORKDIR /app
RUN apt-get update \
 && apt-get install -y --no-install-recommends python3 make g++ \
 && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json ./
RUN npm ci
COPY . .
# tsx runs the TypeScript at runtime and is a production dependency, so dev tools can go.
RUN npm prune --omit=dev

FROM node:20-bookworm-slim AS runtime
ENV NODE_ENV=production \
    PORT=3000 \
    ORCA_DATA_DIR=/data
WORKDIR /app
COPY --from=build --chown=root:root /app /app
# Index, thread state and feedback live in /data; mount a volume there to keep them across restarts.
RUN mkdir -p /data && chown node:node /data
VOLUME ["/data"]
USER node
EXPOSE 3000
# No curl in slim images: Node's fetch does the probe.
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 3000) + '/healthz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
CMD ["node", "bin/orca.mjs", "serve"]
