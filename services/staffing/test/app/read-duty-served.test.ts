import { FakeClock } from "@crisis/platform";
import { readDutyServed } from "../../src/app/read-duty-served";
import type { DutyBook } from "../../src/app/ports";
import { emptyRecord, type Duty, type StaffRecord } from "../../src/domain";

const duty = (postId: string, startsAt: string, endsAt: string): Duty => ({
  postId,
  postName: postId,
  facilityId: "",
  facilityName: "",
  ward: "中央区",
  duty: "避難所運営",
  startsAt,
  endsAt,
  reportTo: "",
});

const book = (records: StaffRecord[]): DutyBook => ({
  get: async (id) => records.find((r) => r.staffId === id),
  update: async () => {
    throw new Error("read only");
  },
  all: () => records,
});

describe("the duty served that the next plan reads", () => {
  const clock = new FakeClock(new Date("2026-07-28T10:00:00Z"));
  const morning = duty("shelter:A@2026-07-28-day", "2026-07-28T00:00:00Z", "2026-07-28T09:00:00Z");
  const records = [
    { ...emptyRecord("S1"), duties: [morning] },
    { ...emptyRecord("S2"), minutesOnDuty: 120, lastDutyEnd: "2026-07-27T20:00:00.000Z" },
  ];

  it("counts ended duties for the rest rule and the load spread", () => {
    const served = readDutyServed({ duties: book(records), clock }, new Set());
    expect(served.minutesOnDuty).toEqual(
      new Map([
        ["S1", 540],
        ["S2", 120],
      ]),
    );
    expect(served.lastDutyEnd).toEqual(
      new Map([
        ["S1", new Date("2026-07-28T09:00:00Z")],
        ["S2", new Date("2026-07-27T20:00:00Z")],
      ]),
    );
  });

  it("leaves out the duties on the posts being planned, which the plan in force already carries", () => {
    const served = readDutyServed({ duties: book(records), clock }, new Set([morning.postId]));
    expect(served.minutesOnDuty?.has("S1")).toBe(false);
    expect(served.lastDutyEnd?.has("S1")).toBe(false);
    expect(served.minutesOnDuty?.get("S2")).toBe(120);
  });
});
