// The facility admin's desk beside the shelters: restrictions and capacity of any facility (each
// with a reason, ended from the same list) and the level of each counter service per channel.
import type { z } from "zod";
import type { StaffWords } from "../src/adapters/http/page-parts/staff-words";
import type { counterAnswers } from "../src/areas/counters/http/schemas";
import type { facilityAnswers } from "../src/areas/facilities/http/schemas";
import type { CounterServices } from "./lib/api";
import type { PageBasics } from "./lib/city-time";
import { crisisDesk, hasRole } from "./lib/crisis-desk";
import { byId, el, inBackground } from "./lib/dom";
import { fill } from "./lib/fill";

type Facility = z.infer<typeof facilityAnswers.facility>;
type Restriction = Facility["restrictions"][number];
type Service = CounterServices["services"][number];
type Channel = Service["channels"][number];

const desk = crisisDesk<
  PageBasics & {
    desk: StaffWords<"desk">;
    uses: Record<string, string>;
    serviceLevels: Record<string, string>;
    channels: Record<string, string>;
  }
>();
const { uses, serviceLevels, channels } = desk.data;
const d = desk.data.desk;

// --- restrictions and capacity ------------------------------------------------------------
const form = byId<HTMLFormElement>("restrict-form");
const facility = byId<HTMLSelectElement>("restrict-facility");
const kind = byId<HTMLSelectElement>("restrict-kind");
const capacityInput = byId<HTMLInputElement>("restrict-capacity");
const reasonInput = byId<HTMLInputElement>("restrict-reason");
const restrictResult = (text: string) => (byId("restrict-result").textContent = text);
const facilityName = () => facility.selectedOptions[0]?.textContent ?? "";

async function loadRestrictions(): Promise<void> {
  const id = facility.value;
  const res = await desk.api<Facility>("GET", `/api/v1/facilities/${encodeURIComponent(id)}`);
  if (!res.ok) return desk.unavailable(byId("restrictions"), res.missing ? undefined : desk.problem(res));
  const active = res.body.restrictions.filter((r) => !r.endedAt);
  byId("restriction-list").replaceChildren(
    ...(active.length ? active.map((r) => restrictionItem(id, r)) : [el("li", {}, d.noRestrictions)]),
  );
}

function restrictionItem(facilityId: string, r: Restriction) {
  const end = el("button", { type: "button" }, d.endRestriction);
  end.setAttribute("aria-label", `${d.endRestriction}: ${uses[r.kind] || r.kind}`);
  end.addEventListener(
    "click",
    inBackground(async () => {
      end.disabled = true;
      const path = `/api/v1/facilities/${encodeURIComponent(facilityId)}/restrictions/${encodeURIComponent(r.id)}`;
      const res = await desk.api<Facility>("DELETE", path);
      restrictResult(res.ok ? d.restrictionEnded : desk.problem(res));
      await loadRestrictions();
    }),
  );
  const capacity = r.capacity ? ` (${r.capacity})` : "";
  return el("li", { "data-id": r.id }, el("strong", {}, `${uses[r.kind] || r.kind}${capacity}`), ` — ${r.reason} (${r.author}) `, end);
}

facility.addEventListener("change", inBackground(loadRestrictions));
form.addEventListener(
  "submit",
  inBackground(async (event: SubmitEvent) => {
    event.preventDefault();
    const reason = reasonInput.value.trim();
    if (!reason) {
      restrictResult(d.reasonRequired);
      return reasonInput.focus();
    }
    const capacity = Number(capacityInput.value);
    const body = { kind: kind.value, reason, ...(capacity > 0 ? { capacity } : {}) };
    const res = await desk.api<z.infer<typeof facilityAnswers.restricted>>(
      "POST",
      `/api/v1/facilities/${encodeURIComponent(facility.value)}/restrictions`,
      body,
    );
    restrictResult(res.ok ? fill(d.restricted, { name: facilityName() }) : desk.problem(res));
    if (res.ok) reasonInput.value = "";
    await loadRestrictions();
  }),
);

// --- counter services: one row per service and channel --------------------------------------
async function loadCounters(): Promise<void> {
  const res = await desk.api<CounterServices>("GET", "/api/v1/services");
  if (!res.ok) return desk.unavailable(byId("counters"), res.missing ? undefined : desk.problem(res));
  const rows = res.body.services.flatMap((service) => service.channels.map((c) => counterRow(service, c)));
  byId<HTMLTableElement>("counter-table").tBodies[0].replaceChildren(...rows);
}

function counterRow(service: Service, c: Channel) {
  const key = `${service.id}-${c.channel}`;
  const serviceName = desk.data.lang === "en" && service.nameEn ? service.nameEn : service.name;
  const label = `${serviceName} ${channels[c.channel] || c.channel}`;
  const level = el("select", { id: `level-${key}`, "aria-label": `${d.counterLevel}: ${label}` });
  for (const [name, words] of Object.entries(serviceLevels)) {
    const option = el("option", { value: name }, words);
    if (name === c.level) option.selected = true;
    level.append(option);
  }
  const reason = el("input", { id: `reason-${key}`, maxlength: "500", size: "14", "aria-label": `${d.counterReason}: ${label}` });
  const set = el("button", { type: "button" }, d.counterSet);
  set.addEventListener(
    "click",
    inBackground(async () => {
      if (!reason.value.trim()) {
        byId("counter-result").textContent = d.reasonRequired;
        return reason.focus();
      }
      const path = `/api/v1/services/${encodeURIComponent(service.id)}/channels/${encodeURIComponent(c.channel)}`;
      const res = await desk.api<z.infer<typeof counterAnswers.service>>("PUT", path, { level: level.value, reason: reason.value.trim() });
      byId("counter-result").textContent = res.ok ? fill(d.counterChanged, { name: label }) : desk.problem(res);
      if (res.ok) await loadCounters();
    }),
  );
  return el(
    "tr",
    { "data-service": service.id, "data-channel": c.channel },
    el("td", {}, serviceName),
    el("td", {}, channels[c.channel] || c.channel),
    el("td", {}, level),
    el("td", {}, reason, " ", set),
  );
}

desk.onSignedIn((who) => {
  if (!hasRole(who, "manager", "facility_admin")) return;
  void loadRestrictions();
  void loadCounters();
});
