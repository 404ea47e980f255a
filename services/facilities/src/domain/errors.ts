import { AppError } from "@crisis/platform/contracts";

/** The facilities service's error catalogue: stable codes, statuses, messages naming the field. */
export const errors = {
  modeMissing: () => new AppError("MODE_MISSING", 400, "mode is required", "mode"),
  facilityNotFound: (id: string) => new AppError("FACILITY_NOT_FOUND", 404, `facility "${id}" does not exist`, "id"),
  restrictionNotFound: (id: string) =>
    new AppError("RESTRICTION_NOT_FOUND", 404, `restriction "${id}" does not exist on this facility`, "restrictionId"),
  restrictionAlreadyEnded: (id: string) => new AppError("RESTRICTION_ENDED", 409, `restriction "${id}" has already ended`, "restrictionId"),
  kindInvalid: () =>
    new AppError("KIND_INVALID", 422, "kind must be reduced_hours, capacity_limited, reservation_only, partly_closed or closed", "kind"),
  timeInvalid: (field: string) =>
    new AppError("TIME_INVALID", 422, `${field} must be an RFC 3339 time with a zone (e.g. 2026-07-29T09:00:00+09:00)`, field),
  endBeforeStart: () => new AppError("END_BEFORE_START", 422, "endsAt must be after startsAt", "endsAt"),
  reasonMissing: () => new AppError("REASON_MISSING", 422, "reason must say why (1–500 characters)", "reason"),
  detailMissing: (field: string, kind: string) =>
    new AppError("DETAIL_MISSING", 422, `${field} is required for a ${kind} restriction`, field),
  cannotShelter: (id: string) => new AppError("NOT_A_SHELTER", 422, `facility "${id}" cannot be operated as a shelter`, "id"),
  shelterStateInvalid: () => new AppError("SHELTER_STATE_INVALID", 422, 'state must be "open" or "closed"', "state"),
  coordinatesOutsideJapan: (field: string) => new AppError("COORDINATES_OUTSIDE_JAPAN", 422, `${field} is not a place in Japan`, field),
  capacityInvalid: () => new AppError("CAPACITY_INVALID", 422, "capacity must be a whole number of persons above 0", "capacity"),
  headcountInvalid: () => new AppError("HEADCOUNT_INVALID", 422, "headcount must be a whole number of persons, 0 or more", "headcount"),
  needInvalid: (field: string) => new AppError("NEED_INVALID", 422, `needs.${field} is not a valid need`, `needs.${field}`),
  shelterNotOpen: (id: string) =>
    new AppError("SHELTER_NOT_OPEN", 409, `shelter "${id}" is not open: occupancy is reported for open shelters only`, "id"),
  nameEmpty: () => new AppError("NAME_EMPTY", 422, "name must not be empty", "name"),
  serviceNotFound: (id: string) => new AppError("SERVICE_NOT_FOUND", 404, `counter service "${id}" does not exist`, "id"),
  channelNotOffered: (channel: string) =>
    new AppError("CHANNEL_NOT_OFFERED", 404, `this service is not offered on channel "${channel}"`, "channel"),
  levelInvalid: () => new AppError("LEVEL_INVALID", 422, "level must be normal, reduced, suspended, online_only or extended", "level"),
  cursorInvalid: () => new AppError("CURSOR_INVALID", 400, "cursor is not one this service gave", "cursor"),
  decisionConflict: () =>
    new AppError("DECISION_CONFLICT", 409, "someone else changed this facility at the same time; read it again and retry", "id"),
  dateInvalid: () => new AppError("DATE_INVALID", 422, "date must be a day as YYYY-MM-DD (e.g. 2026-07-29)", "date"),
  channelNotBookable: (channel: string) =>
    new AppError("CHANNEL_NOT_BOOKABLE", 422, `channel "${channel}" has no visit times to book (counter or branch_office)`, "channel"),
  slotNotFound: (id: string) =>
    new AppError("SLOT_NOT_FOUND", 404, `slotId "${id}" is not a bookable time of this service (read the day's slots again)`, "slotId"),
  slotInPast: () => new AppError("SLOT_IN_PAST", 422, "slotId is a time that has already begun; choose a later one", "slotId"),
  slotFull: () => new AppError("SLOT_FULL", 409, "slotId has no free place left; choose another time", "slotId"),
  slotOtherService: () => new AppError("SLOT_OTHER_SERVICE", 422, "slotId must be a time of the same service as the booking", "slotId"),
  bookingNotFound: () => new AppError("BOOKING_NOT_FOUND", 404, "code is not a booking of this city, or it has expired", "code"),
  bookingCancelled: () => new AppError("BOOKING_CANCELLED", 409, "code names a booking that was already cancelled", "code"),
  counterNotFound: (id: string) =>
    new AppError(
      "COUNTER_NOT_FOUND",
      404,
      `counterId "${id}" is not a counter of this city (service.office, e.g. juminhyo.city_4310010001)`,
      "counterId",
    ),
  counterSuspended: (alternatives: string) =>
    new AppError(
      "COUNTER_SUSPENDED",
      409,
      `counterId names a counter that is suspended now: no tickets are given${alternatives ? ` (instead: ${alternatives})` : ""}`,
      "counterId",
    ),
  ticketNotFound: () => new AppError("TICKET_NOT_FOUND", 404, "code is not a ticket of this city, or it has expired", "code"),
  queueBusy: () => new AppError("QUEUE_BUSY", 503, "too many people are taking or calling numbers here at once; try again", "counterId"),
  bookingBusy: () => new AppError("BOOKING_BUSY", 503, "too many people are booking this time at once; try again", "slotId"),
};
