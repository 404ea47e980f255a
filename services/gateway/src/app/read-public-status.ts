import { Clock } from "@crisis/platform/ports";
import { FacilityReading, FacilityStatus, StatusName, statusName } from "@crisis/platform/contracts";
import { facilityReading } from "../domain/facility-view";
import { modeView } from "../domain/mode";
import { FacilitiesDirectory, ModeLog } from "./ports";

export interface PublicFacility {
  id: string;
  name: string;
  category: string;
  ward: string;
  address: string;
  latitude: number;
  longitude: number;
  designatedShelter: boolean;
  status: StatusName | "unknown";
  statusReason: string;
  statusSince: string | null;
  /** What a person is told first (a closed shelter reads 閉鎖, never its ordinary use). */
  reading: FacilityReading;
}

export interface PublicStatus {
  mode: ReturnType<typeof modeView>;
  facilities: PublicFacility[];
  /** When this was read, so a copy kept offline can say how old it is. */
  generatedAt: string;
}

const statusWord = (s: FacilityStatus) => statusName(s) ?? "unknown";

/** What the public pages show: the mode and every facility with its place on the map. */
export async function readPublicStatus(modes: ModeLog, facilities: FacilitiesDirectory, clock: Clock, correlationId: string) {
  const [current, list] = await Promise.all([modes.current(), facilities.list(correlationId)]);
  const mode = modeView(current.event?.mode);
  return {
    mode,
    generatedAt: clock.now().toISOString(),
    facilities: list.map((f) => ({
      id: f.id,
      name: f.name,
      category: f.category,
      ward: f.ward,
      address: f.address,
      latitude: f.latitude,
      longitude: f.longitude,
      designatedShelter: f.designatedShelter,
      status: statusWord(f.status),
      statusReason: f.statusReason,
      statusSince: f.statusSince || null,
      reading: facilityReading(f, mode),
    })),
  } satisfies PublicStatus;
}
