import { execFile } from "node:child_process";
import { join } from "node:path";
import { promisify } from "node:util";
import pino from "pino";
import { Backbone, connectBackbone, ensureStreams, memoryReadModels, projectReadModels, publishEvent, streams } from "@crisis/platform";
import { FacilityStatus, eventTypes } from "@crisis/platform/contracts";
import { AuditRecorded } from "@crisis/platform/contracts/audit";
import { FacilityStatusChanged } from "@crisis/platform/contracts/events";
import { NatsServerHandle, startNatsServer } from "@crisis/platform/testing";
import { repoRoot } from "../deploy/embedded/system";

const run = promisify(execFile);
const rebuild = (...args: string[]) =>
  run(join(repoRoot, "node_modules", ".bin", "tsx"), [join(repoRoot, "deploy", "tools", "rebuild.ts"), ...args], {
    cwd: repoRoot,
    env: { ...process.env, MONGODB_URL: "" },
  });

describe("npm run rebuild -- read-models", () => {
  let server: NatsServerHandle;
  let backbone: Backbone;
  beforeAll(async () => {
    server = await startNatsServer();
    backbone = await connectBackbone(server.url, "rebuild-test", pino({ level: "silent" }));
    await ensureStreams(backbone.jsm, [streams.audit, streams.facility]);
  });
  afterAll(async () => {
    await backbone.nc.close();
    await server.stop();
  });

  it("replays the streams with a progress bar into the read models the live projection keeps, event for event", async () => {
    for (let n = 1; n <= 50; n++) {
      const id = `e${n}`;
      await publishEvent(
        backbone.js,
        eventTypes.auditRecorded,
        AuditRecorded.fromPartial({ eventId: id, at: "2026-07-28T07:30:00Z", actor: "a@city" }),
        {
          eventId: id,
          correlationId: "c",
        },
      );
      const change = FacilityStatusChanged.fromPartial({
        eventId: `s${n}`,
        facilityId: `f${n % 7}`,
        status: FacilityStatus.FACILITY_STATUS_SHELTER_OPEN,
        latitude: 32.79,
        longitude: 130.69,
      });
      await publishEvent(backbone.js, eventTypes.facilityStatusChanged, change, { eventId: change.eventId, correlationId: "c" });
    }
    const live = memoryReadModels();
    const following = await projectReadModels(backbone, live, { follow: true });
    await following.caughtUp;
    await following.stop();

    const { stdout, stderr } = await rebuild("read-models", "--nats", server.url);
    expect(stderr).toContain("] 100 / 100");
    expect(stdout).toMatch(
      new RegExp(
        `^read-models: applied 100 events into memory \\(a dry run: no MongoDB URL given\\); checkpoints: audit ${await live.audit.checkpoint()}, ` +
          `history ${await live.history.checkpoint()}, places ${await live.places.checkpoint()}; ${(await live.audit.query({})).length} audit entries in `,
        "m",
      ),
    );
    expect((await live.places.near(32.79, 130.69, 10)).length).toBe(7);
  });

  it("names what it cannot rebuild", async () => {
    await expect(rebuild("staffing", "--nats", server.url)).rejects.toMatchObject({
      code: 2,
      stderr: expect.stringMatching(/^no read model to rebuild for staffing/),
    });
  });
});
