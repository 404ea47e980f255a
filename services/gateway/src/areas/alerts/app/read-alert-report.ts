import { AlertReports } from "./ports";

/** How one alert's pushes ended so far, for the manager console; `pending` is still on its way. */
export async function readAlertReport(reports: AlertReports, alertId: string, correlationId: string) {
  const r = await reports.read(alertId, correlationId);
  const settled = r.accepted + r.gone + r.failed + r.expired;
  return {
    alertId: r.alertId,
    queued: r.queued,
    accepted: r.accepted,
    gone: r.gone,
    failed: r.failed,
    expired: r.expired,
    pending: Math.max(0, r.queued - settled),
  };
}
