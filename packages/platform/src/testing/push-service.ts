import { createECDH, randomBytes } from "node:crypto";
import { Server, createServer } from "node:https";
import { AddressInfo } from "node:net";
import { TestTls } from "./tls";
import { UserAgentKeys, checkVapid, decryptAes128gcm } from "./push-crypto";

/** A message as the user agent finally shows it. */
export interface ReceivedPush {
  subscriberId: string;
  text: string;
  topic?: string;
  urgency?: string;
  ttl: number;
}

export interface BrowserSubscription {
  id: string;
  /** The PushSubscription JSON a browser hands to the page. */
  json: { endpoint: string; expirationTime: null; keys: { p256dh: string; auth: string } };
}

export interface TestPushServiceOptions {
  tls: TestTls;
  /** The VAPID public key the sender must use; checked when given. */
  vapidPublicKey?: string;
  /** Delay before answering, to make a fan-out last long enough to interrupt. */
  answerDelayMs?: number;
}

/**
 * A local push service (RFC 8030) for tests. It checks VAPID (RFC 8292), decrypts (RFC 8291),
 * and stores messages until the user agent collects them; like a real push service, a message
 * with the Topic of one still waiting replaces it (RFC 8030 §5.4).
 */
export class TestPushService {
  readonly rejections: string[] = [];
  /** Every POST that was accepted, before Topic replacement: the raw traffic. */
  accepted = 0;
  /** Messages that replaced a waiting one with the same Topic. */
  replaced = 0;
  private readonly subscribers = new Map<string, UserAgentKeys & { gone: boolean; waiting: ReceivedPush[] }>();
  private server?: Server;
  /** Requests waiting while answers are held: handled on release, or dropped when their sender goes away. */
  private readonly heldRequests: (() => void)[] = [];
  private holding = false;
  origin = "";
  /** Called for every accepted message, before the answer goes out. */
  onAccepted?: (push: ReceivedPush, acceptedSoFar: number) => void;

  constructor(private readonly options: TestPushServiceOptions) {}

  async start(): Promise<void> {
    this.server = createServer({ key: this.options.tls.key, cert: this.options.tls.cert }, (req, res) => {
      const chunks: Buffer[] = [];
      req.on("data", (c: Buffer) => chunks.push(c));
      req.on("end", () => {
        if (this.holding) {
          this.heldRequests.push(handle);
          // A sender that went away (killed) never gets an answer: its request is dropped, unprocessed.
          req.socket.once("close", () => {
            const at = this.heldRequests.indexOf(handle);
            if (at >= 0) this.heldRequests.splice(at, 1);
          });
          return;
        }
        handle();
      });
      const handle = () => {
        const answer = (code: number, body = "") => {
          const send = () => {
            res.writeHead(code, code === 201 ? { location: `${this.origin}/message/${randomBytes(8).toString("hex")}` } : {});
            res.end(body);
          };
          if (this.options.answerDelayMs) setTimeout(send, this.options.answerDelayMs);
          else send();
        };
        const id = /^\/push\/([\w-]+)$/.exec(req.url ?? "")?.[1];
        const subscriber = id ? this.subscribers.get(id) : undefined;
        if (req.method !== "POST" || !id || !subscriber) return answer(404);
        if (subscriber.gone) return answer(410);
        const reject = (reason: string) => {
          this.rejections.push(`${id}: ${reason}`);
          answer(400, reason);
        };
        const vapid = checkVapid(req.headers.authorization, this.origin, Math.floor(Date.now() / 1000), this.options.vapidPublicKey);
        if (!vapid.ok) return reject(`vapid: ${vapid.reason}`);
        if (req.headers["content-encoding"] !== "aes128gcm") return reject(`content-encoding ${req.headers["content-encoding"]}`);
        const ttl = Number(req.headers.ttl);
        if (!Number.isInteger(ttl) || ttl < 0) return reject("missing TTL");
        let text: string;
        try {
          text = decryptAes128gcm(Buffer.concat(chunks), subscriber);
        } catch (err) {
          return reject(`decrypt: ${(err as Error).message}`);
        }
        const topic = req.headers.topic as string | undefined;
        const push: ReceivedPush = { subscriberId: id, text, topic, urgency: req.headers.urgency as string | undefined, ttl };
        const same = topic === undefined ? -1 : subscriber.waiting.findIndex((w) => w.topic === topic);
        if (same >= 0) {
          subscriber.waiting[same] = push;
          this.replaced++;
        } else {
          subscriber.waiting.push(push);
        }
        this.accepted++;
        this.onAccepted?.(push, this.accepted);
        answer(201);
      };
    });
    const server = this.server;
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    this.origin = `https://localhost:${(server.address() as AddressInfo).port}`;
  }

  /**
   * Stops answering: requests arriving from now on wait, unprocessed, as on a stalled network.
   * A test can then act (kill a sender) at a known point instead of at a guessed moment.
   */
  hold(): void {
    this.holding = true;
  }

  /** How many requests are waiting on hold. */
  get held(): number {
    return this.heldRequests.length;
  }

  /** Answers again; requests still held are handled now. */
  release(): void {
    this.holding = false;
    for (const handle of this.heldRequests.splice(0)) handle();
  }

  /** A new browser: its own P-256 key pair and auth secret, and an endpoint on this service. */
  subscribe(): BrowserSubscription {
    const ecdh = createECDH("prime256v1");
    const publicKey = ecdh.generateKeys();
    const authSecret = randomBytes(16);
    const id = randomBytes(12).toString("base64url");
    this.subscribers.set(id, { ecdh, publicKey, authSecret, gone: false, waiting: [] });
    return {
      id,
      json: {
        endpoint: `${this.origin}/push/${id}`,
        expirationTime: null,
        keys: { p256dh: publicKey.toString("base64url"), auth: authSecret.toString("base64url") },
      },
    };
  }

  /** The browser unsubscribed on its side: the push service now answers 410 Gone. */
  expire(id: string): void {
    const subscriber = this.subscribers.get(id);
    if (subscriber) subscriber.gone = true;
  }

  /** What the user agent has been handed so far (it stays waiting, as if the device were offline). */
  messagesFor(id: string): ReceivedPush[] {
    return [...(this.subscribers.get(id)?.waiting ?? [])];
  }

  async stop(): Promise<void> {
    const server = this.server;
    if (!server) return;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}
