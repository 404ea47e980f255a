import { Mode } from "@crisis/platform/contracts";
import { Playbook, guidanceFor } from "../domain/playbook";

/** What citizens are told to do now under a declaration: empty lines when its playbook says nothing. */
export function readGuidance(playbooks: readonly Playbook[], mode: Mode) {
  const guidance = guidanceFor(playbooks, mode);
  return { ja: guidance?.ja ?? [], en: guidance?.en ?? [] };
}
