import { AppError } from "@crisis/platform/contracts";

/** The facilities service's error catalogue: stable codes, statuses, messages naming the field. */
export const errors = {
  modeMissing: () => new AppError("MODE_MISSING", 400, "mode is required", "mode"),
  facilityNotFound: (id: string) => new AppError("FACILITY_NOT_FOUND", 404, `facility "${id}" does not exist`, "id"),
};
