import { Mode, guidanceToWire, noGuidance } from "@crisis/platform/contracts";
import { GetGuidanceResponse } from "@crisis/platform/contracts/facilities";
import { Playbook, guidanceFor } from "../domain/playbook";

/** What citizens are told to do now under a declaration: empty lines when its playbook says nothing. */
export function readGuidance(playbooks: readonly Playbook[], mode: Mode): GetGuidanceResponse {
  return guidanceToWire(guidanceFor(playbooks, mode) ?? noGuidance());
}
