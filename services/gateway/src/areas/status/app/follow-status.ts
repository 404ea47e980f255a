import { Clock } from "@crisis/platform/ports";
import { AlertChain, CapMessage } from "../domain/cap";
import { Change, Position, StatusStream, StatusView, positionId, startPosition } from "../domain/status-view";
import { FacilitiesDirectory } from "../../../app/ports";
import { Following, StatusEvents, StreamedEvent } from "./ports";

export interface FollowStatusDeps {
  events: StatusEvents;
  directory: FacilitiesDirectory;
  clock: Clock;
  /** Waits between attempts to list the registry while facilities does not answer. */
  retryMs?: number;
  /** How many changes the Atom feed keeps: more than one declaration of the whole city makes (about 215). */
  recentChanges?: number;
  onError?: (err: unknown, what: string) => void;
}

export type ChangeListener = (change: Change, stream: StatusStream, seq: number) => void;

/**
 * The status the gateway serves, kept from events: the streams are read from their start (so a
 * restart rebuilds the same view), the registry (names, addresses, places) is listed from
 * facilities once and again after a registry correction. Every change is handed to the listeners.
 */
export class LiveStatus {
  readonly view = new StatusView();
  readonly alerts = new AlertChain();
  readonly recent: Change[] = [];
  position: Position = startPosition();
  /** Bumped on every change: the cached body is rebuilt when it moved. */
  version = 0;
  lastModified: Date;
  private readonly listeners = new Set<ChangeListener>();
  private following: Following | undefined;
  private registryLoaded = false;
  private caughtUp = false;
  private stopped = false;
  private refresh: Promise<void> | undefined;

  constructor(private readonly deps: FollowStatusDeps) {
    this.lastModified = deps.clock.now();
  }

  /** Starts following; resolves once the streams are read up to now (the registry may still be loading). */
  async start(): Promise<void> {
    void this.loadRegistry();
    this.following = await this.deps.events.follow(this.position, (e) => this.onEvent(e));
    await this.following.caughtUp;
    this.caughtUp = true;
  }

  ready = () => this.caughtUp && this.registryLoaded;

  async stop() {
    this.stopped = true;
    await this.following?.stop();
    await this.refresh;
  }

  subscribe(listener: ChangeListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** The newest CAP message, if the city ever declared. */
  latestAlert(): CapMessage | undefined {
    return this.alerts.messages.at(-1);
  }

  private onEvent(e: StreamedEvent) {
    this.position = { ...this.position, [e.stream]: e.seq };
    if (!e.event) return;
    const change = this.view.apply(e.event, positionId(this.position), e.at);
    this.alerts.follow(
      change,
      this.view.mode,
      () => this.view.openShelters(),
      () => this.view.closedShelters(),
    );
    this.recent.push(change);
    if (this.recent.length > (this.deps.recentChanges ?? 1_000)) this.recent.shift();
    this.touch();
    if (e.event.kind === "correction" && this.registryLoaded) void this.loadRegistry();
    for (const listener of this.listeners) listener(change, e.stream, e.seq);
  }

  private touch() {
    this.version++;
    this.lastModified = this.deps.clock.now();
  }

  /** Lists the registry until facilities answers; one listing at a time. */
  private loadRegistry(): Promise<void> {
    this.refresh ??= (async () => {
      while (!this.stopped) {
        try {
          this.view.seed(await this.deps.directory.list("status-registry"));
          this.registryLoaded = true;
          this.touch();
          return;
        } catch (err) {
          this.deps.onError?.(err, "listing the facility registry");
          await new Promise((r) => setTimeout(r, this.deps.retryMs ?? 2_000));
        }
      }
    })().finally(() => (this.refresh = undefined));
    return this.refresh;
  }
}
