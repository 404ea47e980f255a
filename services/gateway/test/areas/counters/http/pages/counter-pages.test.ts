import { CounterBooking, CounterQueue, CounterTicket } from "@crisis/platform/contracts/counters";
import { bookPage, bookingViewPage } from "../../../../../src/areas/counters/http/pages/booking-page";
import { deskPage, serviceTicketsPage, ticketPage } from "../../../../../src/areas/counters/http/pages/ticket-page";
import { betterTimeSection } from "../../../../../src/areas/counters/http/pages/better-time-section";

const booking = CounterBooking.fromPartial({
  code: "ABCD2345",
  serviceId: "juminhyo",
  serviceName: "住民票の写し",
  channel: "counter",
  officeId: "city_4310010001",
  officeName: "中央区役所",
  startsAt: "2026-07-29T09:30:00+09:00",
  endsAt: "2026-07-29T10:00:00+09:00",
  status: "booked",
});
const queue = CounterQueue.fromPartial({
  counterId: "juminhyo.city_4310010001",
  serviceId: "juminhyo",
  serviceName: "住民票の写し",
  officeName: "中央区役所",
  issued: 12,
  nowServing: 4,
  waiting: 8,
});
const ticket = CounterTicket.fromPartial({
  code: "TTTT2345",
  number: 12,
  status: "waiting",
  officeName: "中央区役所",
  issuedAt: "2026-07-29T00:30:00Z",
});
/** Ticket 12 of the queue, seven people ahead and called in about 24 minutes, in the language given. */
const ticketIn = (lang: Parameters<typeof ticketPage>[3]) =>
  ticketPage({ ticket, queue, ahead: 7, etaMinutes: 24 }, ticket.code, "<svg></svg>", lang);
const pageData = (html: string) => JSON.parse(/<script type="application\/json" id="page-data">([\s\S]*?)<\/script>/.exec(html)![1]);
const languageMenu = (html: string) => [...html.matchAll(/class="lang" href="[^"]*" hreflang="([^"]+)"/g)].map((m) => m[1]);
const scripts = (html: string) => [...html.matchAll(/<script(?![^>]*type="application\/json")[^>]*>([\s\S]*?)<\/script>/g)];

describe("the counter pages", () => {
  it("lists the day's times per office as buttons, a full one disabled, and no inline script", () => {
    const html = bookPage(
      {
        serviceId: "juminhyo",
        serviceName: "住民票の写し",
        date: "2026-07-29",
        slots: [
          { ...booking, id: "s1", places: 4, free: 3 },
          { ...booking, id: "s2", places: 4, free: 0 },
        ],
      },
      "ja",
    );
    expect(html).toMatch(/data-slot="s1"\s*>/);
    expect(html).toMatch(/data-slot="s2"\s+disabled/);
    expect(html).toContain("09:30");
    expect(scripts(html).every(([, body]) => body.trim() === "")).toBe(true);
  });

  it("says so when a day has no time to book", () => {
    expect(bookPage({ serviceId: "juminhyo", serviceName: "", date: "2026-08-01", slots: [] }, "en")).toContain('id="no-slots"');
  });

  it("shows a booking crisis mode cancelled with the online alternative, and no change or cancel button", () => {
    const html = bookingViewPage(
      { ...booking, status: "cancelled", crisisChange: "cancelled", alternatives: ["online"], notice: "窓口の休止のため…" },
      booking.code,
      "ja",
    );
    expect(html).toContain("マイナポータルで申請できます");
    expect(html).toContain("危機対応のため取り消されました");
    expect(html).not.toContain('id="cancel-booking"');
    expect(html).toContain('id="follow-booking"');
  });

  it("says what crisis mode did to a booking in the page's language, not in the Japanese the booking keeps", () => {
    const moved = { ...booking, crisisChange: "moved", notice: "窓口の縮小のため…", startsAt: "2026-07-29T01:30:00Z" };
    const english = bookingViewPage(moved, booking.code, "en");
    expect(english).toMatch(/id="booking-notice">The counter was reduced: your .* booking is now at .*, 29 Jul 2026, 10:30 JST\.</);
    expect(english).not.toContain("窓口の縮小のため");
  });

  it("tells an unknown code apart from the form alone", () => {
    expect(bookingViewPage(undefined, "ZZZZ", "ja")).toContain('id="booking-missing"');
    expect(bookingViewPage(undefined, "", "ja")).not.toContain('id="booking-missing"');
  });

  it("shows a ticket's number, the people ahead, the expected time and its QR code", () => {
    const html = ticketIn("ja");
    expect(html).toMatch(/id="ticket-number">12</);
    expect(html).toMatch(/id="ticket-ahead">7人</);
    expect(html).toMatch(/id="ticket-eta">24分後</);
    expect(html).toContain("<svg></svg>");
  });

  it("shows a suspended counter's alternative instead of the take button", () => {
    const html = serviceTicketsPage("juminhyo", "住民票の写し", [{ ...queue, suspended: true, alternatives: ["online"] }], "ja");
    expect(html).not.toContain("take-ticket");
    expect(html).toContain("マイナポータルで申請できます");
  });

  it("puts the number called in large type on the desk, with the call button", () => {
    const html = deskPage(queue, "en");
    expect(html).toMatch(/id="desk-serving"[^>]*>4</);
    expect(html).toContain('id="call-next"');
  });

  it("speaks Vietnamese on a booking, in the city's time, with the eight-language menu and the script's words", () => {
    const html = bookingViewPage(booking, booking.code, { lang: "vi", fellBack: false });
    expect(html).toContain('<html lang="vi">');
    expect(html).toContain("<h1>Lịch hẹn của bạn</h1>");
    expect(html).toMatch(/id="booking-state">Đã đặt</);
    expect(html).toMatch(/id="booking-time">09:30–10:00 29\/07\/2026 JST</);
    expect(languageMenu(html)).toEqual(["ja", "ja-x-easy", "en", "vi", "zh-Hans", "zh-Hant", "ko", "ne"]);
    expect(html).toMatch(/hreflang="vi" lang="vi"\s+aria-current="true"/);
    expect(pageData(html).words).toMatchObject({
      following: "Thiết bị này sẽ nhận thông báo.",
      confirmCancel: "Bạn muốn hủy lịch hẹn này?",
    });
  });

  it("speaks やさしい日本語 on a booking, with readings as furigana on the page and in brackets for the script", () => {
    const html = bookingViewPage(
      { ...booking, status: "cancelled", crisisChange: "cancelled", alternatives: ["online"] },
      booking.code,
      "ja-x-easy",
    );
    expect(html).toContain('<html lang="ja-x-easy">');
    expect(html).toContain("<h1>あなたの <ruby>予約<rt>よやく</rt></ruby></h1>");
    expect(html).toMatch(/id="booking-state"><ruby>予約<rt>よやく<\/rt><\/ruby>は なくなりました</);
    expect(html).toContain("マイナポータル（インターネット）で できます。");
    expect(html).toMatch(/id="booking-time">2026\/07\/29 09:30–10:00</);
    expect(languageMenu(html)).toHaveLength(8);
    expect(pageData(html).words.following).toBe("この スマホに お知(し)らせが 来(き)ます。");
  });

  it("speaks Vietnamese and やさしい日本語 on a ticket: the people ahead, the expected call and when it was taken", () => {
    const vi = ticketIn("vi");
    expect(vi).toContain("<h1>Phiếu số thứ tự trực tuyến</h1>");
    expect(vi).toMatch(/id="ticket-ahead">7 người</);
    expect(vi).toMatch(/id="ticket-eta">khoảng 24 phút nữa</);
    expect(vi).toContain("09:30 29/07/2026 JST");
    expect(languageMenu(vi)).toHaveLength(8);
    expect(pageData(vi).words).toMatchObject({ ahead: "{n} người", eta: "khoảng {n} phút nữa" });
    const easy = ticketIn("ja-x-easy");
    expect(easy).toMatch(/id="ticket-ahead">7<ruby>人<rt>にん<\/rt><\/ruby></);
    expect(easy).toMatch(/id="ticket-eta">あと 24<ruby>分<rt>ふん<\/rt><\/ruby>ぐらい</);
    expect(easy).toContain("<ruby>中央区役所<rt>ちゅうおうくやくしょ</rt></ruby>");
    expect(languageMenu(easy)).toHaveLength(8);
  });

  it("books in Vietnamese: the slots' clock times and free places, the Japanese-only fallback when asked for a language the hub lacks", () => {
    const input = {
      serviceId: "juminhyo",
      serviceName: "住民票の写し",
      date: "2026-07-29",
      slots: [{ ...booking, id: "s1", places: 4, free: 3 }],
    };
    const vi = bookPage(input, "vi");
    expect(vi).toContain("<h1>Đặt lịch hẹn đến làm thủ tục</h1>");
    expect(vi).toMatch(/class="when">09:30</);
    expect(vi).toMatch(/class="free">Còn 3 chỗ</);
    expect(languageMenu(vi)).toHaveLength(8);
    const fallback = bookPage(input, { lang: "ja", fellBack: true });
    expect(fallback).toContain('class="fallback"');
  });

  it("keeps the desk, a staff page, in Japanese and English", () => {
    expect(languageMenu(deskPage(queue, "ja"))).toEqual(["ja", "en"]);
    expect(deskPage(queue, "ja")).toContain("呼び出し中");
  });

  it("says a service's quiet hours in the page's language: weekdays and hours from the catalogue, readings in easy Japanese", () => {
    const monday9 = { weekday: 1, hour: 9, expected: 4, samples: 8 };
    const expected = { hours: [monday9], quiet: [monday9], samples: 8 };
    expect(betterTimeSection(expected, "vi").text).toMatch(/id="usually-quiet">Thường vắng vào T2 9:00</);
    expect(betterTimeSection(expected, "ja-x-easy").text).toContain(
      "いつも すいているのは <ruby>月<rt>げつ</rt></ruby> 9<ruby>時<rt>じ</rt></ruby>",
    );
    expect(betterTimeSection(expected, "ja").text).toContain("ふだんすいているのは 月 9時台");
  });
});
