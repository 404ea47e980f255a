import { Mode, ServiceLevel } from "@crisis/platform/contracts";
import { CityBoard } from "../../../src/domain/city-board";
import { commitPlan, planMode } from "../../../src/domain/mode-plan";
import { playbookFor } from "../../../src/domain/playbook";
import { daySlots, placesAt } from "../../../src/domain/counters/slots";
import { parseOfficeHours } from "../../../src/domain/counters/office-hours";
import { mode, newBoard, playbooks, registry } from "../../city";

const settings = { slotMinutes: 30, placesPerSlot: 4 };
const chuo = registry.find((f) => f.name === "中央区役所")!;
const normal = (_t: number): ServiceLevel => ServiceLevel.SERVICE_LEVEL_NORMAL;

function declare(board: CityBoard, m: Mode, at: string) {
  const plan = planMode(board, playbookFor(playbooks, m), m, "m1", new Date(at));
  commitPlan(board, plan, m, "m1");
}

const slotsOn = (board: CityBoard, date: string, levelAt: (t: number) => ServiceLevel = normal) =>
  daySlots({ serviceId: "juminhyo", channel: "counter", date, office: board.record(chuo.id)!, levelAt }, settings);

describe("a counter's slots on one day", () => {
  it("reads the city's hours with the weekdays and a note", () => {
    const hours = parseOfficeHours("月火水木金 08:30-17:15 (土日祝・年末年始は閉庁)")!;
    expect([...hours.days]).toEqual([1, 2, 3, 4, 5]);
    expect([hours.opens, hours.closes]).toEqual([510, 1035]);
    expect(parseOfficeHours("随時")).toBeUndefined();
  });

  it("cuts a ward office's ordinary weekday 08:30–17:15 into 17 half-hour slots of 4 places, in Japan time", () => {
    const slots = slotsOn(newBoard(), "2026-07-29");
    expect(slots).toHaveLength(17);
    expect(slots[0]).toMatchObject({ startsAt: "2026-07-29T08:30:00+09:00", endsAt: "2026-07-29T09:00:00+09:00", places: 4 });
    expect(slots[0].startMs).toBe(Date.parse("2026-07-28T23:30:00Z"));
    expect(slots.at(-1)!.startsAt).toBe("2026-07-29T16:30:00+09:00");
    expect(slots[0].id).toBe("juminhyo.counter.city_4310010001.20260729.0510");
  });

  it("gives no slots on a Saturday, when the office is closed", () => {
    expect(slotsOn(newBoard(), "2026-08-01")).toEqual([]);
  });

  it("gives fewer slots under the pandemic emergency: the office's reduced hours 09:00–16:00 and half the places", () => {
    const board = newBoard();
    declare(board, mode("pandemic", "emergency"), "2026-07-28T00:00:00Z");
    const slots = slotsOn(board, "2026-07-29", (t) => board.levelAt("juminhyo", "counter", t).level);
    expect(slots).toHaveLength(14);
    expect(slots[0].startsAt).toBe("2026-07-29T09:00:00+09:00");
    expect(slots.every((s) => s.places === 2)).toBe(true);
  });

  it("gives none when the service is suspended or online only, and keeps every place when extended", () => {
    expect(slotsOn(newBoard(), "2026-07-29", () => ServiceLevel.SERVICE_LEVEL_SUSPENDED)).toEqual([]);
    expect(slotsOn(newBoard(), "2026-07-29", () => ServiceLevel.SERVICE_LEVEL_ONLINE_ONLY)).toEqual([]);
    expect(placesAt(ServiceLevel.SERVICE_LEVEL_EXTENDED, settings)).toBe(4);
    expect(placesAt(ServiceLevel.SERVICE_LEVEL_REDUCED, { slotMinutes: 30, placesPerSlot: 1 })).toBe(1);
  });

  it("drops the slots after a suspension starts in the middle of the day", () => {
    const from = Date.parse("2026-07-29T12:00:00+09:00");
    const slots = slotsOn(newBoard(), "2026-07-29", (t) =>
      t < from ? ServiceLevel.SERVICE_LEVEL_NORMAL : ServiceLevel.SERVICE_LEVEL_SUSPENDED,
    );
    expect(slots.at(-1)!.startsAt).toBe("2026-07-29T11:30:00+09:00");
    expect(slots).toHaveLength(7);
  });
});
