import { DeliverPolicy, JsMsg } from "nats";
import { Logger } from "pino";
import { Backbone } from "../jetstream/connect";
import { isRedriveForOther } from "../jetstream/dead-letters";
import { decodeEvent } from "../jetstream/events";
import { streams } from "../jetstream/streams";
import { eventTypes } from "../contracts/subjects";
import { statusName } from "../contracts/vocabulary";
import { FacilityStatus } from "../contracts/gen/crisis/v1/common";
import { mongoReadModels } from "./mongo-read-models";
import { AuditRepository, OperationsReadModels, memoryReadModels } from "./read-models";

/** MongoDB when MONGODB_URL is set (shared by every instance, queried ad hoc by operators), memory otherwise. */
export function openReadModels(mongodbUrl: string | undefined = process.env.MONGODB_URL): Promise<OperationsReadModels> {
  return mongodbUrl ? mongoReadModels(mongodbUrl) : Promise.resolve(memoryReadModels());
}

/** The status as the API names it (`shelter_open`), "" for none. */
const statusWord = (value: FacilityStatus) => statusName(value) ?? "";

export interface Projection {
  /** Resolves once every event stored when it started is applied. */
  caughtUp: Promise<void>;
  stop(): Promise<void>;
}

export interface ProjectOptions {
  /** Keep following new events after catching up (a service); false: stop there (a rebuild). */
  follow: boolean;
  /** Told (applied, to apply, subject) as events of each subject are applied. */
  onProgress?: (applied: number, total: number, subject: string) => void;
}

/** Applies one subject's events, in order, from after `checkpoint`; stops once caught up unless following. */
async function project(
  backbone: Backbone,
  stream: string,
  subject: string,
  checkpoint: number,
  apply: (msg: JsMsg) => Promise<void>,
  { follow, onProgress }: ProjectOptions,
): Promise<Projection> {
  const info = await backbone.jsm.streams.info(stream, { subjects_filter: subject });
  const total = Object.values(info.state.subjects ?? {}).reduce((sum, n) => sum + n, 0);
  let caught!: () => void;
  const caughtUp = new Promise<void>((resolve) => (caught = resolve));
  if (info.state.last_seq <= checkpoint || total === 0) {
    caught();
    if (!follow) return { caughtUp, stop: async () => undefined };
  }
  const consumer = await backbone.js.consumers.get(stream, {
    // One subject as a string: a list is sent as filter_subjects, which nats-server 2.9 ignores.
    filterSubjects: subject,
    deliver_policy: DeliverPolicy.StartSequence,
    opt_start_seq: checkpoint + 1,
  });
  const messages = await consumer.consume();
  let applied = 0;
  const done = (async () => {
    for await (const msg of messages) {
      if (!isRedriveForOther(msg)) await apply(msg);
      applied++;
      if (applied % 1_000 === 0 || msg.info.pending === 0) onProgress?.(applied, applied + msg.info.pending, subject);
      if (msg.info.pending === 0) {
        caught();
        if (!follow) break;
      }
    }
  })();
  return {
    caughtUp,
    async stop() {
      messages.stop();
      await done;
    },
  };
}

/** Keeps the audit trail's read model from CRISIS_AUDIT, resuming after its checkpoint. */
export async function projectAudit(backbone: Backbone, audit: AuditRepository, options: ProjectOptions): Promise<Projection> {
  return project(
    backbone,
    streams.audit.name,
    eventTypes.auditRecorded.subject,
    await audit.checkpoint(),
    async (msg) => {
      const { eventId, ...record } = decodeEvent(eventTypes.auditRecorded, msg).event;
      await audit.add({ eventId, ...record }, { eventId, seq: msg.seq });
    },
    options,
  );
}

/**
 * Keeps the operators' read models from the streams: the audit trail from CRISIS_AUDIT, each
 * facility's history and whereabouts from its status changes. Each resumes after its own
 * checkpoint; replaying from an older one changes nothing (writes are keyed by event id).
 */
export async function projectReadModels(backbone: Backbone, models: OperationsReadModels, options: ProjectOptions): Promise<Projection> {
  const audit = await projectAudit(backbone, models.audit, options);
  const facilities = await project(
    backbone,
    streams.facility.name,
    eventTypes.facilityStatusChanged.subject,
    Math.min(await models.history.checkpoint(), await models.places.checkpoint()),
    async (msg) => {
      const { event: e } = decodeEvent(eventTypes.facilityStatusChanged, msg);
      const at = { eventId: e.eventId, seq: msg.seq };
      const status = statusWord(e.status);
      await models.history.add(
        {
          eventId: e.eventId,
          facilityId: e.facilityId,
          changedAt: e.changedAt,
          status,
          previousStatus: statusWord(e.previousStatus),
          reason: e.reason,
          causeEventId: e.causeEventId,
        },
        at,
      );
      // A facility whose place is unknown (0, 0) has no point to be near.
      if (e.latitude !== 0 || e.longitude !== 0)
        await models.places.put(
          {
            facilityId: e.facilityId,
            name: e.facilityName,
            ward: e.ward,
            category: e.category,
            status,
            latitude: e.latitude,
            longitude: e.longitude,
          },
          at,
        );
    },
    options,
  );
  return {
    caughtUp: Promise.all([audit.caughtUp, facilities.caughtUp]).then(() => undefined),
    stop: async () => void (await Promise.all([audit.stop(), facilities.stop()])),
  };
}

/**
 * With a MongoDB URL: keeps the operators' read models there from the streams, as a worker to stop
 * on shutdown. Every gateway instance may run it: writes are keyed by event id, so two instances
 * applying the same event store it once. Without one: nothing is kept (the services serve from memory).
 */
export async function keepReadModelsIn(
  mongodbUrl: string | undefined,
  backbone: Backbone,
  logger: Logger,
): Promise<{ name: string; stop: () => Promise<void> }[]> {
  if (!mongodbUrl) return [];
  const models = await mongoReadModels(mongodbUrl);
  const projection = await projectReadModels(backbone, models, { follow: true });
  void projection.caughtUp.then(() => logger.info("operators' read models in MongoDB caught up with the streams"));
  return [
    {
      name: "stop keeping the read models",
      stop: async () => {
        await projection.stop();
        await models.close();
      },
    },
  ];
}
