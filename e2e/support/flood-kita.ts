import { Harness, eventually } from "../harness";
import { bearer, declare } from "./api";

/**
 * The opening several staffing stories share: 北区 floods, the manager declares, staffing plans posts
 * for the shelters facilities opened there, and the staffing officer proposes a plan (not applied).
 */
export async function floodKitaAndProposePlan(h: Harness) {
  const manager = await bearer(h, "manager");
  const officer = await bearer(h, "staffing_officer");
  await declare(h, { incident: "flood", level: "emergency", wards: ["北区"], reason: "白川氾濫" }, manager);
  await eventually(
    async () => ((await h.api("GET", "/api/v1/staffing/summary", undefined, manager)).body.shelters?.length ?? 0) > 0,
    "staffing planned 北区's opened shelters",
    90_000,
    500,
  );
  const plan = (await h.api("POST", "/api/v1/staffing/plans", {}, officer)).body as {
    id: string;
    changes: { staffId: string; to: string | null }[];
  };
  return { manager, officer, plan };
}
