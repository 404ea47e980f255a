import { isDate } from "./japan-time";

export interface SlotRef {
  serviceId: string;
  channel: string;
  officeKey: string;
  date: string;
  minute: number;
}

/** Reads a slot id (service.channel.office.yyyymmdd.mmmm, mmmm the minute of the day); anything else gives undefined. */
export function parseSlotId(id: string): SlotRef | undefined {
  const parts = id.split(".");
  if (parts.length !== 5) return undefined;
  const [serviceId, channel, officeKey, day, minuteText] = parts;
  const date = `${day.slice(0, 4)}-${day.slice(4, 6)}-${day.slice(6, 8)}`;
  const minute = Number(minuteText);
  if (!/^\d{8}$/.test(day) || !isDate(date) || !/^\d{4}$/.test(minuteText) || minute >= 24 * 60) return undefined;
  return { serviceId, channel, officeKey, date, minute };
}
