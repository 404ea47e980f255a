import { StaffReassigned, StaffReleased, StaffReminded, StaffRotaChanged, StaffTeamChanged } from "@crisis/platform/contracts/events";
import { BookingRecorded, CounterBooking } from "@crisis/platform/contracts/counters";
import { composeBookingNotice, composeStaffNotice } from "../../src/domain/compose-notice";

const url = "https://crisis.example.jp/staff";

describe("a staff notice in the recipient's language", () => {
  it("says where (address), when, whom to report to with their phone, what to bring and what to do if the person cannot go", () => {
    const event = StaffReassigned.fromPartial({
      eventId: "staff-reassigned-r1",
      noticeId: "r1",
      staffId: "S-7",
      postId: "shelter:ref:E1@2026-12-05-evening",
      place: "碩台小学校",
      address: "熊本市中央区京町本丁3-1",
      duty: "避難所運営",
      startsAt: "2026-12-05T06:00:00Z",
      endsAt: "2026-12-05T14:00:00Z",
      reportTo: "熊本 花子（架空）",
      reportToPhone: "096-000-0012",
      bring: ["職員証", "雨具"],
    });
    const ja = composeStaffNotice({ kind: "reassigned", event }, "ja", url).body;
    expect(ja).toBe(
      "碩台小学校（熊本市中央区京町本丁3-1）で避難所運営。12月5日 15:00から12月5日 23:00まで。報告先: 熊本 花子（架空） 096-000-0012。持ち物: 職員証、雨具。行けないときは職員ページで理由を添えて「辞退」を。代わりの人が配置されます。",
    );
    // Local time, never the shift key of the post id.
    expect(ja).not.toContain("evening");
    expect(composeStaffNotice({ kind: "reassigned", event }, "en", url).body).toBe(
      "避難所運営 at 碩台小学校 (熊本市中央区京町本丁3-1), 5 Dec, 15:00 to 5 Dec, 23:00. Report to 熊本 花子（架空）, 096-000-0012. Bring: 職員証, 雨具. If you cannot go, decline on the staff page with a reason; someone else is sent.",
    );
  });

  it("tells a department's head whose notice is unanswered and who could go instead, in Japanese and English", () => {
    const event = StaffReminded.fromPartial({
      eventId: "staff-escalated-1",
      noticeId: "e1",
      staffId: "HEAD-1",
      attempt: 2,
      escalatedTo: "HEAD-1",
      aboutStaffId: "S-7",
      aboutName: "熊本 花子",
      proposedStaffId: "S-9",
      proposedName: "阿蘇 太郎",
    });
    expect(composeStaffNotice({ kind: "reminded", event }, "ja", url)).toMatchObject({
      title: "熊本市 配置通知の未回答",
      body: "熊本 花子さんが配置通知に回答していません。交代案: 阿蘇 太郎",
      tag: "staff.e1",
    });
    expect(composeStaffNotice({ kind: "reminded", event: { ...event, proposedName: "" } }, "en", url).body).toBe(
      "熊本 花子 has not answered their assignment. Proposed replacement: none available.",
    );
  });

  it("tells the people staying on a post who left it for their department's floor and who replaces them, in Japanese and English", () => {
    const event = StaffTeamChanged.fromPartial({
      eventId: "staff-team-t1",
      noticeId: "t1",
      staffId: "S-3",
      postId: "shelter:ref:E1@2026-07-28-evening",
      place: "五福小学校",
      leftStaffId: "S-7",
      leftName: "熊本 花子",
      floor: { department: "D-CIVIC", departmentName: "市民課", minimum: 12 },
      replacementName: "阿蘇 太郎",
    });
    expect(composeStaffNotice({ kind: "team", event }, "ja", url)).toMatchObject({
      title: "熊本市 配置先の体制変更",
      body: "五福小学校: 熊本 花子さんは市民課の業務継続（最低12人）のため所属課に戻りました。交代: 阿蘇 太郎さん",
      tag: "staff.t1",
    });
    expect(composeStaffNotice({ kind: "team", event: { ...event, replacementName: "" } }, "en", url).body).toBe(
      "五福小学校: 熊本 花子 went back to 市民課, which needs at least 12 staff to keep running. Replacement: none yet (position open).",
    );
    const nurses = { ...event, floor: { department: "D-HEALTH", departmentName: "保健所", minimum: 2, skill: "保健師" } };
    expect(composeStaffNotice({ kind: "team", event: nurses }, "ja", url).body).toBe(
      "五福小学校: 熊本 花子さんは保健所の業務継続（保健師最低2人）のため所属課に戻りました。交代: 阿蘇 太郎さん",
    );
  });

  it("opens the person's own notice on the staff page, and the staff page itself for an escalation about someone else's", () => {
    const own = StaffReminded.fromPartial({ eventId: "staff-reminded-1", noticeId: "n 1", staffId: "S-7", attempt: 1 });
    expect(composeStaffNotice({ kind: "reminded", event: own }, "ja", url).url).toBe("https://crisis.example.jp/staff/notices/n%201");
    const escalation = StaffReminded.fromPartial({ ...own, staffId: "HEAD-1", escalatedTo: "HEAD-1", aboutStaffId: "S-7" });
    expect(composeStaffNotice({ kind: "reminded", event: escalation }, "ja", url).url).toBe(url);
  });

  it("tells a continuity team's member to stay home until the out ends, and the others their office days, opening the staff page", () => {
    const base = {
      eventId: "staff-rota-1",
      noticeId: "rota1",
      staffId: "S-7",
      departmentName: "中央区保健センター",
      reason: "陽性者と濃厚接触者",
    };
    const home = StaffRotaChanged.fromPartial({ ...base, stayHomeUntil: "2026-08-04T00:00:00Z" });
    expect(composeStaffNotice({ kind: "rota", event: home }, "ja", url)).toMatchObject({
      title: "熊本市 班体制の出勤日",
      body: "中央区保健センター: あなたの班は8月4日 09:00まで自宅待機です（陽性者と濃厚接触者）。",
      url,
    });
    const office = StaffRotaChanged.fromPartial({ ...base, officeDays: ["2026-07-28", "2026-07-29"] });
    expect(composeStaffNotice({ kind: "rota", event: office }, "en", url).body).toBe(
      "中央区保健センター: come in to the office on Tue 28/07, Wed 29/07.",
    );
    expect(composeStaffNotice({ kind: "rota", event: office }, "ja", url).body).toBe(
      "中央区保健センター: 出勤日は 7/28(火)、7/29(水) です。",
    );
  });

  it("reminds the person themself when the reminder is about their own notice", () => {
    const event = StaffReminded.fromPartial({ eventId: "staff-reminded-1", noticeId: "n1", staffId: "S-7", attempt: 1 });
    expect(composeStaffNotice({ kind: "reminded", event }, "ja", url).body).toBe("配置通知に回答がありません(1 回目の確認)。");
  });

  it("tells a person brought back to keep their department's floor why, in Japanese and English, and a plain release that it ended", () => {
    const event = StaffReleased.fromPartial({
      eventId: "staff-released-r1",
      noticeId: "r1",
      staffId: "S-7",
      department: "D-HEALTH",
      reason: "returned to keep 保健所's 保健師 floor of 2",
      floor: { department: "D-HEALTH", departmentName: "保健所", skill: "保健師", minimum: 2 },
    });
    expect(composeStaffNotice({ kind: "released", event }, "ja", url)).toMatchObject({
      title: "熊本市 所属課への復帰",
      body: "保健所の業務継続に必要な保健師の最低人数（2人）を下回るため、了解済みの配置も解除しました。保健所に戻ってください。",
      tag: "staff.r1",
    });
    expect(composeStaffNotice({ kind: "released", event: { ...event, floor: { ...event.floor!, skill: "" } } }, "en", url).body).toBe(
      "保健所 fell below the 2 staff it needs to keep running, so your assignment ends even though you acknowledged it. Please return to 保健所.",
    );
    expect(composeStaffNotice({ kind: "released", event: { ...event, floor: undefined } }, "en", url).title).toBe(
      "Kumamoto City: assignment ended",
    );
  });
});

describe("a booking's holder told what crisis mode did to it", () => {
  const booking = CounterBooking.fromPartial({
    code: "K7M3Q9XZ",
    serviceId: "juminhyo",
    serviceName: "住民票の写し",
    officeName: "東区役所",
    startsAt: "2026-07-29T09:30:00+09:00",
    status: "booked",
    crisisChange: "moved",
  });
  const bookingUrl = "https://crisis.example.jp/bookings";

  it("names the new office and time of a moved booking, in Japanese and English", () => {
    const moved = BookingRecorded.fromPartial({ eventId: "m1.juminhyo.counter.booking.K7M3Q9XZ", booking });
    expect(composeBookingNotice(moved, "ja", bookingUrl)).toMatchObject({
      title: "熊本市 窓口予約の変更",
      body: expect.stringMatching(/^窓口の縮小のため、住民票の写しの予約を東区役所 .*9:30.*に変更しました。$/),
      url: "https://crisis.example.jp/bookings/K7M3Q9XZ",
      tag: "booking.K7M3Q9XZ",
      alertId: "m1.juminhyo.counter.booking.K7M3Q9XZ",
    });
    expect(composeBookingNotice(moved, "en", bookingUrl).body).toMatch(
      /^The counter was reduced: your 住民票の写し Jumin Hyo No Utsushi booking is now at 東区役所 Higashi Kuyakusho, .*9:30/,
    );
  });

  it("names the online alternative of a cancelled booking, in Japanese and English", () => {
    const cancelled = BookingRecorded.fromPartial({
      eventId: "d1.booking.K7M3Q9XZ",
      booking: { ...booking, serviceName: "り災証明書（住家）", status: "cancelled", crisisChange: "cancelled", alternatives: ["online"] },
    });
    expect(composeBookingNotice(cancelled, "ja", bookingUrl)).toMatchObject({
      title: "熊本市 窓口予約の取消",
      body: "窓口の休止のため、り災証明書（住家）の予約を取り消しました。マイナポータルで申請できます。",
    });
    expect(composeBookingNotice(cancelled, "en", bookingUrl).body).toBe(
      "The counter was suspended: your り災証明書（住家） Risai Shomei Sho Ju Ka booking is cancelled. You can apply online on Mynaportal (マイナポータル).",
    );
    const nothingOpen = { ...cancelled, booking: { ...cancelled.booking!, alternatives: [] } };
    expect(composeBookingNotice(nothingOpen, "en", bookingUrl).body).toBe(
      "The counter was suspended: your り災証明書（住家） Risai Shomei Sho Ju Ka booking is cancelled.",
    );
  });
});
