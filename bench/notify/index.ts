import { ChildProcess, fork, spawn } from "node:child_process";
import { createECDH, randomBytes, randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import { Agent } from "node:https";
import { availableParallelism } from "node:os";
import { join } from "node:path";
import { connect } from "nats";
import webpush from "web-push";
import { childExited, publishEvent, waitUntil } from "@crisis/platform";
import { FacilityStatus, Incident, Mode, ModeLevel, eventTypes, wards } from "@crisis/platform/contracts";
import { FacilityStatusChanged, PlaybookApplied } from "@crisis/platform/contracts/events";
import { createTestTls, freePort, startNatsServer } from "@crisis/platform/testing";
import { createKeys } from "../../deploy/embedded/keys";
import { repoRoot } from "../../deploy/embedded/system";
import { composeAlert } from "../../services/notify/src/domain/compose-alert";
import { Subscription, subscriptionIdFor } from "../../services/notify/src/domain/subscription";
import { bareHttpsSeconds, ecdhMicrosPerPush } from "./floor";
import { isGone } from "./gone";
import { printFigures } from "../print";

interface PushStats {
  accepted: number;
  gone: number;
  tooMany: number;
  lastAcceptedAt: number;
}

const shelters = 209;
const baselineConcurrency = 50;
const notifyConcurrency = 256;

function ask<T>(child: ChildProcess, question: string | undefined, key: string): Promise<T> {
  return new Promise((resolve) => {
    const listen = (message: Record<string, unknown>) => {
      if (!(key in message)) return;
      child.off("message", listen);
      resolve(message[key] as T);
    };
    child.on("message", listen);
    if (question) child.send(question);
  });
}

const peakRssMb = (pid: number) => {
  const hwm = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1];
  return Math.round(Number(hwm) / 1024);
};

/** The shelters a city-wide earthquake opens, spread over the five wards, with long real-looking names. */
function openedShelters(): FacilityStatusChanged[] {
  return Array.from({ length: shelters }, (_, i) =>
    FacilityStatusChanged.fromPartial({
      eventId: `bench-change-${i}`,
      facilityId: `shelter:${i}`,
      facilityName: `熊本市立第${i + 1}小学校体育館`,
      category: "school",
      ward: wards[i % wards.length],
      previousStatus: FacilityStatus.FACILITY_STATUS_NORMAL,
      status: FacilityStatus.FACILITY_STATUS_SHELTER_OPEN,
    }),
  );
}

/**
 * 100,000 subscriptions, one city-wide declaration: the time from the declaration to the last
 * push the simulated push service accepted, for notify and for a loop of webpush.sendNotification
 * at concurrency 50 sending the same pushes.
 */
export async function run(args: string[]): Promise<void> {
  const subscribers = Number(args[0] ?? 100_000);
  const tls = createTestTls();
  const nats = await startNatsServer();
  const pushService = fork(join(__dirname, "push-service.ts"), [], {
    env: { ...process.env, BENCH_TLS_KEY: tls.key, BENCH_TLS_CERT: tls.cert },
  });
  const stats = () => ask<PushStats>(pushService, "stats", "stats");
  const origin = `https://localhost:${await ask<number>(pushService, undefined, "port")}`;
  let notify: ChildProcess | undefined;
  try {
    // Subscriptions as browsers would hand them over, stored straight into notify's bucket.
    const nc = await connect({ servers: nats.url });
    const kv = await nc.jetstream().views.kv("push_subscriptions", { history: 1 });
    const subscriptions: Subscription[] = [];
    for (let i = 0; i < subscribers; i++) {
      const endpoint = `${origin}/push/${i}`;
      const topics = i % 3 === 0 ? [`ward:${wards[i % wards.length]}`, "category:shelter"] : [`ward:${wards[i % wards.length]}`];
      subscriptions.push({
        id: subscriptionIdFor(endpoint),
        endpoint,
        p256dh: createECDH("prime256v1").generateKeys().toString("base64url"),
        auth: randomBytes(16).toString("base64url"),
        topics,
        lang: i % 2 ? "en" : "ja",
        tokenHash: "bench",
        createdAt: new Date().toISOString(),
      });
    }
    for (let i = 0; i < subscriptions.length; i += 1000) {
      await Promise.all(subscriptions.slice(i, i + 1000).map((s) => kv.put(s.id, JSON.stringify(s))));
    }
    const expected = subscriptions.filter((s) => !isGone(new URL(s.endpoint).pathname)).length;

    const keys = createKeys();
    const healthPort = await freePort();
    // BENCH_PROFILE_DIR=<dir>: notify writes a V8 CPU profile per thread there (open in Chrome DevTools).
    const profile = process.env.BENCH_PROFILE_DIR ? ["--cpu-prof", "--cpu-prof-dir", process.env.BENCH_PROFILE_DIR] : [];
    notify = spawn(process.execPath, [...profile, "--import", "tsx", join("services", "notify", "src", "main.ts")], {
      cwd: repoRoot,
      stdio: ["ignore", "ignore", "inherit"],
      env: {
        ...process.env,
        NATS_URL: nats.url,
        NOTIFY_GRPC_PORT: String(await freePort()),
        NOTIFY_HEALTH_PORT: String(healthPort),
        VAPID_PUBLIC_KEY: keys.vapid.publicKey,
        VAPID_PRIVATE_KEY: keys.vapid.privateKey,
        PUSH_ALLOWED_ORIGINS: origin,
        NODE_EXTRA_CA_CERTS: tls.caPath,
        PUSH_CONCURRENCY: String(notifyConcurrency),
        PUSH_BATCHES_IN_FLIGHT: "128",
        LOG_LEVEL: "warn",
      },
    });
    const notifyPid = notify.pid!;
    await waitUntil(
      async () => (await fetch(`http://127.0.0.1:${healthPort}/readyz`).catch(() => undefined))?.ok,
      "notify ready with its subscription index",
      120_000,
      200,
    );

    const changes = openedShelters();
    const modeEventId = randomUUID();
    const mode: Mode = {
      incident: Incident.INCIDENT_EARTHQUAKE,
      level: ModeLevel.MODE_LEVEL_EMERGENCY,
      wards: [],
      reason: "M7.1",
      declaredBy: "bench",
      declaredAt: new Date().toISOString(),
    };
    const applied = PlaybookApplied.fromPartial({
      eventId: `${modeEventId}.applied`,
      modeEventId,
      mode,
      changes,
      appliedAt: new Date().toISOString(),
    });
    const declaredAt = Date.now();
    await publishEvent(nc.jetstream(), eventTypes.playbookApplied, applied, { eventId: applied.eventId, correlationId: "bench" });
    await waitUntil(async () => (await stats()).accepted >= expected, "every push accepted (notify)", 600_000, 100);
    const ours = await stats();
    const seconds = (ours.lastAcceptedAt - declaredAt) / 1000;
    const rssMb = peakRssMb(notifyPid);
    notify.kill("SIGTERM");
    await childExited(notify);
    notify = undefined;

    // The baseline: the same pushes, each through webpush.sendNotification, 50 at a time.
    pushService.send("reset");
    const statusUrl = "http://localhost:8080/status";
    const payloads = new Map<string, string>();
    const payloadFor = (s: Subscription) => {
      const key = `${s.lang}|${s.topics.join(",")}`;
      let payload = payloads.get(key);
      if (!payload) {
        const topics = new Set(s.topics);
        const mine = changes.filter((c) => topics.has(`ward:${c.ward}`) || topics.has("category:shelter"));
        payloads.set(key, (payload = JSON.stringify(composeAlert(`${modeEventId}.alert`, mode, mine, s.lang, statusUrl))));
      }
      return payload;
    };
    const agent = new Agent({ keepAlive: true, maxSockets: baselineConcurrency, ca: tls.ca });
    const vapidDetails = { subject: "mailto:bench@city.example", publicKey: keys.vapid.publicKey, privateKey: keys.vapid.privateKey };
    // Anything but 429 and the known 410s is a failed baseline push, counted by reason and shown.
    const baselineRefusals = new Map<string, number>();
    let next = 0;
    const baselineStart = Date.now();
    const worker = async () => {
      for (let i = next++; i < subscriptions.length; i = next++) {
        const s = subscriptions[i];
        for (;;) {
          try {
            await webpush.sendNotification({ endpoint: s.endpoint, keys: { p256dh: s.p256dh, auth: s.auth } }, payloadFor(s), {
              vapidDetails,
              TTL: 86_400,
              urgency: "high",
              topic: "bench",
              contentEncoding: "aes128gcm",
              agent,
            });
            break;
          } catch (err) {
            const status = (err as { statusCode?: number }).statusCode;
            if (status === 429) {
              await new Promise((r) => setTimeout(r, 1000));
              continue;
            }
            if (status !== 410) {
              const reason = status ? `status ${status}` : (err as Error).message;
              baselineRefusals.set(reason, (baselineRefusals.get(reason) ?? 0) + 1);
            }
            break;
          }
        }
      }
    };
    await Promise.all(Array.from({ length: baselineConcurrency }, worker));
    const baseline = await stats();
    agent.destroy();
    const baselineSeconds = (baseline.lastAcceptedAt - baselineStart) / 1000;
    await nc.close();

    // The floor: bare requests of a typical encrypted size, then the ECDH every push needs.
    const bodyBytes = 86 + Buffer.byteLength(payloadFor(subscriptions[0])) + 17;
    const bareSeconds = await bareHttpsSeconds(
      origin,
      subscriptions.map((s) => new URL(s.endpoint).pathname),
      bodyBytes,
      notifyConcurrency,
      tls.ca,
    );
    const ecdhUs = ecdhMicrosPerPush();
    const cores = availableParallelism();

    const rows: [string, string][] = [
      ["subscriptions", `${subscribers} (${shelters} shelters opened city-wide)`],
      ["pushes accepted / gone (410) / 429 answered", `${ours.accepted} / ${ours.gone} / ${ours.tooMany}`],
      ["notify: declaration → last accepted push", `${seconds.toFixed(2)} s (${Math.round(ours.accepted / seconds)} pushes/s)`],
      ["notify: peak RSS", `${rssMb} MB`],
      [
        `baseline: webpush.sendNotification × ${baselineConcurrency}`,
        `${baselineSeconds.toFixed(2)} s (${Math.round(baseline.accepted / baselineSeconds)} pushes/s; accepted ${baseline.accepted})`,
      ],
      ...[...baselineRefusals].map(([reason, n]): [string, string] => [`baseline: failed (${reason})`, String(n)]),
      ["ratio (baseline / notify)", (baselineSeconds / seconds).toFixed(2)],
      [`floor: the same POSTs bare (no encryption, no queue), ${notifyConcurrency} at a time`, `${bareSeconds.toFixed(2)} s`],
      [
        `floor: P-256 ECDH per push (RFC 8291), on ${cores} cores`,
        `${ecdhUs.toFixed(0)} µs → ${((ecdhUs * subscribers) / 1e6 / cores).toFixed(1)} s of both cores for ${subscribers}`,
      ],
    ];
    console.log(`\nnotify fan-out — simulated push service: HTTPS keep-alive, 20 ms per answer, 0.5 % 429, 0.5 % 410\n`);
    printFigures(rows, {
      bench: "notify",
      pushes: ours.accepted,
      seconds: Number(seconds.toFixed(2)),
      baseline_seconds: Number(baselineSeconds.toFixed(2)),
      ratio: Number((baselineSeconds / seconds).toFixed(2)),
      rss_mb: rssMb,
      bare_https_seconds: Number(bareSeconds.toFixed(2)),
      ecdh_us_per_push: Number(ecdhUs.toFixed(1)),
    });
  } finally {
    if (notify) {
      notify.kill("SIGKILL");
      await childExited(notify);
    }
    pushService.send("stop");
    await childExited(pushService);
    await nats.stop();
  }
}
