import { ChildProcess, spawn } from "node:child_process";
import { childExited } from "./processes";

/** A nats-server child process with JetStream (file storage under storeDir). */
export interface NatsServerProcess {
  child: ChildProcess;
  port: number;
  exited(): Promise<void>;
}

const listening = /Listening for client connections on [^\s]+:(\d+)/;

/** Starts nats-server from PATH and resolves once it reports ready; port -1 lets it pick a free one. */
export function launchNatsServer(port: number, storeDir: string, host = "127.0.0.1"): Promise<NatsServerProcess> {
  return spawnNatsServer(["-a", host, "-p", String(port), "-js", "-sd", storeDir], process.env);
}

/** Starts one node from a config file whose per-node values come from the environment. */
export function launchNatsNode(configPath: string, env: Record<string, string>): Promise<NatsServerProcess> {
  return spawnNatsServer(["-c", configPath], { ...process.env, ...env });
}

function spawnNatsServer(args: string[], env: NodeJS.ProcessEnv): Promise<NatsServerProcess> {
  // Its own process group: a Ctrl-C in the terminal reaches only the parent, which stops the
  // server last, after the services have drained.
  const child = spawn("nats-server", args, { stdio: ["ignore", "ignore", "pipe"], env, detached: true });
  const exited = () => childExited(child);
  return new Promise((resolve, reject) => {
    let log = "";
    const fail = (why: string) =>
      reject(new Error(`nats-server did not start (${why}); is it installed and the port free? Its log:\n${log}`));
    child.once("error", (err) => fail(err.message));
    child.once("exit", (code) => fail(`exit ${code}`));
    child.stderr!.on("data", (chunk: Buffer) => {
      log += chunk.toString();
      const match = listening.exec(log);
      if (match && /Server is ready/.test(log)) {
        child.removeAllListeners("exit");
        child.stderr!.removeAllListeners("data");
        child.stderr!.resume();
        resolve({ child, port: Number(match[1]), exited });
      }
    });
  });
}
