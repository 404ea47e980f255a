import type { clientWords } from "../../src/adapters/http/page-parts/client-words";
import type { PageBasics } from "./city-time";

/** The words the residents' pages (status, facility, service) give their scripts. */
export type ResidentWords = ReturnType<typeof clientWords>;

/** The data block of a resident's page. */
export interface ResidentPageData extends PageBasics {
  words: ResidentWords;
  page: "status" | "facility" | "service";
}
