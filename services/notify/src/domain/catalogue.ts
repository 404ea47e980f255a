import {
  MessageKey,
  cityInstant,
  ResidentLang,
  StateKey,
  UseName,
  formatCityTime,
  glossaryWord,
  incidentGlossary,
  insteadKeys,
  intlLocale,
  levelGlossary,
  nameIn,
  reasonIn,
  residentLanguages,
  say,
  sayStaff,
  staffLang,
  useGlossary,
  wardTerms,
} from "@crisis/platform/contracts";

/**
 * Every text notify sends, per resident language, read from the platform's one catalogue (the
 * residents' messages, and the staff's in Japanese or English). Names carry their reading: in
 * brackets in やさしい日本語, romaji after them in the other languages.
 */
export interface Catalogue {
  title(incident: string, level: string): string;
  stoodDown(incident: string, level: string): string;
  sheltersOpened(n: number, byWard: string): string;
  sheltersClosed(n: number): string;
  closed(n: number, names: string): string;
  restricted(n: number, names: string): string;
  reopened(n: number, names: string): string;
  more(n: number): string;
  listSeparator: string;
  wardCount(ward: string, n: number): string;
  /** "詳しくは <url>". */
  details(url: string): string;
  /** A burst of single changes, summed up. */
  changesTitle: string;
  wardSheltersOpened(ward: string, n: number, openNow: number): string;
  wardSheltersClosed(ward: string, n: number, openNow: number): string;
  /** One facility by name, in the state its reading tells (its ordinary use for "restricted"), and why. */
  facilityNow(name: string, state: StateKey, use: UseName | null, reason: string): string;
  /** Times as a person in the city reads them (CITY_TIME_ZONE). */
  time(iso: string): string;
  /** A name of the city's data, with its reading. */
  name(name: string): string;
  ward(ward: string): string;
  incident(incident: string): string;
  level(level: string): string;
  staffReassignedTitle: string;
  /** Where (address), when, whom to report to (and their phone), what to bring, and what to do if the person cannot go. */
  staffReassigned(n: {
    place: string;
    address: string;
    duty: string;
    from: string;
    until: string;
    reportTo: string;
    phone: string;
    bring: readonly string[];
  }): string;
  staffReleasedTitle: string;
  staffReleased(department: string): string;
  /** Brought back because the home department fell to its continuity floor (skill "" for a headcount floor). */
  staffReturnedTitle: string;
  staffReturned(department: string, minimum: number, skill: string): string;
  /** To the people staying on a post: a teammate went back for their department's floor; who replaces them ("" when nobody). */
  staffTeamTitle: string;
  staffTeam(place: string, name: string, department: string, minimum: number, skill: string, replacement: string): string;
  staffRemindedTitle: string;
  staffReminded(attempt: number): string;
  /** To a department's head: a member has not answered; who could go instead ("" when nobody fits). */
  staffEscalatedTitle: string;
  staffEscalated(name: string, proposed: string): string;
  untilFurtherNotice: string;
  /** Continuity teams (班): the person's team is out (stay home until …), or the days they come in. */
  staffRotaTitle: string;
  staffStayHome(department: string, until: string, reason: string): string;
  staffOfficeDays(department: string, days: string): string;
  /** A city date (YYYY-MM-DD) with its weekday. */
  day(date: string): string;
  staffUntilFurtherNotice: string;
  scheduledTitle: string;
  soonTitle: string;
  /** A restriction decided for later: closed when `closed`, restricted otherwise. */
  scheduled(facility: string, closed: boolean, from: string, until: string, reason: string): string;
  /** Counter services changed (a burst with no facility in it). */
  servicesTitle: string;
  /** One counter service on one channel: its new level, from when (and until when, if known). */
  serviceChanged(service: string, channel: string, level: string, from?: string, until?: string): string;
  /** A counter booking crisis mode moved or cancelled: what became of it, and what to do instead. */
  bookingMovedTitle: string;
  bookingMoved(service: string, office: string, time: string): string;
  bookingCancelledTitle: string;
  bookingCancelled(service: string, instead: string): string;
  /** What a channel that needs no visit lets a person do (online, convenience_store, phone). */
  alternatives: Record<string, string>;
}

/** Times as a person in the city reads them: month, day and a 24-hour clock. */
const shortTime = { month: "short", day: "numeric", hour: "2-digit", minute: "2-digit", hour12: false } as const;
const dayOfWeek = { month: "numeric", day: "numeric", weekday: "short" } as const;
const timeLocale = (lang: ResidentLang) => (lang === "ja" || lang === "ja-x-easy" ? "ja-JP" : lang === "en" ? "en-GB" : intlLocale(lang));

const nowKey: Record<StateKey, MessageKey> = {
  shelter_open: "nowShelterOpen",
  shelter_closed: "nowShelterClosed",
  shelter_not_opened: "nowShelterNotOpened",
  closed: "nowClosed",
  restricted: "nowRestricted",
  normal: "nowNormal",
  unknown: "nowUnknown",
};

/** A value that may be empty, as the catalogue's selects expect it. */
const orNone = (value: string | undefined) => value || "none";

function catalogueIn(lang: ResidentLang): Catalogue {
  const t = (key: MessageKey, values?: Record<string, string | number>) => say(lang, key, values);
  const staff = staffLang(lang);
  const aside = (text: string) => t("aside", { text });
  return {
    title: (incident, level) => t("pushTitle", { incident, level }),
    stoodDown: (incident, level) => t("pushStoodDown", { incident, level }),
    sheltersOpened: (n, byWard) => t("sheltersOpened", { n, byWard }),
    sheltersClosed: (n) => t("sheltersClosed", { n }),
    closed: (n, names) => t("facilitiesClosed", { n, names }),
    restricted: (n, names) => t("facilitiesRestricted", { n, names }),
    reopened: (n, names) => t("facilitiesReopened", { n, names }),
    more: (n) => t("more", { n }),
    listSeparator: t("listSeparator"),
    wardCount: (ward, n) => t("wardCount", { ward, n }),
    details: (url) => t("details", { url }),
    changesTitle: t("changesTitle"),
    wardSheltersOpened: (ward, n, openNow) => t("wardSheltersOpened", { ward, n, openNow }),
    wardSheltersClosed: (ward, n, openNow) => t("wardSheltersClosed", { ward, n, openNow }),
    facilityNow: (name, state, use, reason) =>
      t("facilityNow", {
        name: nameIn(lang, name),
        now: `${t(nowKey[state])}${state === "restricted" && use ? aside(glossaryWord(useGlossary, use, lang)) : ""}${reason ? aside(reasonIn(reason, lang)) : ""}`,
      }),
    time: (iso) => formatCityTime(new Date(iso), timeLocale(lang), shortTime),
    name: (name) => nameIn(lang, name),
    ward: (ward) => glossaryWord(wardTerms, ward, lang),
    incident: (incident) => glossaryWord(incidentGlossary, incident, lang),
    level: (level) => glossaryWord(levelGlossary, level, lang),
    staffReassignedTitle: sayStaff(staff, "staffReassignedTitle"),
    staffReassigned: (n) =>
      sayStaff(staff, "staffReassigned", {
        place: n.place,
        address: orNone(n.address),
        duty: n.duty,
        from: n.from,
        until: n.until,
        reportTo: n.reportTo,
        phone: orNone(n.phone),
        bring: n.bring.length ? n.bring.join(staff === "ja" ? "、" : ", ") : "none",
      }),
    staffReleasedTitle: sayStaff(staff, "staffReleasedTitle"),
    staffReleased: (department) => sayStaff(staff, "staffReleased", { department }),
    staffReturnedTitle: sayStaff(staff, "staffReturnedTitle"),
    staffReturned: (department, minimum, skill) => sayStaff(staff, "staffReturned", { department, minimum, skill: orNone(skill) }),
    staffTeamTitle: sayStaff(staff, "staffTeamTitle"),
    staffTeam: (place, name, department, minimum, skill, replacement) =>
      sayStaff(staff, "staffTeam", { place, name, department, minimum, skill: orNone(skill), replacement: orNone(replacement) }),
    staffRemindedTitle: sayStaff(staff, "staffRemindedTitle"),
    staffReminded: (attempt) => sayStaff(staff, "staffReminded", { attempt }),
    staffEscalatedTitle: sayStaff(staff, "staffEscalatedTitle"),
    staffEscalated: (name, proposed) => sayStaff(staff, "staffEscalated", { name, proposed: orNone(proposed) }),
    untilFurtherNotice: t("untilFurtherNotice"),
    staffUntilFurtherNotice: sayStaff(staff, "staffUntilFurtherNotice"),
    staffRotaTitle: sayStaff(staff, "staffRotaTitle"),
    staffStayHome: (department, until, reason) => sayStaff(staff, "staffStayHome", { department, until, reason }),
    staffOfficeDays: (department, days) => sayStaff(staff, "staffOfficeDays", { department, days: orNone(days) }),
    day: (date) => formatCityTime(new Date(cityInstant(date)), timeLocale(lang), dayOfWeek),
    scheduledTitle: t("scheduledTitle"),
    soonTitle: t("soonTitle"),
    scheduled: (facility, closed, from, until, reason) =>
      t("scheduled", { facility: nameIn(lang, facility), closed: closed ? "yes" : "no", from, until, reason }),
    servicesTitle: t("servicesTitle"),
    serviceChanged: (service, channel, level, from, until) =>
      t("serviceChanged", { service: nameIn(lang, service), channel, level, from: orNone(from), until: orNone(until) }),
    bookingMovedTitle: t("bookingMovedTitle"),
    bookingMoved: (service, office, time) => t("bookingMoved", { service: nameIn(lang, service), office: nameIn(lang, office), time }),
    bookingCancelledTitle: t("bookingCancelledTitle"),
    bookingCancelled: (service, instead) => t("bookingCancelled", { service: nameIn(lang, service), instead }).trimEnd(),
    alternatives: Object.fromEntries(Object.entries(insteadKeys).map(([channel, key]) => [channel, t(key)])),
  };
}

export const catalogue = Object.fromEntries(residentLanguages.map((lang) => [lang, catalogueIn(lang)])) as Readonly<
  Record<ResidentLang, Catalogue>
>;

/** The first three facilities by name, then "and N more": a message names a few, never a list of hundreds. */
export function facilityNames(list: { facilityName: string }[], lang: ResidentLang): string {
  const t = catalogue[lang];
  const shown = list.slice(0, 3).map((c) => t.name(c.facilityName));
  if (list.length > 3) shown.push(t.more(list.length - 3));
  return shown.join(t.listSeparator);
}
