import pino from "pino";
import { AppError } from "@crisis/platform/contracts";
import { unaryHandler, waitUntil } from "@crisis/platform";
import {
  CrowdingChanged,
  CrowdingLevel,
  OccupancyReported,
  ReportOccupancyRequest,
  ShelterCrowding,
  SupplyNeed,
} from "@crisis/platform/contracts/crowding";
import { CrowdingServiceServer } from "@crisis/platform/contracts/crowding_service";
import { NatsServerHandle, startNatsServer } from "@crisis/platform/testing";
import { shelterApi } from "../../../../src/areas/shelters/http/routes";
import { crowdingAnswers } from "../../../../src/areas/shelters/http/schemas";
import { LocalIdp, startLocalIdp } from "../../../adapters/auth/local-idp";
import { GatewayUnderTest, startGateway } from "../../../adapters/gateway-under-test";
import { putOnPost } from "../../../support/staff-posts";

const logger = pino({ level: "silent" });
const shelterId = "ref:E4310000014111";
const view = (req: ReportOccupancyRequest): ShelterCrowding =>
  ShelterCrowding.fromPartial({
    facilityId: req.facilityId,
    facilityName: "くまもと森都心プラザ",
    ward: "西区",
    capacity: 100,
    level: CrowdingLevel.CROWDING_LEVEL_FULL,
    open: true,
    latest: { headcount: req.headcount, needs: req.needs, reportedAt: "2026-07-28T07:30:00Z", facilityId: req.facilityId },
  });

/**
 * Who may report a shelter's occupancy, against a stand-in crowding service that records what
 * reaches it; staff posts come from real StaffReassigned/StaffReleased events on a real nats-server.
 */
describe("the shelter crowding routes", () => {
  const reports: ReportOccupancyRequest[] = [];
  const impl: CrowdingServiceServer = {
    reportOccupancy: unaryHandler(logger, "ReportOccupancy", async (req) => {
      if (req.facilityId !== shelterId) throw new AppError("FACILITY_NOT_FOUND", 404, `facility "${req.facilityId}" does not exist`, "id");
      reports.push(req);
      return {
        shelter: view(req),
        changed: CrowdingChanged.fromPartial({
          previousLevel: CrowdingLevel.CROWDING_LEVEL_CROWDED,
          level: CrowdingLevel.CROWDING_LEVEL_FULL,
        }),
      };
    }),
    listCrowding: unaryHandler(logger, "ListCrowding", async () => ({
      shelters: [
        ShelterCrowding.fromPartial({ facilityId: "s2", facilityName: "二の丸", ward: "中央区", open: true }),
        ...[
          { facilityId: "s4", ageSeconds: 600, needs: { water: SupplyNeed.SUPPLY_NEED_SHORT, food: SupplyNeed.SUPPLY_NEED_ENOUGH } },
          { facilityId: "s5", ageSeconds: 60, needs: { blankets: SupplyNeed.SUPPLY_NEED_OUT, food: SupplyNeed.SUPPLY_NEED_SHORT } },
          { facilityId: "s6", ageSeconds: 900, needs: { water: SupplyNeed.SUPPLY_NEED_SHORT } },
          { facilityId: "s7", ageSeconds: 60, needs: { water: SupplyNeed.SUPPLY_NEED_ENOUGH } },
        ].map(({ facilityId, ageSeconds, needs }) =>
          ShelterCrowding.fromPartial({
            facilityId,
            facilityName: facilityId,
            ward: "東区",
            open: true,
            ageSeconds,
            latest: { facilityId, headcount: 40, needs, reportedAt: "2026-07-28T07:00:00Z" },
          }),
        ),
      ],
      wards: [{ ward: "中央区", openShelters: 1, openLevel: 0, busy: 0, crowded: 0, full: 0, unknown: 1, headcount: 0, capacityKnown: 0 }],
    })),
    getCrowding: unaryHandler(logger, "GetCrowding", async (req) =>
      view(ReportOccupancyRequest.fromPartial({ facilityId: req.facilityId, headcount: 7 })),
    ),
    occupancyHistory: unaryHandler(logger, "OccupancyHistory", async (req) => ({
      reports: reports
        .filter((r) => !req.facilityId || r.facilityId === req.facilityId)
        .map((r, i) =>
          OccupancyReported.fromPartial({
            facilityId: r.facilityId,
            facilityName: "くまもと森都心プラザ",
            ward: "西区",
            headcount: r.headcount,
            capacity: 100,
            needs: r.needs,
            level: CrowdingLevel.CROWDING_LEVEL_FULL,
            reportedAt: `2026-07-28T07:3${i}:00Z`,
          }),
        ),
      closings: [],
    })),
    nearestShelters: unaryHandler(logger, "NearestShelters", async (req) => ({
      shelters: [
        {
          facilityId: "s3",
          facilityName: "白川小学校",
          ward: "中央区",
          distanceM: 840,
          level: CrowdingLevel.CROWDING_LEVEL_BUSY,
          room: 120,
          latitude: req.latitude,
          longitude: req.longitude,
        },
      ],
    })),
  };
  let nats: NatsServerHandle;
  let idp: LocalIdp;
  let gw: GatewayUnderTest;
  const body = { headcount: 101, needs: { water: "short", blankets: "out", pets: 3, welfareSpace: 2 } };
  const reportAs = (sub: string, roles: ("staff" | "manager" | "facility_admin")[], payload: unknown = body, id = shelterId) =>
    gw.call("POST", `/api/v1/shelters/${encodeURIComponent(id)}/occupancy`, { body: payload, as: { roles, sub } });

  beforeAll(async () => {
    [nats, idp] = await Promise.all([startNatsServer(), startLocalIdp()]);
    gw = await startGateway(nats, idp, { crowding: impl });
    // In this order: once the gateway knows the second, it knows the first.
    await putOnPost(gw, 1, "staff-elsewhere", "shelter:ref:E999@2026-07-28-day", { facilityId: "ref:E999" });
    await putOnPost(gw, 2, "staff-on-post", `shelter:${shelterId}@2026-07-28-day`, { facilityId: shelterId });
  });
  afterAll(async () => {
    await gw.stop();
    await Promise.all([nats.stop(), idp.stop()]);
  });

  it("takes a report from staff on a post at that shelter, passing the needs on as contract values", async () => {
    // The gateway follows the staff stream by itself: the post is known there shortly.
    const res = await waitUntil(async () => {
      const answer = await reportAs("staff-on-post", ["staff"]);
      return answer.status === 201 && answer;
    }, "staff-on-post known to be on the post");
    expect(res.body.shelter).toMatchObject({
      id: shelterId,
      level: "full",
      levelJa: "満",
      capacity: 100,
      link: `/facilities/${encodeURIComponent(shelterId)}`,
    });
    expect(res.body.changed).toEqual({ from: "crowded", to: "full" });
    expect(crowdingAnswers.reported.safeParse(res.body).success).toBe(true);
    expect(reports.at(-1)).toMatchObject({
      facilityId: shelterId,
      headcount: 101,
      author: "staff-on-post",
      needs: { water: SupplyNeed.SUPPLY_NEED_SHORT, blankets: SupplyNeed.SUPPLY_NEED_OUT, pets: 3, welfareSpace: 2, medical: 0 },
    });
  });

  it("refuses staff on a post at another shelter with 403 and passes nothing on", async () => {
    const before = reports.length;
    const res = await reportAs("staff-elsewhere", ["staff"]);
    expect(res.status).toBe(403);
    expect(res.body).toMatchObject({ code: "NOT_ON_POST" });
    expect(reports.length).toBe(before);
  });

  it("refuses staff once their shift is over, and roles that are neither staff nor manager", async () => {
    expect((await reportAs("admin", ["facility_admin"])).body).toMatchObject({ status: 403, code: "ROLE_FORBIDDEN" });
    expect((await reportAs("nobody-on-post", ["staff"])).body).toMatchObject({ status: 403, code: "NOT_ON_POST" });
    const before = reports.length;
    gw.clock.advance(10 * 3_600_000);
    expect((await reportAs("staff-on-post", ["staff"])).body).toMatchObject({ status: 403, code: "NOT_ON_POST" });
    expect((await reportAs("m@city", ["manager"])).status).toBe(201);
    expect(reports.length).toBe(before + 1);
  });

  it("still takes needs.welfare_space for one release with a Deprecation header, and answers welfareSpace", async () => {
    const old = await reportAs("m@city", ["manager"], { headcount: 5, needs: { welfare_space: 4 } });
    expect(old.status).toBe(201);
    expect(old.headers.get("deprecation")).toBe("@1796601600");
    expect(reports.at(-1)?.needs).toMatchObject({ welfareSpace: 4 });
    expect(old.body.shelter.latest.needs).toMatchObject({ welfareSpace: 4 });
    expect(old.body.shelter.latest.needs).not.toHaveProperty("welfare_space");
    const before = reports.length;
    const both = await reportAs("m@city", ["manager"], { headcount: 5, needs: { welfareSpace: 4, welfare_space: 5 } });
    expect(both.body).toMatchObject({ status: 400, code: "SPELLINGS_DIFFER", field: "needs.welfareSpace" });
    expect(reports.length).toBe(before);
  });

  it("refuses a bad report naming the field", async () => {
    const bad = await reportAs("m@city", ["manager"], { headcount: 10, needs: { water: "plenty" } });
    expect(bad.status).toBe(422);
    expect(bad.body.field).toBe("needs.water");
    expect((await reportAs("m@city", ["manager"], { headcount: 1.5 })).body.field).toBe("headcount");
    expect((await reportAs("m@city", ["manager"], { headcount: 1, crowd: 1 })).body.field).toBe("crowd");
  });

  it("shows crowding per shelter and per ward, unknown capacity as null", async () => {
    const res = await gw.call("GET", "/api/v1/shelters");
    expect(res.status).toBe(200);
    expect(res.body.shelters[0]).toMatchObject({ id: "s2", capacity: null, level: "unknown", levelJa: "不明", latest: null });
    expect(res.body.wards[0]).toMatchObject({ ward: "中央区", openShelters: 1, levels: { unknown: 1 } });
    expect(crowdingAnswers.list.safeParse(res.body).success).toBe(true);
    expect(crowdingAnswers.shelter.safeParse((await gw.call("GET", `/api/v1/shelters/${shelterId}/occupancy`)).body).success).toBe(true);
    expect((await gw.call("GET", "/api/v1/shelters?ward=東京")).body.field).toBe("ward");
  });

  it("tells managers and facility admins which shelters are out of or short of supplies, out first then the oldest report", async () => {
    const res = await gw.call("GET", "/api/v1/shelters/short", { as: { roles: ["facility_admin"] } });
    expect(res.status).toBe(200);
    expect(res.body.shelters.map((s: { id: string }) => s.id)).toEqual(["s5", "s6", "s4"]);
    expect(res.body.shelters[0]).toMatchObject({
      out: ["blankets"],
      short: ["food"],
      headcount: 40,
      ageSeconds: 60,
      link: "/facilities/s5",
    });
    expect(shelterApi.short.answers[200].parse(res.body)).toEqual(res.body);
    expect((await gw.call("GET", "/api/v1/shelters/short", { as: { roles: ["staff"] } })).status).toBe(403);
    expect((await gw.call("GET", "/api/v1/shelters/short")).status).toBe(401);
    expect((await gw.call("GET", "/api/v1/shelters/short?ward=博多区", { as: { roles: ["manager"] } })).body.field).toBe("ward");
  });

  it("answers the nearest shelters with room, and names a bad or missing coordinate", async () => {
    const res = await gw.call("GET", "/api/v1/shelters/nearest?lat=32.80&lon=130.70&limit=3");
    expect(res.body.shelters).toEqual([
      expect.objectContaining({ id: "s3", distanceM: 840, level: "busy", levelJa: "やや混雑", room: 120, link: "/facilities/s3" }),
    ]);
    expect(crowdingAnswers.nearest.safeParse(res.body).success).toBe(true);
    expect((await gw.call("GET", "/api/v1/shelters/nearest?lon=130.70")).body).toMatchObject({ status: 422, field: "lat" });
    expect((await gw.call("GET", "/api/v1/shelters/nearest?lat=32.8&lon=abc")).body).toMatchObject({ status: 422, field: "lon" });
    expect((await gw.call("GET", "/api/v1/shelters/nearest?lat=32.8&lon=130.7&limit=0")).body).toMatchObject({ field: "limit" });
  });

  it("gives managers the occupancy over time as CSV, in Tokyo time, and refuses staff", async () => {
    const res = await gw.call("GET", `/api/v1/shelters/history?facility=${encodeURIComponent(shelterId)}`, { as: { roles: ["manager"] } });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^text\/csv/);
    const lines = res.text.trim().split("\r\n");
    expect(lines[0]).toBe("reportedAt,facilityId,name,ward,headcount,capacity,level,water,food,blankets,medical,pets,welfareSpace");
    expect(lines[1]).toBe(`2026-07-28T16:30:00+09:00,${shelterId},くまもと森都心プラザ,西区,101,100,full,short,,out,0,3,2`);
    expect(lines).toHaveLength(reports.length + 1);
    expect((await gw.call("GET", "/api/v1/shelters/history", { as: { roles: ["staff"] } })).status).toBe(403);
    const hours = await gw.call("GET", `/api/v1/shelters/history?ward=${encodeURIComponent("西区")}&by=hour`, {
      as: { roles: ["manager"] },
    });
    const hourLines = hours.text.trim().split("\r\n");
    expect(hourLines[0]).toBe("hour,ward,shelters,headcount,capacityKnown");
    expect(hourLines[1]).toMatch(/^2026-07-28T16:00:00\+09:00,西区,1,\d+,100$/);
    expect((await gw.call("GET", "/api/v1/shelters/history?by=day", { as: { roles: ["manager"] } })).body.field).toBe("by");
    expect((await gw.call("GET", "/api/v1/shelters/history?ward=博多区", { as: { roles: ["manager"] } })).body.field).toBe("ward");
  });
});
