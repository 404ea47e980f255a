import { Logger, killPoint } from "@crisis/platform/ports";
import { eventTypes } from "@crisis/platform/contracts";
import { ModeChanged } from "@crisis/platform/contracts/events";
import { commitPlan, planMode } from "../domain/mode-plan";
import { playbookFor } from "../domain/playbook";
import { FacilitiesDeps } from "./ports";

/** The moment a declaration takes effect: when it was declared, so a re-run after a crash plans the same. */
export const declaredAt = (declared: ModeChanged, fallback: Date) =>
  declared.mode?.declaredAt && !Number.isNaN(Date.parse(declared.mode.declaredAt)) ? new Date(declared.mode.declaredAt) : fallback;

/**
 * Applies a declaration: one status event per facility whose announced state really changes, one
 * level event per service channel that changes, then one PlaybookApplied carrying the batch.
 * Safe to run again for the same declaration (deterministic event ids; already-published ones are reported, not repeated).
 */
export async function applyPlaybook(deps: FacilitiesDeps, declared: ModeChanged, correlationId: string, logger: Logger): Promise<void> {
  const mode = declared.mode;
  if (!mode) throw new Error(`ModeChanged ${declared.eventId} carries no mode`);
  const at = declaredAt(declared, deps.clock.now());
  const plan = planMode(deps.board, playbookFor(deps.playbooks, mode), mode, declared.eventId, at);
  killPoint("apply:start");
  for (const step of plan.facilities) {
    if (!step.change) continue;
    await deps.events.publish(eventTypes.facilityStatusChanged, step.change, { eventId: step.change.eventId, correlationId });
    deps.board.announce(step.change);
    killPoint("apply:published");
  }
  for (const step of plan.services) {
    if (!step.change) continue;
    await deps.events.publish(eventTypes.serviceLevelChanged, step.change, { eventId: step.change.eventId, correlationId });
    deps.board.announceLevel(step.change);
  }
  commitPlan(deps.board, plan, mode, declared.eventId);
  const changes = plan.facilities.flatMap((s) => (s.change ? [s.change] : s.announcedBefore ? [s.announcedBefore] : []));
  const serviceChanges = plan.services.flatMap((s) => (s.change ? [s.change] : []));
  const eventId = `${declared.eventId}.applied`;
  await deps.events.publish(
    eventTypes.playbookApplied,
    { eventId, modeEventId: declared.eventId, mode, changes, appliedAt: at.toISOString(), serviceChanges },
    { eventId, correlationId },
  );
  killPoint("apply:end");
  logger.info({ modeEventId: declared.eventId, changed: changes.length, services: serviceChanges.length }, "playbook applied");
}

/**
 * At a take-over, before anything else may publish: re-applies, in order, the declarations the
 * last holder of the lease left unfinished. The status events it already stored come out with the
 * same ids (from the declaration and the facility) and JetStream drops them. Until this is done the
 * board's playbook layers lag behind what it announced, and a schedule tick or a staff decision
 * computed against it would publish, under its own id, a change that undoes part of the declaration.
 */
export async function finishDeclarations(
  deps: FacilitiesDeps,
  unfinished: { declared: ModeChanged; correlationId: string }[],
  logger: Logger,
): Promise<number> {
  for (const { declared, correlationId } of unfinished) {
    logger.info({ modeEventId: declared.eventId, correlationId }, "finishing a declaration the last active instance left unfinished");
    await deps.exclusive(() => applyPlaybook(deps, declared, correlationId, logger));
  }
  return unfinished.length;
}
