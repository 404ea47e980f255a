import { Lang, StaffPageWords, staffPageWords } from "@crisis/platform/contracts";

/**
 * One part of the staff pages' words, from the platform's catalogue as it writes them: what a page
 * shows, and hands its scripts (which fill the `{name}` placeholders themselves).
 */
export const staffWords = <P extends keyof StaffPageWords>(lang: Lang, part: P): StaffPageWords[P] => staffPageWords[lang][part];

/** One part's words, as a page's script reads them from its data. */
export type StaffWords<P extends keyof StaffPageWords> = StaffPageWords[P];
