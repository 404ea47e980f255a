import { ChangeSource, Channel, ServiceLevel } from "@crisis/platform/contracts";
import { ServiceLevelDecision } from "@crisis/platform/contracts/facilities";

/** A counter service of the city and the channels it is offered on. */
export interface CounterServiceDef {
  id: string;
  name: string;
  nameEn: string;
  channels: Channel[];
}

const ms = (iso: string) => Date.parse(iso);

const stopsAt = (d: ServiceLevelDecision) => {
  const ends = [d.endsAt, d.endedAt].filter(Boolean).map(ms);
  return ends.length ? Math.min(...ends) : Infinity;
};

export const isLevelActive = (d: ServiceLevelDecision, t: number) => ms(d.startsAt) <= t && t < stopsAt(d);

export interface EffectiveLevel {
  level: ServiceLevel;
  decision?: ServiceLevelDecision;
}

/**
 * One channel's level at time t: a manual decision outlasts the playbook's, and among decisions of
 * the same source the one decided last wins. With none active, the channel is normal.
 */
export function effectiveLevel(decisions: readonly ServiceLevelDecision[], t: number): EffectiveLevel {
  const manualFirst = (d: ServiceLevelDecision) => (d.source === ChangeSource.CHANGE_SOURCE_MANUAL ? 1 : 0);
  const winner = decisions
    .filter((d) => isLevelActive(d, t))
    .sort((a, b) => manualFirst(b) - manualFirst(a) || b.decidedAt.localeCompare(a.decidedAt) || b.startsAt.localeCompare(a.startsAt))[0];
  return { level: winner?.level ?? ServiceLevel.SERVICE_LEVEL_NORMAL, decision: winner };
}

export function levelBoundaries(d: ServiceLevelDecision): number[] {
  const stop = stopsAt(d);
  return Number.isFinite(stop) ? [ms(d.startsAt), stop] : [ms(d.startsAt)];
}

export const channelKey = (serviceId: string, channel: string) => `${serviceId}/${channel}`;
