import { createServer } from "node:net";
import { AddressInfo } from "node:net";

/** A port that was free a moment ago, for child processes that need to be told their port. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });
}
