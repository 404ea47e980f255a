import { createECDH, randomBytes } from "node:crypto";
import { AppError } from "@crisis/platform/contracts";
import { isUncompressedP256Point } from "../../src/domain/p256";
import { defaultPushOrigins, parseOriginRules } from "../../src/domain/push-origins";
import { SubscriptionRequest, validateSubscription } from "../../src/domain/subscription";

const origins = parseOriginRules(defaultPushOrigins.join(","));
const key = () => createECDH("prime256v1").generateKeys();
const valid = (): SubscriptionRequest => ({
  endpoint: "https://fcm.googleapis.com/fcm/send/abc:def",
  p256dh: key().toString("base64url"),
  auth: randomBytes(16).toString("base64url"),
  topics: ["category:shelter", "ward:中央区"],
  lang: "en",
});
const refusal = (request: SubscriptionRequest) => {
  try {
    validateSubscription(request, origins);
  } catch (err) {
    return err as AppError;
  }
  throw new Error("expected a refusal");
};

describe("P-256 point check", () => {
  it("accepts a browser's uncompressed public key and refuses a point off the curve", () => {
    const point = key();
    expect(isUncompressedP256Point(point)).toBe(true);
    point[64] ^= 1;
    expect(isUncompressedP256Point(point)).toBe(false);
  });

  it("refuses a compressed point", () => {
    const ecdh = createECDH("prime256v1");
    ecdh.generateKeys();
    expect(isUncompressedP256Point(ecdh.getPublicKey(null, "compressed"))).toBe(false);
  });
});

describe("validating a push subscription", () => {
  it("accepts a Chrome subscription with topics and a language", () => {
    expect(validateSubscription(valid(), origins)).toMatchObject({ lang: "en", topics: ["category:shelter", "ward:中央区"] });
  });

  it("accepts an Edge endpoint on a subdomain of notify.windows.com", () => {
    expect(() =>
      validateSubscription({ ...valid(), endpoint: "https://wns2-par02p.notify.windows.com/w/?token=x" }, origins),
    ).not.toThrow();
  });

  it.each([
    ["http://fcm.googleapis.com/fcm/send/x"],
    ["https://evil.example/fcm/send/x"],
    ["https://fcm.googleapis.com.evil.example/x"],
    ["https://user:pw@fcm.googleapis.com/x"],
    ["not a url"],
  ])("refuses the endpoint %s naming subscription.endpoint", (endpoint) => {
    expect(refusal({ ...valid(), endpoint })).toMatchObject({
      status: 422,
      code: "PUSH_ENDPOINT_NOT_ALLOWED",
      field: "subscription.endpoint",
    });
  });

  it("refuses an auth secret that is not 16 bytes", () => {
    expect(refusal({ ...valid(), auth: randomBytes(12).toString("base64url") })).toMatchObject({ field: "subscription.keys.auth" });
  });

  it("refuses a p256dh that is not a P-256 point", () => {
    expect(refusal({ ...valid(), p256dh: randomBytes(65).toString("base64url") })).toMatchObject({ field: "subscription.keys.p256dh" });
  });

  it("names the bad topic by its index", () => {
    expect(refusal({ ...valid(), topics: ["ward:中央区", "ward:博多区"] })).toMatchObject({ code: "TOPIC_INVALID", field: "topics[1]" });
  });

  it("refuses a language the residents' list lacks", () => {
    expect(refusal({ ...valid(), lang: "fr" })).toMatchObject({ code: "LANG_INVALID", field: "lang" });
    expect(refusal({ ...valid(), lang: "vi-VN" })).toMatchObject({ code: "LANG_INVALID", field: "lang" });
  });

  it.each(["ja", "ja-x-easy", "en", "vi", "zh-Hans", "zh-Hant", "ko", "ne"])("accepts %s, a resident language", (lang) => {
    expect(validateSubscription({ ...valid(), lang }, origins).lang).toBe(lang);
  });

  it("derives the same id for the same endpoint, so a browser never holds two subscriptions", () => {
    expect(validateSubscription(valid(), origins).id).toBe(validateSubscription({ ...valid(), topics: ["ward:北区"] }, origins).id);
  });
});

describe("topics a subscriber can follow", () => {
  it("accepts a counter service and a staff member's own notices", () => {
    expect(validateSubscription({ ...valid(), topics: ["service:risai-shomei", "staff:S-10234"] }, origins).topics).toEqual([
      "service:risai-shomei",
      "staff:S-10234",
    ]);
  });

  it("accepts a counter booking by its code, and refuses anything that is not a booking code", () => {
    expect(validateSubscription({ ...valid(), topics: ["booking:K7M3Q9XZ"] }, origins).topics).toEqual(["booking:K7M3Q9XZ"]);
    expect(refusal({ ...valid(), topics: ["ward:中央区", "booking:K7M3Q9X0"] })).toMatchObject({
      code: "TOPIC_INVALID",
      field: "topics[1]",
    });
    expect(refusal({ ...valid(), topics: ["booking:"] })).toMatchObject({ code: "TOPIC_INVALID", field: "topics[0]" });
  });

  it("refuses a staff topic without an id, naming the topic", () => {
    expect(refusal({ ...valid(), topics: ["staff:"] })).toMatchObject({ code: "TOPIC_INVALID", field: "topics[0]" });
  });
});
