import { StaffReassigned } from "@crisis/platform/contracts/events";
import { StaffOnDuty } from "../../../../src/areas/staffing/domain/staff-on-duty";

const reassigned = (staffId: string, postId: string, place: { facilityId?: string; serviceId?: string } = {}) =>
  StaffReassigned.fromPartial({ staffId, postId, ...place, startsAt: "2026-07-28T22:00:00Z", endsAt: "2026-07-29T06:00:00Z" });
const at = (iso: string) => new Date(iso);

describe("who is on a shelter's post", () => {
  it("knows staff on a shelter's post during their shift, and an hour either side for the handover", () => {
    const duty = new StaffOnDuty();
    duty.reassigned(reassigned("s1", "shelter:ref:E4310000014111@2026-07-29-night", { facilityId: "ref:E4310000014111" }));
    expect(duty.isOnPostAt("s1", "ref:E4310000014111", at("2026-07-29T01:00:00Z"))).toBe(true);
    expect(duty.isOnPostAt("s1", "ref:E4310000014111", at("2026-07-28T21:30:00Z"))).toBe(true);
    expect(duty.isOnPostAt("s1", "ref:E4310000014111", at("2026-07-29T07:01:00Z"))).toBe(false);
    expect(duty.isOnPostAt("s1", "ref:E4310000043111", at("2026-07-29T01:00:00Z"))).toBe(false);
  });

  it("follows the latest reassignment and forgets a released person", () => {
    const duty = new StaffOnDuty();
    duty.reassigned(reassigned("s1", "shelter:portal:00000264@2026-07-29-night", { facilityId: "portal:00000264" }));
    duty.reassigned(reassigned("s1", "call-centre@2026-07-29-night"));
    expect(duty.isOnPostAt("s1", "portal:00000264", at("2026-07-29T01:00:00Z"))).toBe(false);
    duty.reassigned(reassigned("s2", "shelter:portal:00000264@2026-07-29-night", { facilityId: "portal:00000264" }));
    duty.released({
      eventId: "e",
      noticeId: "n",
      staffId: "s2",
      department: "",
      reason: "",
      releasedAt: "",
      facilityId: "",
      serviceId: "",
    });
    expect(duty.isOnPostAt("s2", "portal:00000264", at("2026-07-29T01:00:00Z"))).toBe(false);
  });

  it("knows staff on a ward office's counter post of a service, and no one else's", () => {
    const duty = new StaffOnDuty();
    duty.reassigned(reassigned("s1", "counter:risai_home:中央区@2026-07-29-night", { serviceId: "risai_home" }));
    duty.reassigned(reassigned("s2", "shelter:risai_home@2026-07-29-night", { facilityId: "risai_home" }));
    expect(duty.isOnCounterOf("s1", "risai_home", at("2026-07-29T01:00:00Z"))).toBe(true);
    expect(duty.isOnCounterOf("s1", "risai_business", at("2026-07-29T01:00:00Z"))).toBe(false);
    expect(duty.isOnCounterOf("s1", "risai_home", at("2026-07-29T08:00:00Z"))).toBe(false);
    expect(duty.isOnCounterOf("s2", "risai_home", at("2026-07-29T01:00:00Z"))).toBe(false);
    expect(duty.isOnPostAt("s1", "risai_home", at("2026-07-29T01:00:00Z"))).toBe(false);
  });

  it("reads the place from the event's fields, not from the shape of the post id", () => {
    const duty = new StaffOnDuty();
    // A post id of any shape: only facility_id / service_id say where the person is.
    duty.reassigned(reassigned("s1", "opaque-post-17", { facilityId: "portal:00000264" }));
    duty.reassigned(reassigned("s2", "shelter:portal:00000264@2026-07-29-night"));
    duty.reassigned(reassigned("s3", "opaque-post-18", { serviceId: "risai_home" }));
    expect(duty.isOnPostAt("s1", "portal:00000264", at("2026-07-29T01:00:00Z"))).toBe(true);
    expect(duty.isOnPostAt("s2", "portal:00000264", at("2026-07-29T01:00:00Z"))).toBe(false);
    expect(duty.isOnCounterOf("s3", "risai_home", at("2026-07-29T01:00:00Z"))).toBe(true);
  });
});
