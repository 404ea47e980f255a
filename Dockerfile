# syntax=docker/dockerfile:1
# One image for every service; which one runs is the command: `services/<name>/src/main.ts`.
#
# The services run their TypeScript through tsx (esbuild, per file, cached), as the tests do, so what
# runs in production is what was tested; tsx is therefore a production dependency, not a dev one.
# The generated proto code needs buf and ts-proto, which stay dev-only: the build stage generates it
# and the runtime stage copies it beside a `npm ci --omit=dev`.

FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json buf.yaml buf.gen.yaml ./
COPY packages/platform/package.json packages/platform/
COPY services/gateway/package.json services/gateway/
COPY services/facilities/package.json services/facilities/
COPY services/staffing/package.json services/staffing/
COPY services/notify/package.json services/notify/
COPY proto proto
COPY services/notify/buf.gen.yaml services/notify/
COPY services/notify/proto services/notify/proto
RUN npm ci --no-audit --no-fund

FROM node:20-bookworm-slim AS runtime
ENV NODE_ENV=production BIND_HOST=0.0.0.0
WORKDIR /app
COPY package.json package-lock.json ./
COPY packages/platform/package.json packages/platform/
COPY services/gateway/package.json services/gateway/
COPY services/facilities/package.json services/facilities/
COPY services/staffing/package.json services/staffing/
COPY services/notify/package.json services/notify/
# --ignore-scripts: the postinstall (proto generation) needs dev tools; its output comes from the build stage.
RUN npm ci --omit=dev --ignore-scripts --no-audit --no-fund && npm cache clean --force
COPY tsconfig.base.json tsconfig.json ./
COPY packages packages
COPY services services
COPY data data
COPY --from=build /app/packages/platform/src/contracts/gen packages/platform/src/contracts/gen
COPY --from=build /app/services/notify/src/gen services/notify/src/gen
USER node
# Health port of the back-end services (the gateway answers /healthz on GATEWAY_PORT): set
# HEALTH_URL per service, e.g. http://127.0.0.1:8081/healthz for facilities.
ENV HEALTH_URL=http://127.0.0.1:8080/healthz
HEALTHCHECK --interval=10s --timeout=3s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch(process.env.HEALTH_URL).then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
ENTRYPOINT ["node", "--import", "tsx"]
CMD ["services/gateway/src/main.ts"]
