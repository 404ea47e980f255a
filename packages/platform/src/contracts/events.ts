import { AlertIssued, FacilityStatusChanged, ModeChanged, PlaybookApplied, PushDeliveryRequested } from "./gen/crisis/v1/events";
import { EventType } from "../jetstream/events";

/** Every event of the backbone: subject crisis.<area>.<thing>.<happened> and its proto payload. */
export const eventTypes = {
  modeChanged: { subject: "crisis.mode.changed", name: "crisis.v1.ModeChanged", codec: ModeChanged },
  facilityStatusChanged: {
    subject: "crisis.facility.status.changed",
    name: "crisis.v1.FacilityStatusChanged",
    codec: FacilityStatusChanged,
  },
  playbookApplied: { subject: "crisis.facility.playbook.applied", name: "crisis.v1.PlaybookApplied", codec: PlaybookApplied },
  alertIssued: { subject: "crisis.alert.issued", name: "crisis.v1.AlertIssued", codec: AlertIssued },
  pushDeliveryRequested: {
    subject: "notify.push.delivery.requested",
    name: "crisis.v1.PushDeliveryRequested",
    codec: PushDeliveryRequested,
  },
} satisfies Record<string, EventType<unknown>>;
