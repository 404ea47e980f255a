import { ServerResponse } from "node:http";
import { Logger, headerNames } from "@crisis/platform";
import { LiveStatus } from "../app/follow-status";
import { Figure, LiveFigures } from "../app/live-figures";
import { StatusEvents } from "../app/ports";
import { replayChanges } from "../app/replay-changes";
import { Change, Position, StatusStream, positionId, statusStreams } from "../domain/status-view";

export interface SseOptions {
  /** Streams one instance serves at once; one more is refused with 503. */
  maxClients: number;
  /** A comment line this often keeps proxies from closing a quiet stream. */
  heartbeatMs: number;
  /** A client that lets this much pile up unread is dropped (it reconnects and resumes). */
  maxBufferedBytes?: number;
}

interface Client {
  res: ServerResponse;
  /** While the missed changes are replayed, live ones wait here. */
  queue?: { frame: Buffer; stream: StatusStream; seq: number }[];
}

/** Encoded once for every client (10,000 of them share each change). */
const keepAlive = Buffer.from(": keep-alive\n\n");

const frame = (change: Change) => Buffer.from(`id: ${change.id}\nevent: ${change.kind}\ndata: ${JSON.stringify(change)}\n\n`);

/** Without an id: the client's Last-Event-ID stays the status position it resumes from. */
const figureFrame = (figure: Figure) => Buffer.from(`event: ${figure.kind}\ndata: ${JSON.stringify(figure.data)}\n\n`);

/**
 * Server-Sent Events of status changes. Each change is formatted once and written to every
 * client; a client that reconnects with Last-Event-ID first gets what it missed, read again
 * from JetStream, then the live changes that arrived meanwhile, nothing twice.
 */
export class SseHub {
  private readonly clients = new Set<Client>();
  private heartbeat: NodeJS.Timeout | undefined;
  private unsubscribe: (() => void) | undefined;
  private unsubscribeFigures: (() => void) | undefined;

  constructor(
    private readonly live: LiveStatus,
    private readonly events: StatusEvents,
    private readonly options: SseOptions,
    private readonly logger: Logger,
    private readonly figures?: LiveFigures,
  ) {}

  get size() {
    return this.clients.size;
  }

  get full() {
    return this.clients.size >= this.options.maxClients;
  }

  start() {
    this.unsubscribe = this.live.subscribe((change, stream, seq) => this.broadcast(frame(change), stream, seq));
    this.unsubscribeFigures = this.figures?.subscribe((figure) => {
      const text = figureFrame(figure);
      for (const client of this.clients) this.write(client, text);
    });
    this.heartbeat = setInterval(() => {
      for (const client of this.clients) this.write(client, keepAlive);
    }, this.options.heartbeatMs);
    this.heartbeat.unref();
  }

  stop() {
    clearInterval(this.heartbeat);
    this.unsubscribe?.();
    this.unsubscribeFigures?.();
    for (const client of this.clients) client.res.end();
    this.clients.clear();
  }

  /** Takes over the response: headers, the current position, the missed changes, then live ones. */
  async open(res: ServerResponse, correlationId: string, after: Position | undefined) {
    res.writeHead(200, {
      "content-type": "text/event-stream; charset=utf-8",
      "cache-control": "no-store",
      connection: "keep-alive",
      "x-accel-buffering": "no",
      "x-content-type-options": "nosniff",
      [headerNames.correlationId]: correlationId,
    });
    const client: Client = { res, queue: after ? [] : undefined };
    this.clients.add(client);
    res.on("close", () => this.clients.delete(client));
    const until = { ...this.live.position };
    // The current position first, so that a client that drops before any change still resumes from here.
    res.write(`retry: 2000\nid: ${positionId(after ? maxOf(after, until) : until)}\nevent: ready\ndata: {}\n\n`);
    if (!after) return;
    try {
      for await (const missed of replayChanges(this.live, this.events, after, until)) {
        if (res.destroyed) return;
        this.write(client, frame(missed.change));
      }
    } catch (err) {
      this.logger.warn({ err, correlationId }, "replay for a resuming SSE client failed; it will reconnect");
      res.destroy();
      return;
    }
    const floor = maxOf(after, until);
    for (const queued of client.queue ?? []) if (queued.seq > floor[queued.stream]) this.write(client, queued.frame);
    client.queue = undefined;
  }

  private broadcast(text: Buffer, stream: StatusStream, seq: number) {
    for (const client of this.clients) {
      if (client.queue) client.queue.push({ frame: text, stream, seq });
      else this.write(client, text);
    }
  }

  private write(client: Client, text: Buffer) {
    if (client.res.writableLength > (this.options.maxBufferedBytes ?? 4 * 1024 * 1024)) {
      client.res.destroy();
      this.clients.delete(client);
      return;
    }
    // Corked, the chunk's size line, the frame and its CRLF leave in one write instead of four.
    client.res.cork();
    client.res.write(text);
    client.res.uncork();
  }
}

const maxOf = (a: Position, b: Position): Position => Object.fromEntries(statusStreams.map((s) => [s, Math.max(a[s], b[s])])) as Position;
