import { BinaryReader, BinaryWriter } from "@bufbuild/protobuf/wire";
import { AlertIssued, FacilityStatusChanged, ModeChanged, PlaybookApplied } from "./gen/crisis/v1/events";

/**
 * How subjects are named, everywhere:
 * - an event of the city, shared by every service: `crisis.<area>.<thing>.<happened>` (the thing
 *   may be left out when the area says it: `crisis.mode.changed`), in the stream `CRISIS_<AREA>`;
 * - a service's private work (a queue only that service reads): `<service>.<thing>.<happened>`,
 *   declared in that service, in a stream named `<SERVICE>_<THING>`.
 * Words are lower-case ASCII, the last one a past participle. `subjectRule` checks both forms.
 */
export const subjectRule = /^(crisis\.[a-z]+(\.[a-z]+)?|(notify|staffing|facilities|gateway)\.[a-z]+(\.[a-z]+)*)\.[a-z]+ed$/;

/** What ts-proto generates for every message: encode/decode of the protobuf wire format. */
export interface MessageCodec<T> {
  encode(message: T, writer?: BinaryWriter): BinaryWriter;
  decode(input: BinaryReader | Uint8Array, length?: number): T;
}

/** An event type: its subject, its name in headers, and the codec of its payload. */
export interface EventType<T> {
  subject: string;
  name: string;
  codec: MessageCodec<T>;
}

/** Every event of the city's backbone: its subject and its proto payload. */
export const eventTypes = {
  modeChanged: { subject: "crisis.mode.changed", name: "crisis.v1.ModeChanged", codec: ModeChanged },
  facilityStatusChanged: {
    subject: "crisis.facility.status.changed",
    name: "crisis.v1.FacilityStatusChanged",
    codec: FacilityStatusChanged,
  },
  playbookApplied: { subject: "crisis.facility.playbook.applied", name: "crisis.v1.PlaybookApplied", codec: PlaybookApplied },
  alertIssued: { subject: "crisis.alert.issued", name: "crisis.v1.AlertIssued", codec: AlertIssued },
} satisfies Record<string, EventType<unknown>>;
