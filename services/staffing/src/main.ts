import { readLastEvent, runService, streams } from "@crisis/platform";
import { eventTypes } from "@crisis/platform/contracts";
import { StaffingServiceService } from "@crisis/platform/contracts/staffing_service";
import { staffingServer } from "./adapters/grpc/staffing-server";
import { consumeModeChanges } from "./adapters/nats/mode-consumer";
import { planForMode } from "./app/plan-for-mode";
import { readConfig } from "./config";
import { generateCity } from "./domain";

runService({
  name: "staffing",
  readConfig,
  ports: (c) => ({ grpc: c.STAFFING_GRPC_PORT, health: c.STAFFING_HEALTH_PORT }),
  streams: [streams.mode, streams.staff],
  wire: async (config, backbone, logger) => {
    const roster = generateCity({ seed: config.STAFFING_SYNTHETIC_SEED });
    const last = await readLastEvent(backbone.jsm, streams.mode.name, eventTypes.modeChanged);
    let summary = await planForMode(roster, last.event?.mode);
    const consumer = await consumeModeChanges(backbone, roster, (planned) => (summary = planned), logger);
    return {
      grpc: [{ definition: StaffingServiceService, implementation: staffingServer(() => summary, logger) }],
      workers: [{ name: "stop planning", stop: () => consumer.stop() }],
      facts: { staff: roster.staff.length, syntheticRoster: true },
    };
  },
});
