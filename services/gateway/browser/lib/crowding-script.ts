// What crowding.js offers the other scripts of the page (status.js keeps it live and colours the map).
import type { occupancyFigure } from "../../src/areas/shelters/domain/crowding-view";
import type { ScriptCrowding } from "../../src/adapters/http/page-parts/status-figures";
import type { ShelterCrowding } from "./api";

export type CrowdingLevel = ShelterCrowding["level"];
/** One occupancy report as the event stream carries it. */
export type OccupancyFigure = ReturnType<typeof occupancyFigure>;

export interface CrowdingScript {
  load(): Promise<void>;
  seed(list: ScriptCrowding[]): void;
  update(report: OccupancyFigure): void;
  render(): void;
  levelOf(id: string): CrowdingLevel;
}

declare global {
  interface Window {
    crisisCrowding?: CrowdingScript;
  }
}
