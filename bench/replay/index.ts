import { parseArgs } from "node:util";
import { join } from "node:path";
import { AckPolicy, DeliverPolicy, connect } from "nats";
import pino from "pino";
import { JetStreamClient, connectBackbone, ensureStreams, publishEvent, replaySubject, streams } from "@crisis/platform";
import { FacilityStatus, eventTypes } from "@crisis/platform/contracts";
import { FacilityStatusChanged } from "@crisis/platform/contracts/events";
import { startNatsServer } from "@crisis/platform/testing";
import { replayBoard } from "../../services/facilities/src/adapters/nats/board-replay";
import { loadRegistry } from "../../services/facilities/src/adapters/data/load-registry";
import { CityBoard } from "../../services/facilities/src/domain/city-board";
import { printFigures } from "../print";
import { patiently, publishInWindows } from "../publish";

const WINDOW = 1_000;

/** Publishes one facility status event, again if its ack is late. */
const publishPatiently = (js: JetStreamClient, event: FacilityStatusChanged) =>
  patiently(() => publishEvent(js, eventTypes.facilityStatusChanged, event, { eventId: event.eventId, correlationId: "bench" }));

async function timed<T>(work: () => Promise<T>): Promise<[T, number]> {
  const start = process.hrtime.bigint();
  const result = await work();
  return [result, Number(process.hrtime.bigint() - start) / 1e9];
}

/**
 * 1,000,000 facility status events (the real registry's facilities, publishes awaited in windows of
 * 1,000) replayed into the facilities service's board the way it rebuilds at start, against a bare
 * durable pull consumer that consumes and acknowledges the same stream, in the same run.
 */
export async function run(args: string[]): Promise<void> {
  const { values } = parseArgs({ args, options: { events: { type: "string", default: "1000000" } } });
  const total = Number(values.events);
  const { facilities } = loadRegistry(join(__dirname, "..", "..", "data", "kumamoto"));
  const server = await startNatsServer();
  const logger = pino({ level: "silent" });
  const backbone = await connectBackbone(server.url, "bench-replay", logger);
  try {
    // Every stream the board's replay reads (the facility events, staff decisions, counter service levels).
    await ensureStreams(backbone.jsm, [streams.facility, streams.service, streams.facilitiesDecision]);
    const [, publishS] = await timed(async () => {
      await publishInWindows(total, WINDOW, (i) => {
        const f = facilities[i % facilities.length];
        const event = FacilityStatusChanged.fromPartial({
          eventId: `bench-${i}`,
          facilityId: f.id,
          facilityName: f.name,
          ward: f.ward,
          status: i % 2 ? FacilityStatus.FACILITY_STATUS_CLOSED : FacilityStatus.FACILITY_STATUS_NORMAL,
          changedAt: "2026-07-28T07:27:00Z",
          reason: "bench",
        });
        return publishPatiently(backbone.js, event);
      });
    });

    const [bareCount, bareS] = await timed(() => bareConsumeAndAck(server.url, total));
    // The platform's part alone: the same replay with nothing applied (no decode, no board).
    const [, platformS] = await timed(() =>
      replaySubject(backbone.js, backbone.jsm, streams.facility.name, eventTypes.facilityStatusChanged.subject, () => undefined),
    );
    const board = new CityBoard(facilities);
    const [replayed, oursS] = await timed(() => replayBoard(backbone, board, []));
    const oursCount = replayed.statuses;
    if (bareCount !== total || oursCount !== total) throw new Error(`read ${bareCount} bare, ${oursCount} replayed, of ${total}`);

    const bare = total / bareS;
    const ours = total / oursS;
    const rows: [string, string][] = [
      ["events (facility status changes)", total.toLocaleString("en")],
      [`publish, ${WINDOW} acks in flight`, `${Math.round(total / publishS).toLocaleString("en")} events/s`],
      ["bare: durable pull consume + ack", `${Math.round(bare).toLocaleString("en")} events/s (${bareS.toFixed(1)} s)`],
      ["platform replay alone (nothing applied)", `${Math.round(total / platformS).toLocaleString("en")} events/s`],
      ["ours: replay into the facility board", `${Math.round(ours).toLocaleString("en")} events/s (${oursS.toFixed(1)} s)`],
      ["ratio ours / bare", (ours / bare).toFixed(3)],
    ];
    console.log(`\nreplay — nats-server ${server.url}, file storage\n`);
    printFigures(rows, {
      bench: "replay",
      events: total,
      publish_per_s: Math.round(total / publishS),
      bare_per_s: Math.round(bare),
      ours_per_s: Math.round(ours),
      platform_replay_per_s: Math.round(total / platformS),
      facilities_on_board: facilities.length,
      ratio: ours / bare,
    });
  } finally {
    await backbone.nc.close();
    await server.stop();
  }
}

/** The baseline: a durable pull consumer that acknowledges every message, as a service's consumer would. */
async function bareConsumeAndAck(url: string, total: number): Promise<number> {
  const nc = await connect({ servers: url });
  try {
    const jsm = await nc.jetstreamManager();
    await jsm.consumers.add(streams.facility.name, {
      durable_name: "bench-bare",
      ack_policy: AckPolicy.Explicit,
      deliver_policy: DeliverPolicy.All,
      filter_subject: eventTypes.facilityStatusChanged.subject,
    });
    const consumer = await nc.jetstream().consumers.get(streams.facility.name, "bench-bare");
    const messages = await consumer.consume({ max_messages: 1_000 });
    let seen = 0;
    for await (const msg of messages) {
      msg.ack();
      // Stopping ends the loop once the pull in flight is answered; breaking out of it would hang.
      if (++seen === total) messages.stop();
    }
    return seen;
  } finally {
    await nc.close();
  }
}
