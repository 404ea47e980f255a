import { join } from "node:path";
import { FakeClock } from "@crisis/platform";
import { Incident, IncidentName, LevelName, Mode, incidentTerms, levelTerms } from "@crisis/platform/contracts";
import { loadCounterServices, loadPlaybooks } from "../src/adapters/data/load-playbooks";
import { loadRegistry } from "../src/adapters/data/load-registry";
import { CityBoard } from "../src/domain/city-board";

/** The real Kumamoto data the service loads, read once for every test. */
export const dataDir = join(__dirname, "..", "..", "..", "data", "kumamoto");
export const registry = loadRegistry(dataDir).facilities;
export const playbooks = loadPlaybooks(join(dataDir, "playbooks"));
export const counterServices = loadCounterServices(join(dataDir, "counter_services.yaml"));

export const newBoard = () => new CityBoard(registry, counterServices);

export const mode = (incident: IncidentName, level: LevelName, wards: string[] = [], declaredAt = ""): Mode => ({
  incident: incidentTerms[incident].value as Incident,
  level: levelTerms[level].value,
  wards,
  reason: "test",
  declaredBy: "manager",
  declaredAt,
});

export const clockAt = (iso: string) => new FakeClock(iso);
