import { readFileSync } from "node:fs";
import { join } from "node:path";
import { FacilityUse, ServiceLevel, serviceLevelTerms } from "@crisis/platform/contracts";
import { AddRestrictionRequest, SetServiceLevelRequest } from "@crisis/platform/contracts/facilities";
import { decided } from "../../src/domain/city-board";
import { manualLevel, manualRestriction } from "../../src/domain/decisions";
import { dataDir, newBoard, registry } from "../city";

interface Notice {
  title: string;
  url: string;
  date: string;
}
const notices: Notice[] = JSON.parse(readFileSync(join(dataDir, "kumamoto_city_official_notices_2026.json"), "utf8")).municipality.updates;
const notice = (kiji: string) => notices.find((n) => n.url.includes(kiji))!;
const jst = (date: string, time = "09:00") => `${date}T${time}:00+09:00`;

type Encoded =
  | { kiji: string; facilities: string[]; kind: FacilityUse }
  | { kiji: string; service: string; channels: string[]; level: keyof typeof serviceLevelTerms };

/** The city's notices after the 2026 earthquake, each encoded as the decision it announced. */
const encoded: Encoded[] = [
  {
    kiji: "kiji00372082",
    facilities: registry.filter((f) => f.category === "library").map((f) => f.id),
    kind: FacilityUse.FACILITY_USE_CLOSED,
  },
  { kiji: "kiji00372108", service: "juminhyo", channels: ["counter"], level: "reduced" },
  { kiji: "kiji00372112", service: "special_consultation", channels: ["counter", "phone"], level: "extended" },
  { kiji: "kiji00372399", service: "risai_home", channels: ["online"], level: "extended" },
  { kiji: "kiji00310012", service: "risai_business", channels: ["counter"], level: "extended" },
  { kiji: "kiji0032451", service: "risai_home", channels: ["counter"], level: "extended" },
  { kiji: "kiji00372378", service: "koseki", channels: ["counter"], level: "extended" },
  { kiji: "kiji00372590", service: "general_consultation", channels: ["counter", "phone"], level: "extended" },
  {
    kiji: "kiji00344187",
    facilities: [registry.find((f) => f.name === "熊本市立熊本博物館")!.id, registry.find((f) => f.name === "熊本市現代美術館")!.id],
    kind: FacilityUse.FACILITY_USE_CLOSED,
  },
];

describe("the city's 2026 earthquake notices, encoded as decisions", () => {
  const board = newBoard();
  let n = 0;
  for (const e of encoded) {
    const { title, url, date } = notice(e.kiji);
    const reason = `${title} ${url}`;
    if ("facilities" in e) {
      for (const id of e.facilities) {
        const r = manualRestriction(
          AddRestrictionRequest.fromPartial({ facilityId: id, kind: e.kind, reason, author: "city", startsAt: jst(date) }),
          `r${n}`,
          new Date(jst(date)),
        );
        board.replaceRecord(
          decided(board.record(id)!, {
            eventId: `d${n++}`,
            facilityId: id,
            decidedAt: r.startsAt,
            decidedBy: "city",
            reason,
            restrictionAdded: r,
            restrictionEnded: "",
            shelter: 0,
          }),
        );
      }
    } else {
      for (const channel of e.channels) {
        const level = manualLevel(
          SetServiceLevelRequest.fromPartial({
            serviceId: e.service,
            channel,
            level: serviceLevelTerms[e.level].value,
            reason,
            author: "city",
            startsAt: jst(date),
          }),
          `l${n++}`,
          new Date(jst(date)),
        );
        board.recordDecision(
          {
            eventId: level.id,
            facilityId: "",
            decidedAt: level.decidedAt,
            decidedBy: "city",
            reason,
            restrictionEnded: "",
            shelter: 0,
            serviceLevel: level,
          },
          n,
          `service:${e.service}/${channel}`,
        );
      }
    }
  }

  it("encodes at least eight distinct notices of the file", () => {
    expect(new Set(encoded.map((e) => notice(e.kiji).url)).size).toBeGreaterThanOrEqual(8);
  });

  it.each(encoded.map((e) => [notice(e.kiji).title, e] as const))("reads back 「%s」 as the notice says, from its date on", (_title, e) => {
    const { date, url } = notice(e.kiji);
    const before = Date.parse(jst(date, "08:59"));
    const after = Date.parse(jst(date, "12:00"));
    if ("facilities" in e) {
      for (const id of e.facilities) {
        expect(board.conditionAt(id, before).use).toBe(FacilityUse.FACILITY_USE_OPEN);
        const c = board.conditionAt(id, after);
        expect(c.use).toBe(e.kind);
        expect(c.reasons.join(" ")).toContain(url);
      }
    } else {
      for (const channel of e.channels) {
        expect(board.levelAt(e.service, channel, before).level).toBe(ServiceLevel.SERVICE_LEVEL_NORMAL);
        const { level, decision } = board.levelAt(e.service, channel, after);
        expect(level).toBe(serviceLevelTerms[e.level].value);
        expect(decision?.reason).toContain(url);
      }
    }
  });
});
