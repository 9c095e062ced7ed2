# One image for both processes of the production path: the API (the default command) and the
# projector (`node dist/apps/projector/src/main.js`); docker-compose.yml picks the command.

# Build: compiles TypeScript, and better-sqlite3 from source (the embedded adapter is in the
# same code, so its native module is built whichever adapters a deployment uses).
FROM node:24-bookworm AS build
RUN apt-get update \
  && apt-get install -y --no-install-recommends python3 make g++ \
  && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY package.json package-lock.json ./
# `npm install`, not `npm ci`: see docs/development.md (the lockfile omits other platforms' optional packages).
RUN npm install --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY apps ./apps
COPY libs ./libs
COPY bench ./bench
# `npm run build` runs scripts/copy-console-assets.js to put the console's page, script and styles beside the code.
COPY scripts ./scripts
RUN npm run build && npm prune --omit=dev

# Runtime: the compiled code and production dependencies only, as the unprivileged node user.
FROM node:24-bookworm-slim AS runtime
ENV NODE_ENV=production
WORKDIR /app
COPY --from=build /app/package.json ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
# For the embedded mode only (SHOPLINK_DATA_FILE defaults to data/shoplink.db).
RUN mkdir -p /app/data && chown node:node /app/data
USER node
ENV HOST=0.0.0.0
EXPOSE 3000 3001
CMD ["node", "dist/apps/api/src/main.js"]
