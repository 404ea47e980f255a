import pino from "pino";
import {
  bucketStreamConfig,
  buckets,
  ensureStreams,
  entryForSubject,
  openBucket,
  stateEntry,
  streams,
  waitUntil,
  watchState,
} from "../src";
import { natsServerForSuite } from "../src/testing";

describe("the state register against a real nats-server", () => {
  const nats = natsServerForSuite();

  it("shapes a followed bucket as the NATS client shapes the buckets it creates, so a promoted one opens as a bucket", async () => {
    await openBucket(nats.nc.jetstream(), buckets.deliveryReports, 1);
    const { config } = await (await nats.nc.jetstreamManager()).streams.info(`KV_${buckets.deliveryReports.name}`);
    const shape = bucketStreamConfig(buckets.deliveryReports, 1);
    const created = Object.fromEntries(Object.keys(shape).map((k) => [k, config[k as keyof typeof config]]));
    expect(created).toEqual(shape);
  });

  it("tells a service it is not ready once one of its streams is gone, naming it", async () => {
    const jsm = await nats.nc.jetstreamManager();
    await ensureStreams(jsm, [streams.alert]);
    const said: unknown[] = [];
    const log = pino({ level: "error" }, { write: (line: string) => said.push(JSON.parse(line).missing) });
    const watch = await watchState(jsm, [stateEntry(streams.alert.name)], log, 20);
    try {
      expect(watch.present()).toBe(true);
      await jsm.streams.delete(streams.alert.name);
      await waitUntil(() => !watch.present(), "the watch saw the stream gone");
      expect(said).toEqual([["CRISIS_ALERT"]]);
    } finally {
      watch.stop();
    }
  });

  it("finds the stream that takes a subject, or none", () => {
    expect(entryForSubject("crisis.mode.changed")?.spec.name).toBe("CRISIS_MODE");
    expect(entryForSubject("facilities.decision.recorded.6162")?.owner).toBe("facilities");
    expect(entryForSubject("$KV.staffing_duties.abc")?.spec.name).toBe("staffing_duties");
    expect(entryForSubject("crisis")).toBeUndefined();
    expect(entryForSubject("nobody.listens.here")).toBeUndefined();
  });
});
