import { Clock } from "@crisis/platform/ports";
import { Declaration, modeFrom } from "../../../domain/mode";
import { ModePreviewer } from "./ports";

/** What a declaration would change (facilities, services, decisions kept), without declaring it. */
export async function previewMode(
  previewer: ModePreviewer,
  clock: Clock,
  declaration: Declaration,
  manager: string,
  correlationId: string,
) {
  const mode = modeFrom(declaration, manager, clock.now());
  return { mode, preview: await previewer.preview(mode, correlationId) };
}
