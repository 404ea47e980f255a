import { createServer } from "node:net";
import { AddressInfo } from "node:net";

/**
 * Ports this process has handed out. The kernel may give the same ephemeral port to two quick
 * asks once the first probe is closed; two instances told the same port (concurrent take-over
 * tests) had one die of EADDRINUSE while the test read the other's health.
 */
const handedOut = new Set<number>();

/** A port that was free a moment ago, for child processes that need to be told their port; never the same one twice. */
export async function freePort(): Promise<number> {
  for (;;) {
    const port = await probe();
    if (handedOut.has(port)) continue;
    handedOut.add(port);
    return port;
  }
}

function probe(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });
}
