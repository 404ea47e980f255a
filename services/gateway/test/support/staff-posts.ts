import { eventTypes } from "@crisis/platform/contracts";
import { publishEvent } from "@crisis/platform";
import { StaffReassigned } from "@crisis/platform/contracts/events";
import { GatewayUnderTest } from "../adapters/gateway-under-test";

/**
 * Puts a person on a post for the 2026-07-28 day shift (07:00–15:00Z) by publishing a real
 * StaffReassigned (event r-n) on the gateway's backbone, as staffing would; the place is the
 * post's shelter (facilityId) or counter service (serviceId).
 */
export const putOnPost = (
  gw: GatewayUnderTest,
  n: number,
  staffId: string,
  postId: string,
  place: { facilityId: string } | { serviceId: string },
) =>
  publishEvent(
    gw.backbone.js,
    eventTypes.staffReassigned,
    StaffReassigned.fromPartial({
      eventId: `r-${n}`,
      staffId,
      postId,
      ...place,
      startsAt: "2026-07-28T07:00:00Z",
      endsAt: "2026-07-28T15:00:00Z",
    }),
    { eventId: `r-${n}`, correlationId: "test" },
  );
