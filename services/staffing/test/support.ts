import { join } from "node:path";
import { pino } from "pino";
import { Backbone, streams } from "@crisis/platform";
import { FacilityStatus, Incident, ModeLevel, ServiceLevel, ShelterOperation, type Mode, type Ward } from "@crisis/platform/contracts";
import { FacilityStatusChanged, ServiceLevelChanged } from "@crisis/platform/contracts/events";
import { loadPostTemplates } from "../src/adapters/data/load-post-templates";
import type { DutyBook } from "../src/app/ports";
import { emptyRecord, type StaffRecord } from "../src/domain";
import { generateCity } from "../src/fixtures";

/** The post templates the service ships with. */
export const templates = loadPostTemplates(join(__dirname, "..", "data", "post-templates.json"));
/** A small made-up city: enough people to staff a few shelters, quick to plan. */
export const smallCity = generateCity({ seed: 11, staffCount: 1500 });
export const quietLogger = pino({ level: "silent" });

/** The earthquake emergency for 東区 the tests on a real nats-server plan under, declared at 16:27 in Kumamoto. */
export const eastEmergency: Mode = {
  incident: Incident.INCIDENT_EARTHQUAKE,
  level: ModeLevel.MODE_LEVEL_EMERGENCY,
  wards: ["東区"],
  reason: "test",
  declaredBy: "manager",
  declaredAt: "2026-07-28T07:27:00Z",
};

/** How many events the staff stream holds on a subject. */
export const storedOn = async (backbone: Backbone, subject: string): Promise<number> =>
  (await backbone.jsm.streams.info(streams.staff.name, { subjects_filter: subject })).state.subjects?.[subject] ?? 0;

/** The event facilities publishes when a shelter opens (or, with `open: false`, closes). */
export function shelterEvent(id: string, ward: Ward, changedAt: string, open = true): FacilityStatusChanged {
  return FacilityStatusChanged.fromPartial({
    eventId: `${id}@${changedAt}`,
    facilityId: id,
    facilityName: `避難所 ${id}`,
    category: "school",
    ward,
    previousStatus: open ? FacilityStatus.FACILITY_STATUS_NORMAL : FacilityStatus.FACILITY_STATUS_SHELTER_OPEN,
    status: open ? FacilityStatus.FACILITY_STATUS_SHELTER_OPEN : FacilityStatus.FACILITY_STATUS_NORMAL,
    previousShelter: open ? ShelterOperation.SHELTER_OPERATION_NOT_OPENED : ShelterOperation.SHELTER_OPERATION_OPEN,
    shelter: open ? ShelterOperation.SHELTER_OPERATION_OPEN : ShelterOperation.SHELTER_OPERATION_CLOSED,
    changedAt,
  });
}

/** A counter service going to the extended level (or back to normal), for some wards or (none given) every ward. */
export function serviceLevelEvent(serviceId: string, changedAt: string, extended = true, wards: Ward[] = []): ServiceLevelChanged {
  return ServiceLevelChanged.fromPartial({
    eventId: `${serviceId}@${changedAt}`,
    serviceId,
    serviceName: "り災証明書窓口",
    channel: "counter",
    level: extended ? ServiceLevel.SERVICE_LEVEL_EXTENDED : ServiceLevel.SERVICE_LEVEL_NORMAL,
    changedAt,
    wards,
  });
}

/** People's records in memory: what the KV bucket keeps, without the bucket (the rules are what is tested). */
export function memoryDutyBook(): DutyBook & { records: Map<string, StaffRecord> } {
  const records = new Map<string, StaffRecord>();
  return {
    records,
    get: async (id) => records.get(id),
    update: async (id, change) => {
      const next = change(records.get(id) ?? emptyRecord(id));
      records.set(id, next);
      return next;
    },
    all: () => records.values(),
  };
}
