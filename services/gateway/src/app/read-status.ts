import { FacilityStatus, ShelterOperation, statusName } from "@crisis/platform/contracts";
import { modeView } from "../domain/mode";
import { FacilitiesDirectory, ModeLog } from "./ports";

const statusWord = (s: FacilityStatus) => statusName(s) ?? "unknown";

/** What citizens and managers see: the current mode and every facility's effective status. */
export async function readStatus(modes: ModeLog, facilities: FacilitiesDirectory, correlationId: string) {
  const [current, list] = await Promise.all([modes.current(), facilities.list(correlationId)]);
  const counts: Record<string, number> = {};
  for (const f of list) counts[statusWord(f.status)] = (counts[statusWord(f.status)] ?? 0) + 1;
  const open = list.filter((f) => f.shelter === ShelterOperation.SHELTER_OPERATION_OPEN);
  const byWard: Record<string, number> = {};
  for (const f of open) byWard[f.ward] = (byWard[f.ward] ?? 0) + 1;
  return {
    mode: modeView(current.event?.mode),
    summary: counts,
    sheltersOpen: { total: open.length, byWard },
    facilities: list.map((f) => ({
      id: f.id,
      name: f.name,
      category: f.category,
      ward: f.ward,
      address: f.address,
      designatedShelter: f.designatedShelter,
      status: statusWord(f.status),
      statusReason: f.statusReason,
      statusSince: f.statusSince || null,
    })),
  };
}
