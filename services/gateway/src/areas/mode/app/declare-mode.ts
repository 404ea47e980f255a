import { Clock, IdSource } from "@crisis/platform/ports";
import { Mode, ModeLevel } from "@crisis/platform/contracts";
import { ModeChanged } from "@crisis/platform/contracts/events";
import { ApprovalPolicy, needsSecondPerson } from "../domain/approval";
import { errors } from "../../../domain/errors";
import { Declaration, modeFrom, sameMode } from "../../../domain/mode";
import { ModeLog } from "../../../app/ports";
import { ModePreviewer, PendingDeclaration, PendingDeclarations } from "./ports";

export interface DeclareModeDeps {
  modes: ModeLog;
  previewer: ModePreviewer;
  pending: PendingDeclarations;
  clock: Clock;
  newId: IdSource;
  approval: { policy: ApprovalPolicy; ttlMs: number };
}

export type DeclarationOutcome = { kind: "declared"; event: ModeChanged; seq: number } | { kind: "pending"; pending: PendingDeclaration };

/**
 * Declares, escalates or stands down the city's mode. Resolves only once the event is stored
 * in JetStream; a concurrent declaration by another manager makes this one fail with MODE_CONFLICT.
 * When the city's policy asks for a second person, the declaration is stored as pending instead,
 * with the preview facilities computed for it, until an approver approves it or it lapses.
 */
export async function declareMode(
  deps: DeclareModeDeps,
  declaration: Declaration,
  manager: string,
  correlationId: string,
): Promise<DeclarationOutcome> {
  const current = await deps.modes.current();
  const now = deps.clock.now();
  const mode = modeFrom(declaration, manager, now);
  if (sameMode(current.event?.mode, mode)) throw errors.modeUnchanged();
  const from = current.event?.mode?.level ?? ModeLevel.MODE_LEVEL_NORMAL;
  if (needsSecondPerson(deps.approval.policy, from, mode.level)) {
    const pending: PendingDeclaration = {
      id: deps.newId(),
      declaration,
      declaredBy: manager,
      requestedAt: now.toISOString(),
      expiresAt: new Date(now.getTime() + deps.approval.ttlMs).toISOString(),
      baseSeq: current.seq,
      preview: await deps.previewer.preview(mode, correlationId),
      correlationId,
    };
    await deps.pending.add(pending);
    return { kind: "pending", pending };
  }
  return { kind: "declared", ...(await storeMode(deps, mode, from, current.seq, correlationId)) };
}

/** Appends the ModeChanged event, unless the mode moved on after `expectedSeq` (MODE_CONFLICT). */
export async function storeMode(
  deps: Pick<DeclareModeDeps, "modes" | "newId">,
  mode: Mode,
  from: ModeLevel,
  expectedSeq: number,
  correlationId: string,
) {
  const event: ModeChanged = { eventId: deps.newId(), mode, previousLevel: from };
  const seq = await deps.modes.append(event, expectedSeq, correlationId);
  return { event, seq };
}
