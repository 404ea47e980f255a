import { Mode } from "@crisis/platform/contracts";
import { Declaration } from "../../../domain/mode";
import { ModePreview } from "@crisis/platform/contracts/facilities";

/** The mode area's ports; main.ts fills them in. */

/** Facilities' preview of a declaration: the exact difference it would make, changing nothing. */
export interface ModePreviewer {
  preview(mode: Mode, correlationId: string): Promise<ModePreview>;
}

/** A declaration waiting for a second person; it carries the preview the declarer saw. */
export interface PendingDeclaration {
  id: string;
  declaration: Declaration;
  declaredBy: string;
  requestedAt: string;
  expiresAt: string;
  /** The mode's sequence when it was requested: approval is refused once the mode moved on. */
  baseSeq: number;
  preview: ModePreview;
  correlationId: string;
  /** Set once an approver rejected it or its declarer withdrew it: it can no longer be approved. */
  closed?: PendingClosure;
}

/** How a pending declaration ended without taking effect, kept so that the other side sees it. */
export interface PendingClosure {
  as: "rejected" | "withdrawn";
  by: string;
  at: string;
  reason: string;
}

/** Pending declarations, kept so that a gateway restart or another replica loses none. */
export interface PendingDeclarations {
  add(pending: PendingDeclaration): Promise<void>;
  get(id: string): Promise<PendingDeclaration | undefined>;
  list(): Promise<PendingDeclaration[]>;
  /** Marks it closed unless it changed since it was read (another close or an approval): false then. */
  close(id: string, closure: PendingClosure): Promise<PendingDeclaration | false>;
  remove(id: string): Promise<void>;
}
