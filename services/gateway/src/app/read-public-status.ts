import { Clock } from "@crisis/platform/ports";
import { FacilityReading, FacilityStatus, GuidanceLines, ModeLevel, StatusName, statusName } from "@crisis/platform/contracts";
import { facilityReading } from "../domain/facility-view";
import { modeView } from "../domain/mode";
import { CitizenGuidance, FacilitiesDirectory, ModeLog } from "./ports";

export interface PublicFacility {
  id: string;
  name: string;
  /** The registry's English name, where the city gives one. */
  nameEn?: string;
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
  /** What to do now under the current declaration, when asked for and known (none at normal). */
  guidance?: GuidanceLines;
}

const statusWord = (s: FacilityStatus) => statusName(s) ?? "unknown";

/**
 * What the public pages show: the mode and every facility with its place on the map, and what to
 * do now when a guidance source is given. Without an answer on guidance the page still shows the
 * rest, and `guidance.onMissing` hears why.
 */
export async function readPublicStatus(
  modes: ModeLog,
  facilities: FacilitiesDirectory,
  clock: Clock,
  correlationId: string,
  guidance?: { source: CitizenGuidance; onMissing: (err: unknown) => void },
): Promise<PublicStatus> {
  const reading = modes.current();
  const guidanceNow = async () => {
    const declared = (await reading).event?.mode;
    if (!guidance || !declared || declared.level === ModeLevel.MODE_LEVEL_NORMAL) return undefined;
    return guidance.source.forMode(declared, correlationId).catch((err: unknown) => {
      guidance.onMissing(err);
      return undefined;
    });
  };
  const [current, list, whatToDo] = await Promise.all([reading, facilities.list(correlationId), guidanceNow()]);
  const mode = modeView(current.event?.mode);
  return {
    mode,
    generatedAt: clock.now().toISOString(),
    ...(whatToDo && Object.values(whatToDo).some((lines) => lines.length > 0) ? { guidance: whatToDo } : {}),
    facilities: list.map((f) => ({
      id: f.id,
      name: f.name,
      ...(f.nameEn ? { nameEn: f.nameEn } : {}),
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
  };
}
