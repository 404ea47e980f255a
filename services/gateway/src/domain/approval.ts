import { ModeLevel } from "@crisis/platform/contracts";

/** The city's policy on declarations that need a second person (config APPROVAL_REQUIRED). */
export const approvalPolicies = ["normal-to-emergency", "never"] as const;
export type ApprovalPolicy = (typeof approvalPolicies)[number];

/** A jump from normal operations straight to emergency waits for an approver when the policy says so. */
export function needsSecondPerson(policy: ApprovalPolicy, from: ModeLevel, to: ModeLevel): boolean {
  return policy === "normal-to-emergency" && from === ModeLevel.MODE_LEVEL_NORMAL && to === ModeLevel.MODE_LEVEL_EMERGENCY;
}

/** A pending declaration lapses at its expiry; an approval after that changes nothing. */
export const hasExpired = (expiresAt: string, now: Date) => now.getTime() >= new Date(expiresAt).getTime();
