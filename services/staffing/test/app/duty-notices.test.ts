import type { StaffReassigned, StaffReleased, StaffTeamChanged } from "@crisis/platform/contracts/events";
import { tellReassigned, tellReleased, tellTeam } from "../../src/app/duty-notices";
import type { EventPublisher } from "@crisis/platform/ports";
import { memoryDutyBook } from "../support";

const post = (id: string, start: string) => ({
  id,
  place: "避難所 A",
  ward: "東区" as const,
  duty: "避難所運営",
  start: new Date(start),
  end: new Date(new Date(start).getTime() + 8 * 3_600_000),
  positions: [{ skills: [], count: 1 }],
});

const events: EventPublisher = { publish: async () => undefined };

describe("telling a person of new duties", () => {
  it("keeps a duty under way that the new plan keeps (its minutes counted once, at its end) and counts what was served of one left", async () => {
    const duties = memoryDutyBook();
    const day1 = post("shelter:A@2026-07-28-evening", "2026-07-28T06:00:00Z");
    const day2 = post("shelter:A@2026-07-29-evening", "2026-07-29T06:00:00Z");
    const other = post("shelter:B@2026-07-29-evening", "2026-07-29T06:00:00Z");
    const tell = (id: string, p: typeof day1, posts: (typeof day1)[], at: string) =>
      tellReassigned({ events, duties }, { id, staffId: "S1", planId: "p", post: p, posts, reason: "", at: new Date(at) }, "t");
    await tell("n1", day1, [day1, day2], "2026-07-28T05:00:00Z");
    // Two hours into the first evening, a new plan moves day 2 elsewhere and keeps day 1.
    await tell("n2", other, [day1, other], "2026-07-28T08:00:00Z");
    const record = duties.records.get("S1")!;
    expect(record.duties.map((d) => d.postId)).toEqual([day1.id, other.id]);
    expect(record.minutesOnDuty).toBe(0);
    expect(record.notices.map((n) => n.id)).toEqual(["n1", "n2"]);
    // Moved off day 1 an hour later: the three hours served count.
    await tell("n3", other, [other], "2026-07-28T09:00:00Z");
    expect(duties.records.get("S1")!).toMatchObject({ minutesOnDuty: 180 });
  });

  it("names the post's place in every event about it: the shelter's facility id or the counter service's id", async () => {
    const duties = memoryDutyBook();
    const sent: (StaffReassigned | StaffReleased | StaffTeamChanged)[] = [];
    const events: EventPublisher = { publish: async (_type, event) => void sent.push(event as (typeof sent)[number]) };
    const shelter = { ...post("shelter:A@2026-07-28-evening", "2026-07-28T06:00:00Z"), facilityId: "A" };
    const counter = { ...post("counter:risai:東区@2026-07-29-day", "2026-07-29T00:00:00Z"), serviceId: "risai" };
    const at = new Date("2026-07-28T05:00:00Z");
    await tellReassigned(
      { events, duties },
      { id: "n1", staffId: "S1", planId: "p", post: shelter, posts: [shelter], reason: "", at },
      "t",
    );
    await tellReassigned(
      { events, duties },
      { id: "n2", staffId: "S2", planId: "p", post: counter, posts: [counter], reason: "", at },
      "t",
    );
    const floor = { department: "d", departmentName: "D", minimum: 1 };
    await tellTeam(
      { events, duties },
      { id: "n3", staffId: "S3", post: shelter, left: { staffId: "S1", name: "一" }, floor, replacementName: "", at },
      "t",
    );
    await tellReleased({ events, duties }, { id: "n4", staffId: "S2", department: "d", reason: "", at }, "t");
    expect(sent.map((e) => [e.staffId, e.facilityId, e.serviceId])).toEqual([
      ["S1", "A", ""],
      ["S2", "", "risai"],
      ["S3", "A", ""],
      ["S2", "", "risai"],
    ]);
  });
});
