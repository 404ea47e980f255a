import { Logger, unaryHandler } from "@crisis/platform";
import { NotifyServiceServer } from "@crisis/platform/contracts/notify_service";
import { CreateSubscriptionDeps, createSubscription } from "../../app/create-subscription";
import { deleteSubscription } from "../../app/delete-subscription";
import { DeliveryReports } from "../../app/ports";
import { readAlertReport } from "../../app/read-alert-report";

export function notifyServer(
  deps: CreateSubscriptionDeps & { reports: DeliveryReports },
  vapidPublicKey: string,
  logger: Logger,
): NotifyServiceServer {
  return {
    getPushPublicKey: unaryHandler(logger, "GetPushPublicKey", async () => ({ publicKey: vapidPublicKey })),
    createSubscription: unaryHandler(logger, "CreateSubscription", async (req) =>
      createSubscription(deps, {
        endpoint: req.subscription?.endpoint ?? "",
        p256dh: req.subscription?.p256dh ?? "",
        auth: req.subscription?.auth ?? "",
        topics: req.topics,
        lang: req.lang,
      }),
    ),
    deleteSubscription: unaryHandler(logger, "DeleteSubscription", async (req) => {
      await deleteSubscription(deps.store, req.id, req.unsubscribeToken);
      return {};
    }),
    getAlertReport: unaryHandler(logger, "GetAlertReport", async (req) => readAlertReport(deps.reports, req.alertId)),
  };
}
