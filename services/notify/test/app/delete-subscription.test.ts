import { deleteSubscription } from "../../src/app/delete-subscription";
import { SubscriptionStore } from "../../src/app/ports";

describe("deleting a subscription", () => {
  it.each(["{}", "a b", "", "a.b", "x".repeat(23)])(
    "answers NOT_FOUND for %j, which is no valid key, without asking the store",
    async (id) => {
      const asked: string[] = [];
      const store = { get: async (key: string) => void asked.push(key) } as unknown as SubscriptionStore;
      await expect(deleteSubscription(store, id, "token")).rejects.toMatchObject({ status: 404, code: "SUBSCRIPTION_NOT_FOUND" });
      expect(asked).toEqual([]);
    },
  );
});
