import { randomBytes } from "node:crypto";
import { Backbone, Clock, jetStreamPublisher } from "@crisis/platform";
import { ServiceLevel } from "@crisis/platform/contracts";
import { SetServiceLevelRequest } from "@crisis/platform/contracts/facilities";
import { kvBookingStore } from "../src/adapters/nats/booking-store";
import { CounterDeps, CounterSettings } from "../src/app/counters/ports";
import { onePerKey } from "../src/app/one-per-key";
import { codeFromBytes } from "../src/domain/counters/booking";
import { CityBoard } from "../src/domain/city-board";
import { manualLevel } from "../src/domain/decisions";
import { newBoard } from "./city";

/**
 * One facilities process's counter bookings on the backbone: its own board and per-slot queue, the shared
 * bucket; `newId` is shared by the processes of a test, so that no two events carry one id.
 */
export const counterDeps = async (
  backbone: Backbone,
  { clock, newId, settings = {} }: { clock: Clock; newId: () => string; settings?: Partial<CounterSettings> },
): Promise<CounterDeps> => ({
  board: newBoard(),
  store: await kvBookingStore(backbone.js, { replicas: 1 }),
  events: jetStreamPublisher(backbone.js),
  clock,
  newId,
  newCode: () => codeFromBytes(randomBytes(8)),
  settings: { slotMinutes: 30, placesPerSlot: 4, retentionDays: 30, moveDays: 3, ...settings },
  perSlot: onePerKey(),
});

/** Staff suspend the 住民票 counter by hand (staff fallen ill): decision `id`, taken now, added to the board's. */
export function suspendJuminhyoCounter(board: CityBoard, id: string, now: Date): void {
  const suspended = manualLevel(
    SetServiceLevelRequest.fromPartial({
      serviceId: "juminhyo",
      channel: "counter",
      level: ServiceLevel.SERVICE_LEVEL_SUSPENDED,
      reason: "職員の感染",
      author: "manager",
    }),
    id,
    now,
  );
  board.replaceLevelDecisions("juminhyo", "counter", [...board.decisionsOf("juminhyo", "counter"), suspended]);
}
