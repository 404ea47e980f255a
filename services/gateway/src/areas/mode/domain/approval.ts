import { ModeLevel } from "@crisis/platform/contracts";

/** The city's policy on declarations that need a second person (config APPROVAL_REQUIRED). */
export const approvalPolicies = ["normal-to-emergency", "into-emergency", "never"] as const;
export type ApprovalPolicy = (typeof approvalPolicies)[number];

/**
 * Which declarations wait for an approver: a jump from normal operations straight to emergency
 * (normal-to-emergency), or every step up into emergency, from watch and alert too (into-emergency),
 * for a city whose emergency headquarters are set up by the mayor whatever came before.
 */
export function needsSecondPerson(policy: ApprovalPolicy, from: ModeLevel, to: ModeLevel): boolean {
  if (policy === "never" || to !== ModeLevel.MODE_LEVEL_EMERGENCY) return false;
  return policy === "into-emergency" ? from !== ModeLevel.MODE_LEVEL_EMERGENCY : from === ModeLevel.MODE_LEVEL_NORMAL;
}

/** A pending declaration lapses at its expiry; an approval after that changes nothing. */
export const hasExpired = (expiresAt: string, now: Date) => now.getTime() >= new Date(expiresAt).getTime();
