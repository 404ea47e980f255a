import { generateKeyPairSync } from "node:crypto";
import { FakeClock } from "@crisis/platform";
import { embeddedTokens, privateKeyFrom, publicKeyFrom, signToken } from "../../../src/adapters/auth/tokens";

const keyPair = () => {
  const jwk = generateKeyPairSync("ed25519").privateKey.export({ format: "jwk" });
  return { signing: privateKeyFrom(jwk.x!, jwk.d!), verifying: publicKeyFrom(jwk.x!) };
};

describe("the embedded run's bearer tokens", () => {
  const keys = keyPair();
  const clock = new FakeClock("2026-07-28T07:30:00Z");
  const verify = embeddedTokens(keys.verifying, clock);

  it("names the manager and their roles", async () => {
    const token = await signToken(keys.signing, "kikikanri@city", ["manager"], 3600, clock.now());
    expect(await verify(`Bearer ${token}`)).toEqual({ subject: "kikikanri@city", roles: ["manager"] });
  });

  it("refuses a token once it has expired", async () => {
    const token = await signToken(keys.signing, "m", ["manager"], 3600, clock.now());
    clock.advance(3601 * 1000);
    await expect(verify(`Bearer ${token}`)).rejects.toMatchObject({ code: "AUTH_INVALID", message: expect.stringMatching(/expired/) });
  });

  it("refuses a token signed by another installation", async () => {
    const token = await signToken(keyPair().signing, "m", ["manager"], 3600, clock.now());
    await expect(verify(`Bearer ${token}`)).rejects.toMatchObject({ status: 401, code: "AUTH_INVALID" });
  });

  it("asks for a token when there is none", async () => {
    await expect(verify(undefined)).rejects.toMatchObject({ status: 401, code: "AUTH_REQUIRED" });
  });
});
