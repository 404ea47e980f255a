// The API's answers as the scripts read them, typed from the gateway's own schemas (type-only:
// nothing of zod or the server reaches the bundle).
import type { z } from "zod";
import type { booking } from "../../src/areas/counters/http/booking-routes";
import type { ticketApi } from "../../src/areas/counters/http/ticket-routes";
import type { alertAnswers } from "../../src/areas/alerts/http/schemas";
import type { counterAnswers } from "../../src/areas/counters/http/schemas";
import type { crowdingAnswers } from "../../src/areas/shelters/http/schemas";
import type { statusAnswers } from "../../src/areas/status/http/schemas";

export type PublicStatus = z.infer<typeof statusAnswers.status>;
export type ShelterCrowdingList = z.infer<typeof crowdingAnswers.list>;
export type ShelterCrowding = ShelterCrowdingList["shelters"][number];
export type NearestShelters = z.infer<typeof crowdingAnswers.nearest>;
export type CounterServices = z.infer<typeof counterAnswers.services>;
export type CounterService = z.infer<typeof counterAnswers.counterService>;
export type PushKey = z.infer<typeof alertAnswers.publicKey>;
export type Subscribed = z.infer<typeof alertAnswers.subscribed>;
export type Booking = z.infer<typeof booking>;
export type TicketPosition = z.infer<(typeof ticketApi)["one"]["answers"][200]>;
export type CounterQueue = z.infer<(typeof ticketApi)["queue"]["answers"][200]>;
export type CounterCall = z.infer<(typeof ticketApi)["call"]["answers"][200]>;
export type DayBookings = z.infer<(typeof ticketApi)["dayBookings"]["answers"][200]>;
