import { ModeLevel } from "@crisis/platform/contracts";
import { ApprovalPolicy, needsSecondPerson } from "../../../../src/areas/mode/domain/approval";

const { MODE_LEVEL_NORMAL: normal, MODE_LEVEL_WATCH: watch, MODE_LEVEL_ALERT: alert, MODE_LEVEL_EMERGENCY: emergency } = ModeLevel;

describe("which declarations wait for a second person", () => {
  it.each<[ApprovalPolicy, ModeLevel, ModeLevel, boolean]>([
    ["never", normal, emergency, false],
    ["normal-to-emergency", normal, emergency, true],
    ["normal-to-emergency", alert, emergency, false],
    ["normal-to-emergency", normal, alert, false],
    ["into-emergency", normal, emergency, true],
    ["into-emergency", watch, emergency, true],
    ["into-emergency", alert, emergency, true],
    ["into-emergency", emergency, emergency, false],
    ["into-emergency", emergency, alert, false],
    ["into-emergency", normal, alert, false],
  ])("%s: from %s to %s waits: %s", (policy, from, to, waits) => {
    expect(needsSecondPerson(policy, from, to)).toBe(waits);
  });
});
