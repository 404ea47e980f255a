import pino from "pino";
import { Lease, acquireLease, buckets, waitUntil } from "../src";
import { natsServerForSuite } from "../src/testing";

const logger = pino({ level: "silent" });

describe("a service lease in a JetStream KV bucket", () => {
  const nats = natsServerForSuite();

  it("lets one of two instances hold it, hands it over on release, and to a standby once an unrenewed lease lapses", async () => {
    const lost: string[] = [];
    const options = (who: string) => ({ ttlMs: 1_500, replicas: 1, logger, onLost: (why: string) => lost.push(`${who}: ${why}`) });
    const first = await acquireLease(nats.nc.jetstream(), "svc", options("first"));
    let second: Lease | undefined;
    const standbyTold: string[] = [];
    const waiting = acquireLease(nats.nc.jetstream(), "svc", {
      ...options("second"),
      onStandby: (holder) => standbyTold.push(holder),
    }).then((l) => (second = l));
    await waitUntil(() => standbyTold.length === 1, "the second instance waits as a standby");
    expect(standbyTold).toEqual([first.holder]);
    // Held across renewals (each a new revision of the key) while the standby keeps asking.
    const kv = await nats.nc.jetstream().views.kv(buckets.leases.name);
    const firstRevision = (await kv.get("svc"))!.revision;
    await waitUntil(async () => (await kv.get("svc"))!.revision >= firstRevision + 2, "two renewals");
    expect(second).toBeUndefined();
    expect(first.held()).toBe(true);

    await first.release();
    await waiting;
    expect(second!.held()).toBe(true);
    expect(first.held()).toBe(false);

    // A third instance takes over a holder that stopped renewing (its process died): the bucket's max age lapses it.
    expect(await kv.get("other")).toBeNull();
    await kv.create("other", new TextEncoder().encode("a dead process"));
    const third = await acquireLease(nats.nc.jetstream(), "other", options("third"));
    expect(third.held()).toBe(true);
    expect(new TextDecoder().decode((await kv.get("other"))!.value)).toBe(third.holder);

    // The holder whose lease another instance took is told at its next renewal.
    await kv.put("other", new TextEncoder().encode("an instance that thought the lease lapsed"));
    await waitUntil(() => lost.length === 1, "the third instance learns it lost the lease");
    expect(lost[0]).toBe("third: another instance holds the lease: an instance that thought the lease lapsed");
    expect(third.held()).toBe(false);
    await second!.release();
  }, 30_000);
});
