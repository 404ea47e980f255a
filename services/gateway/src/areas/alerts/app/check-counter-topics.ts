import { errors } from "../../../domain/errors";
import { FacilitiesAdmin } from "../../../app/ports";

/**
 * The services a "better time" topic names (`waiting:<id>:<N>`, `reopening:<id>`) must exist: a
 * device following a counter that is not there would wait for ever. The field names the topic.
 */
export async function checkCounterTopics(facilities: FacilitiesAdmin, topics: readonly string[], correlationId: string) {
  const named = topics.flatMap((topic, index) => {
    const match = /^waiting:(.+):[^:]*$|^reopening:(.+)$/.exec(topic);
    return match ? [{ index, serviceId: (match[1] ?? match[2])! }] : [];
  });
  if (!named.length) return;
  const known = new Set((await facilities.listServices(correlationId)).map((s) => s.id));
  const unknown = named.find((t) => !known.has(t.serviceId));
  if (unknown) throw errors.topicServiceNotFound(unknown.index, unknown.serviceId);
}
