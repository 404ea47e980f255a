import { Backbone, publishEvent } from "@crisis/platform";
import { eventTypes } from "@crisis/platform/contracts";
import type { Clock } from "@crisis/platform";
import type { RotaEvents } from "../../app/team-rotas";
import { noticeId } from "../../app/duty-notices";

/** Event ids come from the cause (the split's members, the out's end), so a repeat publishes nothing twice. */
export function rotaEvents(backbone: Backbone, clock: Clock): RotaEvents {
  return {
    async planned(rota, correlationId) {
      const teams = rota.split.teams.map((t) => ({ teamId: t.id, letter: t.letter, staffIds: [...t.members] }));
      const eventId = `rota-planned:${rota.split.department}:${rota.firstDay}:${teams.map((t) => t.staffIds.length).join("-")}:${clock.now().toISOString()}`;
      await publishEvent(
        backbone.js,
        eventTypes.rotaPlanned,
        {
          eventId,
          department: rota.split.department,
          teams,
          unit: rota.split.rota,
          firstDay: rota.firstDay,
          plannedAt: clock.now().toISOString(),
        },
        { eventId, correlationId },
      );
    },
    async suspended(rota, teamId, short, correlationId) {
      const out = rota.outs.find((o) => o.teamId === teamId)!;
      const eventId = `rota-suspended:${teamId}:${out.since}:${out.until}`;
      await publishEvent(
        backbone.js,
        eventTypes.rotaSuspended,
        {
          eventId,
          teamId,
          department: rota.split.department,
          reason: out.reason,
          until: out.until,
          suspendedAt: clock.now().toISOString(),
          shortFloors: [...short],
        },
        { eventId, correlationId },
      );
    },
    async returned(rota, teamId, correlationId) {
      const eventId = `rota-returned:${teamId}:${clock.now().toISOString()}`;
      await publishEvent(
        backbone.js,
        eventTypes.rotaReturned,
        { eventId, teamId, department: rota.split.department, returnedAt: clock.now().toISOString() },
        { eventId, correlationId },
      );
    },
    async told(rota, notice, reason, correlationId) {
      // The id comes from what the person is told: the same days told again publish nothing.
      const id = noticeId("rota", notice.staffId, notice.teamId, notice.stayHomeUntil ?? "", ...notice.officeDays);
      const eventId = `staff-rota-${id}`;
      await publishEvent(
        backbone.js,
        eventTypes.staffRotaChanged,
        {
          eventId,
          noticeId: id,
          staffId: notice.staffId,
          teamId: notice.teamId,
          department: rota.split.department,
          departmentName: rota.split.name,
          stayHomeUntil: notice.stayHomeUntil ?? "",
          officeDays: [...notice.officeDays],
          reason,
          issuedAt: clock.now().toISOString(),
        },
        { eventId, correlationId },
      );
    },
  };
}
