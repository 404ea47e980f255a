import { addDays, cityInstant } from "@crisis/platform/contracts";
import { CounterWaiting, DepartmentDeployed, IncidentLedger, LevelChange, TimelineEntry } from "./incident-report";

export interface WardFigures {
  ward: string;
  /** Shelters open at any time that day. */
  sheltersOpen: number;
  /** Evacuees in the day's last hour (as of the sheet's time). */
  evacuees: number;
  /** The most evacuees in any hour of the day. */
  peakEvacuees: number;
}

/**
 * One city day of the incident as the HQ meeting's figure sheet (本部会議資料) shows it: shelters open,
 * evacuees, staff deployed, and what the after-action report has for the day.
 */
export interface DailySheet {
  date: string;
  from: string;
  /** The sheet's time: the day's end, or now while the day runs. */
  asOf: string;
  wards: WardFigures[];
  totals: { sheltersOpen: number; evacuees: number; peakEvacuees: number; staffDeployed: number; staffHours: number };
  staff: DepartmentDeployed[];
  answers: { notices: number; acknowledged: number; declined: number; ackRate: number; medianAnswerSeconds: number | null };
  alerts: { alerts: number; messages: number; reached: number; deliveryRate: number };
  decisions: TimelineEntry[];
  counters: { levels: LevelChange[]; waiting: CounterWaiting[] };
}

const round = (n: number, digits: number) => Math.round(n * 10 ** digits) / 10 ** digits;
const sum = (values: number[]) => values.reduce((n, v) => n + v, 0);

/** The sheet of the city date `date`, read from the ledger up to `now` (a day not begun yet has no figures). */
export function dailySheet(ledger: IncidentLedger, date: string, now: Date): DailySheet {
  const start = cityInstant(date);
  const end = Math.max(start + 1, Math.min(cityInstant(addDays(date, 1)), now.getTime()));
  const from = new Date(start).toISOString();
  const asOf = new Date(end).toISOString();
  const report = ledger.report(from, asOf);
  const hourly = report.shelters.evacueesPerWardPerHour;
  const lastHour = hourly.at(-1)?.hour;
  const wardNames = [...new Set([...report.shelters.openPerWardPerDay.map((r) => r.ward), ...hourly.map((r) => r.ward)])].sort();
  const wards = wardNames.map((ward) => {
    const rows = hourly.filter((r) => r.ward === ward);
    return {
      ward,
      sheltersOpen: sum(report.shelters.openPerWardPerDay.filter((r) => r.ward === ward).map((r) => r.open)),
      evacuees: rows.find((r) => r.hour === lastHour)?.evacuees ?? 0,
      peakEvacuees: Math.max(0, ...rows.map((r) => r.evacuees)),
    };
  });
  const perHour = new Map<string, number>();
  for (const r of hourly) perHour.set(r.hour, (perHour.get(r.hour) ?? 0) + r.evacuees);
  const staff = ledger.staffDeployed(from, asOf);
  const messages = sum(report.alerts.map((a) => a.messages));
  const reached = sum(report.alerts.map((a) => a.reached));
  const { notices, acknowledged, declined, ackRate, medianAnswerSeconds } = report.staff;
  return {
    date,
    from,
    asOf,
    wards,
    totals: {
      sheltersOpen: sum(wards.map((w) => w.sheltersOpen)),
      evacuees: sum(wards.map((w) => w.evacuees)),
      peakEvacuees: Math.max(0, ...perHour.values()),
      staffDeployed: sum(staff.map((s) => s.people)),
      staffHours: round(sum(staff.map((s) => s.hours)), 2),
    },
    staff,
    answers: { notices, acknowledged, declined, ackRate, medianAnswerSeconds },
    alerts: { alerts: report.alerts.length, messages, reached, deliveryRate: messages > 0 ? round(reached / messages, 4) : 0 },
    decisions: report.timeline,
    counters: report.counters,
  };
}
