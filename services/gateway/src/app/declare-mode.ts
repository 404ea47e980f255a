import { Clock, IdSource } from "@crisis/platform";
import { IncidentName, LevelName, ModeLevel, incidentTerms, levelTerms } from "@crisis/platform/contracts";
import { ModeChanged } from "@crisis/platform/contracts/events";
import { errors } from "../domain/errors";
import { sameMode } from "../domain/mode";
import { ModeLog } from "./ports";

export interface Declaration {
  incident: IncidentName;
  level: LevelName;
  wards: string[];
  reason: string;
}

export interface DeclareModeDeps {
  modes: ModeLog;
  clock: Clock;
  newId: IdSource;
}

/**
 * Declares, escalates or stands down the city's mode. Resolves only once the event is stored
 * in JetStream; a concurrent declaration by another manager makes this one fail with MODE_CONFLICT.
 */
export async function declareMode(deps: DeclareModeDeps, declaration: Declaration, manager: string, correlationId: string) {
  const current = await deps.modes.current();
  const mode = {
    incident: incidentTerms[declaration.incident].value,
    level: levelTerms[declaration.level].value,
    wards: [...new Set(declaration.wards)],
    reason: declaration.reason,
    declaredBy: manager,
    declaredAt: deps.clock.now().toISOString(),
  };
  if (sameMode(current.event?.mode, mode)) throw errors.modeUnchanged();
  const event: ModeChanged = {
    eventId: deps.newId(),
    mode,
    previousLevel: current.event?.mode?.level ?? ModeLevel.MODE_LEVEL_NORMAL,
  };
  const seq = await deps.modes.append(event, current.seq, correlationId);
  return { event, seq };
}
