// The API's answers as the scripts read them, typed from the gateway's own schemas (type-only:
// nothing of zod or the server reaches the bundle).
import type { z } from "zod";
import type { booking } from "../../src/areas/counters/http/booking-routes";
import type { ticketApi } from "../../src/areas/counters/http/ticket-routes";
import type { crowdingAnswers, serviceAnswers } from "../../src/adapters/http/schemas";

export type PublicStatus = z.infer<typeof serviceAnswers.status>;
export type ShelterCrowdingList = z.infer<typeof crowdingAnswers.list>;
export type ShelterCrowding = ShelterCrowdingList["shelters"][number];
export type NearestShelters = z.infer<typeof crowdingAnswers.nearest>;
export type CounterServices = z.infer<typeof serviceAnswers.services>;
export type CounterService = z.infer<typeof serviceAnswers.counterService>;
export type PushKey = z.infer<typeof serviceAnswers.publicKey>;
export type Subscribed = z.infer<typeof serviceAnswers.subscribed>;
export type Booking = z.infer<typeof booking>;
export type TicketPosition = z.infer<(typeof ticketApi)["one"]["answers"][200]>;
export type CounterQueue = z.infer<(typeof ticketApi)["queue"]["answers"][200]>;
export type CounterCall = z.infer<(typeof ticketApi)["call"]["answers"][200]>;
export type DayBookings = z.infer<(typeof ticketApi)["dayBookings"]["answers"][200]>;
