import { Clock } from "@crisis/platform/ports";
import { CounterWaitingReported, OccupancyReported } from "@crisis/platform/contracts/crowding";
import { CounterWaitingBoard } from "../../counters/domain/counter-waiting";
import { occupancyFigure } from "../../shelters/domain/crowding-view";

/**
 * A figure that moved (a shelter's occupancy, a counter's wait), sent whole to the open pages.
 * Not a status change: it has no place in the status's position and is not replayed; a page
 * reads the figures again when its stream reconnects.
 */
export interface Figure {
  kind: "crowding" | "waiting";
  data: Record<string, unknown>;
}

export type FigureListener = (figure: Figure) => void;

/** The figures as they arrive from the streams, handed to whoever listens (the SSE hub). */
export class LiveFigures {
  private readonly listeners = new Set<FigureListener>();

  constructor(
    private readonly board: CounterWaitingBoard,
    private readonly clock: Clock,
  ) {}

  subscribe(listener: FigureListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  occupancyReported(report: OccupancyReported) {
    this.publish({ kind: "crowding", data: occupancyFigure(report) });
  }

  /** Kept on the board; told only when it is now the service's latest figure. */
  waitingReported(report: CounterWaitingReported) {
    if (!this.board.apply(report)) return;
    this.publish({
      kind: "waiting",
      data: { serviceId: report.serviceId, waiting: this.board.view(report.serviceId, this.clock.now().getTime()) },
    });
  }

  private publish(figure: Figure) {
    for (const listener of this.listeners) listener(figure);
  }
}
