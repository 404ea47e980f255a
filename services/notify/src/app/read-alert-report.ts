import { errors } from "../domain/errors";
import { DeliveryReports } from "./ports";

/** Live delivery counts of one alert: queued, accepted, gone, failed, expired. */
export async function readAlertReport(reports: DeliveryReports, alertId: string) {
  const report = await reports.read(alertId);
  if (!report) throw errors.alertNotFound(alertId);
  return { alertId, ...report };
}
