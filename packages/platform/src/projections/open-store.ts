import { MemoryProjectionStore } from "./memory-store";
import { MongoProjectionStore } from "./mongo-store";
import { ProjectionIndex, ProjectionStore } from "./store";

/** MongoDB when MONGODB_URL is set (read models shared by replicas, queried ad hoc), memory otherwise. */
export function openProjectionStore<T extends object>(
  name: string,
  indexes: ProjectionIndex[],
  mongodbUrl: string | undefined = process.env.MONGODB_URL,
): Promise<ProjectionStore<T>> {
  if (mongodbUrl) return MongoProjectionStore.open<T>(mongodbUrl, name, indexes);
  return Promise.resolve(new MemoryProjectionStore<T>());
}
