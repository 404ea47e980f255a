import { deadLetterSubjects, eventTypes, subjectRule } from "../src/contracts";
import { streams } from "../src";

describe("subjects", () => {
  it.each(Object.values(eventTypes).map((t) => [t.subject]))("names the city's event %s by the rule", (subject) => {
    expect(subject).toMatch(subjectRule);
    expect(subject.startsWith("crisis.")).toBe(true);
  });

  it("puts every event in the stream of its area", () => {
    for (const { subject } of Object.values(eventTypes)) {
      const area = subject.split(".")[1];
      const stream = Object.values(streams).find((s) => s.name === `CRISIS_${area.toUpperCase()}`);
      expect(stream?.subjects).toContain(`crisis.${area}.>`);
    }
  });

  it("names the dead-letter subjects by the rule, in the dead-letter stream", () => {
    for (const subject of Object.values(deadLetterSubjects)) {
      expect(subject).toMatch(subjectRule);
      expect(streams.deadLetter.subjects).toContain("crisis.deadletter.>");
    }
  });

  it("refuses subjects that break the rule", () => {
    for (const bad of ["crisis.Mode.changed", "mode.changed", "crisis.mode.change", "crisis.facility.status.changed.now.again"]) {
      expect(bad).not.toMatch(subjectRule);
    }
  });
});
