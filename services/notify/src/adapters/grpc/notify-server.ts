import { Logger, unaryHandler } from "@crisis/platform";
import { NotifyServiceServer } from "@crisis/platform/contracts/notify_service";
import { CreateSubscriptionDeps, createSubscription } from "../../app/create-subscription";
import { deleteSubscription } from "../../app/delete-subscription";

export function notifyServer(deps: CreateSubscriptionDeps, vapidPublicKey: string, logger: Logger): NotifyServiceServer {
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
  };
}
