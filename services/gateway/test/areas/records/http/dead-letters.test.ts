import pino from "pino";
import { ensureStreams, publishEvent, runDurableConsumer, streams, waitUntil } from "@crisis/platform";
import { ModeLevel, eventTypes } from "@crisis/platform/contracts";
import { ModeChanged } from "@crisis/platform/contracts/events";
import { NatsServerHandle, startNatsServer } from "@crisis/platform/testing";
import { LocalIdp, startLocalIdp } from "../../../adapters/auth/local-idp";
import { GatewayUnderTest, startGateway } from "../../../adapters/gateway-under-test";
import { recordAnswers } from "../../../../src/areas/records/http/schemas";

const manager = { roles: ["manager" as const], sub: "kikikanri@city" };

describe("dead letters shown to managers and in the gateway's metrics", () => {
  let nats: NatsServerHandle;
  let idp: LocalIdp;
  let gw: GatewayUnderTest;

  beforeAll(async () => {
    [nats, idp] = await Promise.all([startNatsServer(), startLocalIdp()]);
    gw = await startGateway(nats, idp);
    await ensureStreams(gw.backbone.jsm, [streams.deadLetter]);
  });
  afterAll(async () => {
    await gw.stop();
    await Promise.all([nats.stop(), idp.stop()]);
  });

  const waiting = async () =>
    (await (await fetch(`${gw.base}/metrics`)).text()).match(/^dead_letters_waiting\{service="gateway"\} (\d+)$/m)?.[1];

  it("counts none at first, then lists an event a consumer gave up on with its consumer, reason and attempts, newest first", async () => {
    expect(await waiting()).toBe("0");
    expect((await gw.call("GET", "/api/v1/dead-letters", { as: manager })).body).toEqual({ waiting: 0, byConsumer: {}, letters: [] });

    const { js, jsm } = gw.backbone;
    for (const id of ["first", "second"]) {
      const event = ModeChanged.fromPartial({
        eventId: id,
        previousLevel: ModeLevel.MODE_LEVEL_NORMAL,
        mode: { level: ModeLevel.MODE_LEVEL_ALERT, reason: id },
      });
      await publishEvent(js, eventTypes.modeChanged, event, { eventId: id, correlationId: `corr-${id}` });
    }
    const refusing = await runDurableConsumer(
      js,
      jsm,
      {
        stream: streams.mode.name,
        durable: "refuses-everything",
        filterSubject: eventTypes.modeChanged.subject,
        retryDelaysMs: [10],
        maxAttempts: 2,
      },
      async () => {
        throw new Error("no playbook for this level\nat stack");
      },
      pino({ level: "silent" }),
    );
    try {
      await waitUntil(async () => (await waiting()) === "2", "two events parked, seen in the metrics");
    } finally {
      await refusing.stop();
    }

    const shown = await gw.call("GET", "/api/v1/dead-letters", { as: manager });
    expect(shown.status).toBe(200);
    expect(shown.body.waiting).toBe(2);
    expect(recordAnswers.deadLetters.strict().safeParse(shown.body).success).toBe(true);
    expect(shown.body.byConsumer).toEqual({ "refuses-everything": 2 });
    expect(shown.body.letters.map((l: { correlationId: string }) => l.correlationId)).toEqual(["corr-second", "corr-first"]);
    expect(shown.body.letters[0]).toMatchObject({
      durable: "refuses-everything",
      subject: eventTypes.modeChanged.subject,
      stream: streams.mode.name,
      reason: "no playbook for this level",
      attempts: 2,
      parkedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
    });
    expect((await gw.call("GET", "/api/v1/dead-letters", { as: { roles: ["staff"] } })).status).toBe(403);
  });
});
