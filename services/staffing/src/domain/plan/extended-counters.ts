import { ServiceLevel, isWard, wards, type Ward } from "@crisis/platform/contracts";
import type { ServiceLevelChanged } from "@crisis/platform/contracts/events";

/** A counter service running at the extended level in one ward (holiday counters, り災証明書, 特別相談窓口). */
export interface ExtendedCounter {
  readonly serviceId: string;
  readonly name: string;
  readonly ward: Ward;
}

/**
 * The counter services published at the extended level, as the owner of service levels
 * published them; each needs staff at its counter in every ward it serves. Idempotent and
 * order-safe like `OpenShelters`: an older event after a newer one changes nothing.
 */
export class ExtendedCounters {
  private readonly extended = new Map<string, { name: string; wards: Ward[] }>();
  private readonly lastChange = new Map<string, number>();

  /** True when the set of extended counters changed. */
  apply(event: ServiceLevelChanged): boolean {
    if (event.channel !== "counter") return false;
    const at = Date.parse(event.changedAt);
    const last = this.lastChange.get(event.serviceId);
    if (last !== undefined && !(at >= last)) return false;
    if (!Number.isNaN(at)) this.lastChange.set(event.serviceId, at);
    const before = JSON.stringify(this.extended.get(event.serviceId) ?? null);
    if (event.level === ServiceLevel.SERVICE_LEVEL_EXTENDED) {
      const served = event.wards.length === 0 ? wards : wards.filter((w) => event.wards.includes(w));
      this.extended.set(event.serviceId, { name: event.serviceName, wards: served.filter(isWard) });
    } else this.extended.delete(event.serviceId);
    return JSON.stringify(this.extended.get(event.serviceId) ?? null) !== before;
  }

  /** Service by service (by id), ward by ward in the vocabulary's order. */
  list(): ExtendedCounter[] {
    return [...this.extended]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .flatMap(([serviceId, s]) => s.wards.map((ward) => ({ serviceId, name: s.name, ward })));
  }
}
