import { serviceLevelName, shelterName, useName } from "@crisis/platform/contracts";
import { ModePreview } from "@crisis/platform/contracts/facilities";

/**
 * What a declaration would change, in the API's words (the names a declaration and a facility's
 * view use, not the proto's enum names): the console and the approver read the same.
 */
export const modePreviewView = (p: ModePreview) => ({
  facilities: p.facilities.map((f) => ({
    facilityId: f.facilityId,
    facilityName: f.facilityName,
    category: f.category,
    ward: f.ward,
    useBefore: useName(f.useBefore) ?? null,
    useAfter: useName(f.useAfter) ?? null,
    // null: not a designated shelter.
    shelterBefore: shelterName(f.shelterBefore) ?? null,
    shelterAfter: shelterName(f.shelterAfter) ?? null,
    reason: f.reason,
  })),
  services: p.services.map((s) => ({
    serviceId: s.serviceId,
    serviceName: s.serviceName,
    channel: s.channel,
    levelBefore: serviceLevelName(s.levelBefore) ?? null,
    levelAfter: serviceLevelName(s.levelAfter) ?? null,
    reason: s.reason,
  })),
  kept: p.kept.map((k) => ({
    facilityId: k.facilityId,
    facilityName: k.facilityName,
    what: k.what,
    decidedBy: k.decidedBy,
    reason: k.reason,
  })),
  changesByWard: p.changesByWard,
  changesByCategory: p.changesByCategory,
});
