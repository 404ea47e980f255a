import { ageIn, minutesSince } from "../../src/domain/report-age";
import { fill } from "./fill";

/** The page's templates for an age: "{n} 分", "{h} 時間 {m} 分". */
export interface AgeWords {
  minutesTemplate: string;
  hoursMinutesTemplate: string;
}

/** How old a report made at `at` (ms) is now, by the server's one rule, in the page's words. */
export const reportAge = (at: number, words: AgeWords): string =>
  ageIn(minutesSince(at, Date.now()), (key, values) =>
    fill(key === "minutes" ? words.minutesTemplate : words.hoursMinutesTemplate, values),
  );
