import { Clock, Logger } from "@crisis/platform";
import { ModeChanged } from "@crisis/platform/contracts/events";
import { FacilityBoard } from "../domain/facility-board";
import { planStatusChanges } from "../domain/status-changes";
import { FacilityEvents } from "./ports";

export interface ApplyPlaybookDeps {
  board: FacilityBoard;
  events: FacilityEvents;
  clock: Clock;
}

/**
 * Applies a declaration to every facility: one status event per facility that really changed,
 * then one PlaybookApplied carrying the batch. Safe to run again for the same declaration.
 */
export async function applyPlaybook(deps: ApplyPlaybookDeps, declared: ModeChanged, correlationId: string, logger: Logger): Promise<void> {
  const mode = declared.mode;
  if (!mode) throw new Error(`ModeChanged ${declared.eventId} carries no mode`);
  const now = deps.clock.now();
  const plan = planStatusChanges(deps.board.facilities, deps.board.stateOf, mode, declared.eventId, now);
  for (const change of plan.toPublish) {
    await deps.events.statusChanged(change, correlationId);
    deps.board.apply(change);
  }
  await deps.events.playbookApplied(
    {
      eventId: `${declared.eventId}.applied`,
      modeEventId: declared.eventId,
      mode,
      changes: plan.all,
      appliedAt: now.toISOString(),
      serviceChanges: [],
    },
    correlationId,
  );
  logger.info({ modeEventId: declared.eventId, changed: plan.all.length, published: plan.toPublish.length }, "playbook applied");
}
