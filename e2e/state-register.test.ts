import { stateRegister, streamNameOf } from "@crisis/platform";
import { Harness, startHarness } from "./harness";

describe("the whole system on a real nats-server", () => {
  let h: Harness;

  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h?.stop();
  });

  it("creates exactly the streams and buckets of the state register, and nothing else", async () => {
    const jsm = await h.nc.jetstreamManager();
    const onServer: string[] = [];
    for await (const info of jsm.streams.list()) onServer.push(info.config.name);
    expect(onServer.sort()).toEqual(stateRegister.map(streamNameOf).sort());
  });
});
