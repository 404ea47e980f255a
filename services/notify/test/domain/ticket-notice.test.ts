import { TicketRecorded } from "@crisis/platform/contracts/counters";
import { composeTicketNotice } from "../../src/domain/ticket-notice";
import { parseTopic } from "../../src/domain/topics";

const recorded = (status: string, extra: object = {}) =>
  TicketRecorded.fromPartial({
    eventId: "e1",
    ahead: 5,
    ticket: { code: "ABCD2345", number: 12, status, serviceName: "り災証明書（住家）", officeName: "中央区役所", ...extra },
  });

describe("a remote ticket's pushes", () => {
  it("tells the holder how many are ahead and where to come back to, opening the ticket's page", () => {
    const push = composeTicketNotice("neared", recorded("waiting"), "ja", "https://city.example/tickets");
    expect(push.title).toBe("熊本市 順番が近づきました");
    expect(push.body).toContain("整理券12番: あと5人");
    expect(push.url).toBe("https://city.example/tickets/ABCD2345");
    expect(composeTicketNotice("called", recorded("called"), "en", "u").body).toContain("Ticket 12 is called");
  });

  it("speaks the subscription's language, from the catalogue: Vietnamese, and easy Japanese with readings", () => {
    const vi = composeTicketNotice("neared", recorded("waiting"), "vi", "u");
    expect(vi.title).toBe("Thành phố Kumamoto: sắp đến lượt bạn");
    expect(vi.body).toMatch(/^Phiếu số 12: còn 5 người trước bạn\. Vui lòng quay lại 中央区役所 Chuo Kuyakusho/);
    const easy = composeTicketNotice("called", recorded("called"), "ja-x-easy", "u");
    expect(easy.body).toContain("整理券(せいりけん) 12番(ばん)");
    expect(easy.body).not.toMatch(/[⟦[]/);
  });

  it("names the online alternative when crisis mode cancelled the ticket", () => {
    const push = composeTicketNotice(
      "cancelled",
      recorded("cancelled", { crisisChange: "cancelled", alternatives: ["online"] }),
      "ja",
      "u",
    );
    expect(push.body).toContain("マイナポータルで申請できます");
  });

  it("lets a device follow a ticket by its code, and refuses anything else", () => {
    expect(parseTopic("ticket:ABCD2345", 0)).toEqual({ kind: "ticket", value: "ABCD2345" });
    expect(() => parseTopic("ticket:abc", 0)).toThrow(/ticket code/);
  });
});
