import { modeView } from "../../../domain/mode";
import { ModeLog } from "../../../app/ports";

/** The city's current mode and the stream sequence a client can quote to see whether it moved on. */
export async function readMode(modes: ModeLog) {
  const current = await modes.current();
  return { ...modeView(current.event?.mode), eventId: current.event?.eventId ?? null, sequence: current.seq };
}
