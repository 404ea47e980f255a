import { AppError, residentLanguages, say } from "@crisis/platform/contracts";
import { problemBody } from "../../../src/adapters/http/problem";
import { errors, problemSentences } from "../../../src/domain/errors";

describe("a refusal's problem+json", () => {
  it("gives the person the catalogue's sentence in their language, naming the field, and developers the English message", () => {
    const body = problemBody(errors.bodyInvalid("lang", "must be one of ja, en"), "c-1", "vi");
    expect(body).toEqual({
      type: "about:blank",
      title: "BODY_INVALID",
      status: 422,
      code: "BODY_INVALID",
      detail: "Nội dung gửi đi có chỗ không hợp lệ (lang). Vui lòng kiểm tra và thử lại.",
      message: "lang: must be one of ja, en",
      field: "lang",
      correlationId: "c-1",
    });
    expect(problemBody(errors.rateLimited(3), "c-2", "ja-x-easy").detail).toBe(
      "いま こんで います。少(すこ)し 待(ま)って、もう一度(いちど) して ください。",
    );
  });

  it("speaks Japanese and English when the request names no language the hub has", () => {
    expect(problemBody(errors.routeNotFound("/x"), "c-3", undefined).detail).toBe(
      "お探しのものは見つかりませんでした。アドレスをお確かめください。 / What you are looking for was not found. Please check the address.",
    );
  });

  it("leaves out the field when there is none, and gives the reference of an internal error", () => {
    expect(problemBody(new AppError("REQUEST_INVALID", 400, "x"), "c-4", "en").detail).toBe(
      "Something in the request is not valid. Please check it and try again.",
    );
    expect(problemBody(new AppError("INTERNAL", 500, "x"), "c-5", "ko").detail).toContain("c-5");
  });

  it("keeps the English message for the codes only staff tools meet", () => {
    expect(problemBody(errors.modeUnchanged(), "c-6", "vi").detail).toBe(errors.modeUnchanged().message);
  });

  it("has a sentence in every language for every code it lists", () => {
    for (const lang of residentLanguages)
      for (const key of Object.values(problemSentences)) expect(say(lang, key, { field: "f", reference: "r" }).trim()).not.toBe("");
  });
});
