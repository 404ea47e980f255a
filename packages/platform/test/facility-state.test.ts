import {
  FacilityStateInput,
  ShelterName,
  UseName,
  levelNames,
  readFacilityState,
  say,
  stateWord,
  useNames,
  useTerms,
} from "../src/contracts";

const facility = (over: Partial<FacilityStateInput> = {}): FacilityStateInput => ({
  designatedShelter: true,
  use: "open",
  shelter: "not_opened",
  reasons: [],
  since: "2026-12-05T01:00:00.000Z",
  ...over,
});

const byUse: Record<UseName, string> = {
  open: "normal",
  reduced_hours: "restricted",
  capacity_limited: "restricted",
  reservation_only: "restricted",
  partly_closed: "restricted",
  closed: "closed",
};

describe("one reading of a facility's state", () => {
  const shelters: (ShelterName | null)[] = [null, "not_opened", "open", "closed"];
  const cases = levelNames.flatMap((level) =>
    [true, false].flatMap((designated) => shelters.flatMap((shelter) => useNames.map((use) => [level, designated, shelter, use] as const))),
  );

  it.each(cases)("reads level %s, designated %s, shelter %s, use %s by the one rule", (level, designated, shelter, use) => {
    const reading = readFacilityState(facility({ designatedShelter: designated, shelter, use }), level);
    const shelterFirst = shelter === "open" || shelter === "closed" || (shelter === "not_opened" && designated && level !== "normal");
    expect(reading.shelterFirst).toBe(shelterFirst);
    expect(reading.state).toBe(shelterFirst ? `shelter_${shelter}` : byUse[use]);
    expect(reading.use).toBe(use);
    expect(reading.shelter).toBe(shelter);
  });

  it("reads a shelter closed by staff as closed, never as open as usual, in every mode", () => {
    for (const level of levelNames) {
      const reading = readFacilityState(facility({ shelter: "closed", reasons: ["余震で天井材が落下"] }), level);
      expect(reading.state).toBe("shelter_closed");
      expect(stateWord(reading.state, "ja")).toBe("避難所閉鎖");
      expect(stateWord(reading.state, "en")).toBe("shelter closed");
      expect(reading.reasons).toEqual(["余震で天井材が落下"]);
      expect(reading.since).toBe("2026-12-05T01:00:00.000Z");
    }
  });

  it("tells the ordinary use after a shelter operation, and not when the use leads", () => {
    const closed = readFacilityState(facility({ shelter: "closed" }), "emergency");
    expect(closed).toMatchObject({ shelterFirst: true, use: "open" });
    expect(say("ja", "ordinaryUse", { use: useTerms[closed.use!].ja })).toBe("施設の利用: 通常どおり開館");
    expect(say("en", "ordinaryUse", { use: useTerms[closed.use!].en })).toBe("Ordinary use: open");
    expect(readFacilityState(facility({ use: "closed" }), "normal").shelterFirst).toBe(false);
  });

  it("falls back on the combined status when the use is not known", () => {
    expect(readFacilityState(facility({ use: null, shelter: null, status: "closed" }), "normal").state).toBe("closed");
    expect(readFacilityState(facility({ use: "unknown", shelter: null, status: "shelter_open" }), "normal").state).toBe("shelter_open");
    expect(readFacilityState(facility({ use: null, shelter: null, status: "garbled" }), "normal").state).toBe("unknown");
  });

  it("reads a shelter that is not known as a shelter by its use", () => {
    expect(readFacilityState(facility({ shelter: "unknown", use: "partly_closed" }), "emergency").state).toBe("restricted");
  });
});
