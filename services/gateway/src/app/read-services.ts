import { serviceView } from "../domain/facility-view";
import { FacilitiesAdmin } from "./ports";

/** Every counter service and the level of each of its channels now. */
export async function readServices(facilities: FacilitiesAdmin, correlationId: string) {
  return { services: (await facilities.listServices(correlationId)).map(serviceView) };
}
