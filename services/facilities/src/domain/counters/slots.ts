import { FacilityUse, ServiceLevel } from "@crisis/platform/contracts";
import { FacilityRecord } from "../condition";
import { effectiveUse } from "../restriction";
import { OfficeHours, parseOfficeHours } from "./office-hours";
import { japanInstant, japanIso, weekdayOf } from "./japan-time";

/** How a day at a counter is cut into bookable times. */
export interface SlotSettings {
  slotMinutes: number;
  placesPerSlot: number;
}

/** One bookable time at one office for one service and channel. */
export interface SlotPlan {
  id: string;
  serviceId: string;
  channel: string;
  officeId: string;
  date: string;
  /** Minutes after midnight, Japan time. */
  minute: number;
  startsAt: string;
  endsAt: string;
  startMs: number;
  places: number;
}

export interface DayOfService {
  serviceId: string;
  channel: string;
  date: string;
  office: FacilityRecord;
  /** The service channel's level at an instant (staff decisions and playbooks). */
  levelAt: (t: number) => ServiceLevel;
}

/** KV keys allow letters, digits, `-` and `_` between the dots: anything else in an id becomes `_`. */
export const keyPart = (id: string) => id.replace(/[^A-Za-z0-9_-]/g, "_");

export const slotId = (serviceId: string, channel: string, officeId: string, date: string, minute: number) =>
  [serviceId, channel, keyPart(officeId), date.replaceAll("-", ""), String(minute).padStart(4, "0")].join(".");

/** The office's hours on a date: a reduced-hours restriction in force at the start of the day replaces its own. */
export function hoursOn(office: FacilityRecord, date: string): OfficeHours | undefined {
  const own = parseOfficeHours(office.facility.hours);
  const from = japanInstant(date, own?.opens ?? 0);
  const reduced = effectiveUse(office.restrictions, from).active.find((r) => r.kind === FacilityUse.FACILITY_USE_REDUCED_HOURS);
  return (reduced && parseOfficeHours(reduced.hours)) ?? own;
}

/** Places of one slot at a level: reduced keeps half (at least one), suspended and online-only keep none. */
export function placesAt(level: ServiceLevel, settings: SlotSettings): number {
  if (level === ServiceLevel.SERVICE_LEVEL_SUSPENDED || level === ServiceLevel.SERVICE_LEVEL_ONLINE_ONLY) return 0;
  if (level === ServiceLevel.SERVICE_LEVEL_REDUCED) return Math.max(1, Math.floor(settings.placesPerSlot / 2));
  return settings.placesPerSlot;
}

/**
 * The slots of one service channel at one office on one day: every slot that fits in the office's
 * hours that day, with the places the level at its start allows. A closed office, a day it does
 * not open, a suspended or online-only level: no slots.
 */
export function daySlots(day: DayOfService, settings: SlotSettings): SlotPlan[] {
  const hours = hoursOn(day.office, day.date);
  if (!hours || !hours.days.has(weekdayOf(day.date))) return [];
  const slots: SlotPlan[] = [];
  for (let minute = hours.opens; minute + settings.slotMinutes <= hours.closes; minute += settings.slotMinutes) {
    const startMs = japanInstant(day.date, minute);
    if (effectiveUse(day.office.restrictions, startMs).use === FacilityUse.FACILITY_USE_CLOSED) continue;
    const places = placesAt(day.levelAt(startMs), settings);
    if (places === 0) continue;
    slots.push({
      id: slotId(day.serviceId, day.channel, day.office.facility.id, day.date, minute),
      serviceId: day.serviceId,
      channel: day.channel,
      officeId: day.office.facility.id,
      date: day.date,
      minute,
      startsAt: japanIso(day.date, minute),
      endsAt: japanIso(day.date, minute + settings.slotMinutes),
      startMs,
      places,
    });
  }
  return slots;
}
