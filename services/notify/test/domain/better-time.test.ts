import { ServiceLevel } from "@crisis/platform/contracts";
import { CounterWaitingReported } from "@crisis/platform/contracts/crowding";
import { ServiceLevelChanged } from "@crisis/platform/contracts/events";
import {
  WaitingWatch,
  composeFewerWaiting,
  composeReopening,
  readWaitingTopic,
  reopens,
  waitingReported,
} from "../../src/domain/better-time";
import { parseTopic } from "../../src/domain/topics";

const margin = 2;
let minute = 0;
const at = () => new Date(Date.UTC(2026, 6, 28, 0, minute++)).toISOString();

/** Feeds figures in order to one counter followed at N, and says after which figures a notice went. */
function told(figures: number[], followed: number[], start?: WaitingWatch) {
  let watch = start;
  return figures.map((waiting) => {
    const next = waitingReported(watch, { reportedAt: at(), waiting }, followed, margin)!;
    watch = next.watch;
    return next.fellBelow;
  });
}

describe("fewer than N waiting: once per crossing, with the crowding rule's hysteresis", () => {
  it("tells N = 10 once when the figure falls below 10, not again while it hovers at 9–11, again after it rose to 12", () => {
    expect(told([15, 9, 8, 10, 9, 11, 9, 12, 9], [10])).toEqual([[], [10], [], [], [], [], [], [], [10]]);
  });

  it("does not tell a counter first seen below N (no crossing seen), and tells it after it rose to N + margin", () => {
    expect(told([3, 4, 9, 12, 5], [10])).toEqual([[], [], [], [], [10]]);
  });

  it("tells a follower who came while N or more waited, from the last figure, though their N had no band yet", () => {
    const first = waitingReported(undefined, { reportedAt: at(), waiting: 10 }, [5], margin)!;
    expect(first.fellBelow).toEqual([]);
    // 10 was reported when only N = 5 was followed; N = 10 is followed now, and 10 is not below 10…
    expect(told([10, 9], [5, 10], first.watch)).toEqual([[], [10]]);
  });

  it("tells every N crossed by one report, in order, and keeps bands only of the N still followed", () => {
    const result = told([20, 2], [3, 10, 5]);
    expect(result).toEqual([[], [3, 5, 10]]);
    const once = waitingReported(undefined, { reportedAt: at(), waiting: 20 }, [3, 10], margin)!;
    expect(Object.keys(waitingReported(once.watch, { reportedAt: at(), waiting: 8 }, [10], margin)!.watch.bands)).toEqual(["10"]);
  });

  it("ignores a report older than the latest figure and one giving the next free slot instead of a headcount", () => {
    const watch = waitingReported(undefined, { reportedAt: "2026-07-28T05:00:00Z", waiting: 20 }, [10], margin)!.watch;
    expect(waitingReported(watch, { reportedAt: "2026-07-28T04:59:00Z", waiting: 1 }, [10], margin)).toBeUndefined();
    expect(waitingReported(watch, { reportedAt: "2026-07-28T05:01:00Z", waiting: undefined }, [10], margin)).toBeUndefined();
  });

  it("with a margin of 0 tells at every fall below N, as crowding does with no margin", () => {
    let watch: WaitingWatch | undefined;
    const fell = [12, 9, 10, 9].map((waiting) => {
      const next = waitingReported(watch, { reportedAt: at(), waiting }, [10], 0)!;
      watch = next.watch;
      return next.fellBelow.length;
    });
    expect(fell).toEqual([0, 1, 0, 1]);
  });
});

describe("the topics of a better time", () => {
  it.each([
    ["waiting:juminhyo:0", "N must be a whole number from 1 to 999"],
    ["waiting:juminhyo:-3", "N must be a whole number from 1 to 999"],
    ["waiting:juminhyo:2.5", "N must be a whole number from 1 to 999"],
    ["waiting:juminhyo:1000", "N must be a whole number from 1 to 999"],
    ["waiting:juminhyo", "must read waiting:<service id>:<N>"],
    ["waiting::5", "must read waiting:<service id>:<N>"],
  ])("refuses %s naming the topic and why", (topic, why) => {
    expect(() => parseTopic(topic, 2)).toThrow(expect.objectContaining({ code: "TOPIC_INVALID", field: "topics[2]" }));
    expect(() => parseTopic(topic, 2)).toThrow(why);
  });

  it("reads a counter's N and accepts a reopening topic", () => {
    expect(readWaitingTopic("juminhyo:5")).toEqual({ serviceId: "juminhyo", below: 5 });
    expect(parseTopic("waiting:juminhyo:5", 0)).toEqual({ kind: "waiting", value: "juminhyo:5" });
    expect(parseTopic("reopening:risai_jyuka", 0)).toEqual({ kind: "reopening", value: "risai_jyuka" });
    expect(() => parseTopic("reopening:", 0)).toThrow(expect.objectContaining({ field: "topics[0]" }));
  });
});

const level = (channel: string, previousLevel: ServiceLevel, level: ServiceLevel, extra: object = {}) =>
  ServiceLevelChanged.fromPartial({
    eventId: "e9",
    serviceId: "risai_jyuka",
    serviceName: "り災証明書（住家）",
    channel,
    previousLevel,
    level,
    ...extra,
  });
const { SERVICE_LEVEL_NORMAL: normal, SERVICE_LEVEL_REDUCED: reduced, SERVICE_LEVEL_SUSPENDED: suspended } = ServiceLevel;
const { SERVICE_LEVEL_ONLINE_ONLY: onlineOnly, SERVICE_LEVEL_UNSPECIFIED: unspecified } = ServiceLevel;

describe("a counter reopens, or the procedure can be done online", () => {
  it.each([
    ["counter", suspended, reduced, true],
    ["counter", onlineOnly, normal, true],
    ["branch_office", suspended, normal, true],
    ["online", suspended, normal, true],
    ["counter", normal, reduced, false],
    ["counter", suspended, onlineOnly, false],
    ["counter", normal, suspended, false],
    ["online", normal, onlineOnly, false],
    ["online", unspecified, normal, false],
  ])("%s from level %i to %i: told %s", (channel, from, to, expected) => {
    expect(reopens(level(channel, from, to))).toBe(expected);
  });

  it("names the service and opens its page, online or at the counter from its start", () => {
    const online = composeReopening("a1", level("online", suspended, normal), "ja", "https://city.example");
    expect(online).toMatchObject({ title: "熊本市 手続きができるようになりました", url: "https://city.example/services/risai_jyuka" });
    expect(online.body).toBe("り災証明書（住家）は、オンライン申請（マイナポータル）でできるようになりました。");
    const counter = composeReopening(
      "a2",
      level("counter", suspended, reduced, { startsAt: "2026-07-29T00:00:00Z" }),
      "en",
      "https://city.example",
    );
    expect(counter.body).toBe("り災証明書（住家） Risai Shomei Sho Ju Ka reopens at the ward office counter from 29 Jul, 09:00.");
  });

  it("tells how many wait now against the N followed", () => {
    const report = CounterWaitingReported.fromPartial({ eventId: "w1", serviceId: "juminhyo", serviceName: "住民票の写し", waiting: 4 });
    const push = composeFewerWaiting("w1.below.5", report, 5, "ja", "https://city.example");
    expect(push).toMatchObject({
      body: "住民票の写しの窓口で待っている人は4人です（5人未満になりました）。",
      url: "https://city.example/services/juminhyo",
    });
    expect(composeFewerWaiting("w1.below.5", report, 5, "en", "https://city.example").body).toBe(
      "4 people are waiting for 住民票の写し Jumin Hyo No Utsushi (fewer than 5).",
    );
    // Every resident language, as the subscription chose it.
    expect(composeFewerWaiting("w1.below.5", report, 5, "ko", "https://city.example")).toMatchObject({
      lang: "ko",
      title: "구마모토시: 창구가 한산해졌습니다",
    });
    expect(composeFewerWaiting("w1.below.5", report, 5, "ja-x-easy", "https://city.example").body).toContain("4人(にん)です");
  });
});
