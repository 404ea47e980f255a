import { IncomingMessage, request } from "node:http";

export interface SseEvent {
  id?: string;
  event?: string;
  data?: string;
}

/** A raw Server-Sent Events client: every event and comment line as it arrives. */
export class SseClient {
  readonly events: SseEvent[] = [];
  readonly comments: string[] = [];
  status = 0;
  headers: IncomingMessage["headers"] = {};
  body = "";
  private req: ReturnType<typeof request> | undefined;

  static open(url: string, headers: Record<string, string> = {}): Promise<SseClient> {
    const client = new SseClient();
    return new Promise((resolve, reject) => {
      client.req = request(url, { headers: { accept: "text/event-stream", ...headers } }, (res) => {
        client.status = res.statusCode ?? 0;
        client.headers = res.headers;
        res.setEncoding("utf8");
        let buffer = "";
        res.on("data", (chunk: string) => {
          client.body += chunk;
          buffer += chunk;
          let end: number;
          while ((end = buffer.indexOf("\n\n")) >= 0) {
            client.parse(buffer.slice(0, end));
            buffer = buffer.slice(end + 2);
          }
        });
        res.on("error", () => undefined);
        resolve(client);
      });
      client.req.on("error", reject);
      client.req.end();
    });
  }

  private parse(block: string) {
    const event: SseEvent = {};
    for (const line of block.split("\n")) {
      if (line.startsWith(":")) this.comments.push(line);
      else if (line.startsWith("id: ")) event.id = line.slice(4);
      else if (line.startsWith("event: ")) event.event = line.slice(7);
      else if (line.startsWith("data: ")) event.data = line.slice(6);
    }
    if (event.id || event.event) this.events.push(event);
  }

  /** Events other than the first "ready". */
  changes() {
    return this.events.filter((e) => e.event !== "ready");
  }

  lastId() {
    return this.events.at(-1)?.id;
  }

  close() {
    this.req?.destroy();
  }
}
