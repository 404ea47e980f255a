import type { counterScriptWords } from "../../src/areas/counters/http/pages/counter-shell";
import type { PageBasics } from "./city-time";
import { problemText } from "./problem";

/** The words the counter pages (tickets, bookings, a service's better time) give their scripts. */
export type CounterWords = ReturnType<typeof counterScriptWords>;

export interface CounterPageData extends PageBasics {
  words: CounterWords;
}

/** An API refusal said on a counter page: "手続きできませんでした: …". */
export const refusal = async (res: Response, failed: string) => `${failed}: ${await problemText(res)}`;
