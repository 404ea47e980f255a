import { sendUnaryData } from "@grpc/grpc-js";
import { FacilityUse, ShelterOperation } from "@crisis/platform/contracts";
import { PreviewModeResponse } from "@crisis/platform/contracts/facilities";

/** The preview a stand-in facilities service answers for any declaration: one shelter would open. */
export const cannedPreview: PreviewModeResponse = {
  preview: {
    facilities: [
      {
        facilityId: "shelter:101",
        facilityName: "熊本市立五福小学校",
        category: "shelter",
        ward: "中央区",
        useBefore: FacilityUse.FACILITY_USE_OPEN,
        useAfter: FacilityUse.FACILITY_USE_CLOSED,
        shelterBefore: ShelterOperation.SHELTER_OPERATION_NOT_OPENED,
        shelterAfter: ShelterOperation.SHELTER_OPERATION_OPEN,
        reason: "earthquake emergency playbook",
      },
    ],
    services: [],
    kept: [],
    changesByWard: { 中央区: 1 },
    changesByCategory: { shelter: 1 },
  },
};

/** Only PreviewMode: what the gateway's declarations need from facilities. */
export const previewingFacilities = {
  previewMode: (_call: unknown, callback: sendUnaryData<PreviewModeResponse>) => callback(null, cannedPreview),
};

/** PreviewMode that answers only once `gate` resolves: a request held in flight. */
export const previewingAfter = (gate: Promise<void>) => ({
  previewMode: (_call: unknown, callback: sendUnaryData<PreviewModeResponse>) => void gate.then(() => callback(null, cannedPreview)),
});
